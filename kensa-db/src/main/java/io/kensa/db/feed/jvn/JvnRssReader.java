package io.kensa.db.feed.jvn;

import io.kensa.core.KensaException;
import io.kensa.db.feed.FeedDates;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a JVNDB RSS document (the JVN iPedia feeds {@code jvndb.rdf}, {@code jvndb_detail_YYYY.rdf}, or a MyJVN
 * {@code getVulnOverviewList} response): RSS 1.0 ({@code rdf:RDF}, {@code channel}, {@code item}) with the mod_sec
 * elements of jvnrss_3.2.xsd ({@code sec:identifier}, {@code sec:references}, {@code sec:cvss}) and Dublin Core
 * dates. Items stream to a handler one at a time.
 *
 * <p>Hostile documents: a DOCTYPE is refused outright (no DTD, no entity of any kind is ever expanded, so neither
 * XXE nor entity expansion bombs apply), elements nest at most {@value #MAX_DEPTH} deep, and the text of one
 * element is at most {@value #MAX_TEXT} characters. A MyJVN error response ({@code status:Status retCd} not 0)
 * fails with its message.
 */
final class JvnRssReader {
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String RSS = "http://purl.org/rss/1.0/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    /** mod_sec: {@code http://jvn.jp/rss/mod_sec/3.0/} today, earlier versions under the same prefix. */
    static final String SEC_PREFIX = "http://jvn.jp/rss/mod_sec/";
    static final String STATUS = "http://jvndb.jvn.jp/myjvn/Status";
    static final int MAX_DEPTH = 32;
    static final int MAX_TEXT = 1 << 20;
    private static final int MAX_PER_ITEM = 1000;

    @FunctionalInterface
    interface Handler {
        /**
         * @param index the item's position in the document, from 0
         * @param lang  the document's language ({@code xml:lang} of its root, {@code ja} when it names none)
         */
        void item(JvnItem item, int index, String lang) throws SQLException;
    }

    private final String where;
    private final XMLStreamReader xml;
    private int depth;

    private JvnRssReader(String where, XMLStreamReader xml) {
        this.where = where;
        this.xml = xml;
    }

    /** Reads {@code in} (named {@code where} in messages), giving each item to {@code handler}. */
    static JvnItem.Document read(InputStream in, String where, Handler handler) throws SQLException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                return new JvnRssReader(where, xml).document(handler);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw notXml(where, e);
        }
    }

    private static KensaException notXml(String where, XMLStreamException e) {
        Location at = e.getLocation();
        // the JDK's message repeats the position as "ParseError at [row,col]:[3,5] Message: ..."
        String message = e.getMessage() == null ? ""
                : e.getMessage().replaceFirst("(?s)^ParseError at \\[[^]]*]\\s*Message:\\s*", "");
        return new KensaException(where + ": not well-formed XML (" + message.strip()
                + (at == null ? "" : " at line " + at.getLineNumber() + " column " + at.getColumnNumber()) + ")", e);
    }

    private JvnItem.Document document(Handler handler) throws XMLStreamException, SQLException {
        if (!toRootElement()) {
            throw new KensaException(where + ": no root element");
        }
        if (!isElement(RDF, "RDF")) {
            throw new KensaException(where + ": not a JVNDB RSS document (root element <" + xml.getLocalName()
                    + "> in " + (xml.getNamespaceURI() == null ? "no namespace" : xml.getNamespaceURI())
                    + "; expected rdf:RDF with RSS 1.0 items)");
        }
        String xmlLang = xml.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
        String lang = xmlLang == null || xmlLang.isBlank() ? "ja" : xmlLang.strip().toLowerCase(Locale.ROOT);
        Instant date = null;
        int items = 0;
        depth = 1;
        while (next() != XMLStreamConstants.END_DOCUMENT) {
            if (xml.getEventType() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (isElement(RSS, "item")) {
                handler.item(item(), items++, lang);
            } else if (isElement(RSS, "channel")) {
                date = channelDate();
            } else if (isElement(STATUS, "Status")) {
                status();
            } else {
                skip();
            }
        }
        return new JvnItem.Document(lang, date);
    }

    private boolean toRootElement() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new KensaException(where + ": has a DOCTYPE; refused (JVN feeds have none, and a DTD could"
                        + " declare external or expanding entities)");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
        }
        return false;
    }

    /** The next event, keeping the depth; an entity reference left unexpanded is an error. */
    private int next() throws XMLStreamException {
        int event = xml.next();
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> {
                if (++depth > MAX_DEPTH) {
                    throw new KensaException(where + ": elements nested deeper than " + MAX_DEPTH + " (line "
                            + xml.getLocation().getLineNumber() + ")");
                }
            }
            case XMLStreamConstants.END_ELEMENT -> depth--;
            case XMLStreamConstants.ENTITY_REFERENCE -> throw new KensaException(where + ": entity reference &"
                    + xml.getLocalName() + "; refused (line " + xml.getLocation().getLineNumber() + ")");
            case XMLStreamConstants.DTD -> throw new KensaException(where + ": a DOCTYPE inside the document");
            default -> {
            }
        }
        return event;
    }

    private boolean isElement(String namespace, String local) {
        return local.equals(xml.getLocalName()) && namespace.equals(xml.getNamespaceURI());
    }

    private boolean isSec(String local) {
        String ns = xml.getNamespaceURI();
        return local.equals(xml.getLocalName()) && ns != null && ns.startsWith(SEC_PREFIX);
    }

    /** Skips the current element and its children. */
    private void skip() throws XMLStreamException {
        int end = depth - 1;
        while (depth > end) {
            next();
        }
    }

    /** The text of the current element (its children's text too), stripped; the reader is left at its end. */
    private String text() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int end = depth - 1;
        while (depth > end) {
            int event = next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                if (text.length() + xml.getTextLength() > MAX_TEXT) {
                    throw new KensaException(where + ": an element's text is longer than " + MAX_TEXT
                            + " characters (line " + xml.getLocation().getLineNumber() + ")");
                }
                text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
            }
        }
        String s = text.toString().strip();
        return s.isEmpty() ? null : s;
    }

    private Instant channelDate() throws XMLStreamException {
        String modified = null;
        String date = null;
        int end = depth - 1;
        while (depth > end) {
            if (next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (depth == end + 2 && isElement(DCTERMS, "modified")) {
                modified = text();
            } else if (depth == end + 2 && isElement(DC, "date")) {
                date = text();
            } else {
                skip();
            }
        }
        Instant m = FeedDates.instant(modified);
        return m != null ? m : FeedDates.instant(date);
    }

    private void status() throws XMLStreamException {
        String retCd = xml.getAttributeValue(null, "retCd");
        if (retCd != null && !retCd.isBlank() && !retCd.strip().equals("0")) {
            String errCd = xml.getAttributeValue(null, "errCd");
            String errMsg = xml.getAttributeValue(null, "errMsg");
            throw new KensaException(where + ": a MyJVN error response (retCd " + retCd + ", errCd " + errCd
                    + ": " + errMsg + ")");
        }
        skip();
    }

    private JvnItem item() throws XMLStreamException {
        String about = xml.getAttributeValue(RDF, "about");
        String identifier = null;
        String title = null;
        String link = null;
        String description = null;
        String issued = null;
        String modified = null;
        String date = null;
        List<JvnItem.Reference> references = new ArrayList<>();
        List<JvnItem.Cvss> cvss = new ArrayList<>();
        int end = depth - 1;
        while (depth > end) {
            if (next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (depth != end + 2) {
                skip();
            } else if (isSec("identifier")) {
                identifier = text();
            } else if (isElement(RSS, "title")) {
                title = text();
            } else if (isElement(RSS, "link")) {
                link = text();
            } else if (isElement(RSS, "description")) {
                description = text();
            } else if (isSec("references") && references.size() < MAX_PER_ITEM) {
                String source = xml.getAttributeValue(null, "source");
                String id = xml.getAttributeValue(null, "id");
                String refTitle = xml.getAttributeValue(null, "title");
                references.add(new JvnItem.Reference(source, id, refTitle, text()));
            } else if (isSec("cvss") && cvss.size() < MAX_PER_ITEM) {
                cvss.add(new JvnItem.Cvss(xml.getAttributeValue(null, "version"), xml.getAttributeValue(null, "score"),
                        xml.getAttributeValue(null, "severity"), xml.getAttributeValue(null, "vector"),
                        xml.getAttributeValue(null, "type")));
                skip();
            } else if (isElement(DCTERMS, "issued")) {
                issued = text();
            } else if (isElement(DCTERMS, "modified")) {
                modified = text();
            } else if (isElement(DC, "date")) {
                date = text();
            } else {
                skip();
            }
        }
        return new JvnItem(about, identifier, title, link, description, references, cvss, issued, modified, date);
    }
}
