package io.kensa.db.build.maven;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the versions a repository lists in an artifact's {@code maven-metadata.xml}
 * ({@code metadata/versioning/versions/version}) with the JDK's parser, hardened: no DOCTYPE at all (so no
 * external or expanding entities), no external DTD or schema, no XInclude, secure processing on.
 */
final class MavenMetadata {
    private static final DocumentBuilderFactory FACTORY = factory();

    private MavenMetadata() {
    }

    /** The versions listed, in order, without duplicates. */
    static List<String> versions(byte[] xml) throws MalformedMetadataException {
        Document doc;
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) { // a factory is not promised to be thread-safe
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(SILENT);
            doc = builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new MalformedMetadataException("not well-formed XML (" + e.getMessage() + ")");
        } catch (IOException | ParserConfigurationException e) {
            throw new MalformedMetadataException("unreadable (" + e.getMessage() + ")");
        }
        Element root = doc.getDocumentElement();
        if (!"metadata".equals(root.getTagName())) {
            throw new MalformedMetadataException("root element is <" + root.getTagName() + ">, not <metadata>");
        }
        Set<String> versions = new LinkedHashSet<>();
        for (Element versioning : children(root, "versioning")) {
            for (Element list : children(versioning, "versions")) {
                for (Element v : children(list, "version")) {
                    String text = v.getTextContent().strip();
                    if (!text.isEmpty()) {
                        versions.add(text);
                    }
                }
            }
        }
        return new ArrayList<>(versions);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && name.equals(e.getTagName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try {
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be hardened", e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        return f;
    }

    /** Errors become exceptions; nothing is printed on stderr (the parser's default handler would). */
    private static final ErrorHandler SILENT = new ErrorHandler() {
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

    /** A {@code maven-metadata.xml} that cannot be read; the artifact is skipped with a warning. */
    static final class MalformedMetadataException extends Exception {
        MalformedMetadataException(String message) {
            super(message);
        }
    }
}
