package io.kensa.analyze.lang.dotnet;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * The metadata of a {@code .nuspec} (XML in one of several namespaces, matched by local name): {@code id},
 * {@code version} and the license. The JDK parser is configured so that the file cannot reach outside itself: a
 * document type declaration is refused outright (so no entity of any kind is declared or expanded), external DTDs
 * and schemas are not loaded, XInclude is off and the JDK's secure-processing limits apply.
 */
final class NuspecReader {
    private static final String NUSPEC_DEPRECATED_LICENSE_URL = "https://aka.ms/deprecateLicenseUrl";
    private static final DocumentBuilderFactory FACTORY = factory();

    /**
     * What a nuspec says.
     *
     * @param licenses the SPDX expression of {@code <license type="expression">}; otherwise the
     *                 {@code <licenseUrl>} of older packages; empty for {@code <license type="file">}
     */
    record Nuspec(String id, String version, List<String> licenses) {
    }

    /** A nuspec that is not well-formed, declares a DTD, or lacks its id or version. */
    static final class MalformedNuspecException extends Exception {
        MalformedNuspecException(String message) {
            super(message);
        }
    }

    private NuspecReader() {
    }

    static Nuspec read(byte[] xml) throws MalformedNuspecException, IOException {
        Document doc;
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(THROWING);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            doc = builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new MalformedNuspecException("not a well-formed nuspec: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        Element root = doc.getDocumentElement();
        if (root == null || !"package".equals(localName(root))) {
            throw new MalformedNuspecException("root element is not <package>");
        }
        Element metadata = child(root, "metadata");
        if (metadata == null) {
            throw new MalformedNuspecException("no <metadata>");
        }
        String id = text(child(metadata, "id"));
        String version = text(child(metadata, "version"));
        if (id == null || version == null) {
            throw new MalformedNuspecException("no <id> and <version>");
        }
        int plus = version.indexOf('+'); // SemVer 2 build metadata is not part of a NuGet package's identity
        if (plus > 0) {
            version = version.substring(0, plus);
        }
        return new Nuspec(id, version, licenses(metadata));
    }

    private static List<String> licenses(Element metadata) {
        Element license = child(metadata, "license");
        if (license != null && "expression".equalsIgnoreCase(license.getAttribute("type"))) {
            String expression = text(license);
            return expression == null ? List.of() : List.of(expression);
        }
        if (license != null) {
            return List.of(); // type="file": the text is the name of a file inside the package
        }
        String url = text(child(metadata, "licenseUrl"));
        return url == null || url.equals(NUSPEC_DEPRECATED_LICENSE_URL) ? List.of() : List.of(url);
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(localName(e))) {
                return e;
            }
        }
        return null;
    }

    private static String localName(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    private static String text(Element e) {
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().strip();
        return t.isEmpty() ? null : t;
    }

    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private static DocumentBuilderFactory factory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute("jdk.xml.maxElementDepth", "64");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser cannot be made safe", e);
        }
    }
}
