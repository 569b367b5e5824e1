package io.kensa.db.feed.amazon;

import io.kensa.core.KensaException;
import io.kensa.db.feed.FeedWarnings;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A yum repository's {@code updateinfo.xml} (repodata, as createrepo writes it and Amazon Linux serves it), read as
 * a stream of {@code <update>} elements:
 * <pre>{@code
 * <updates>
 *   <update author="…" from="…" status="final" type="security" version="1.4">
 *     <id>ALAS2023-2024-463</id> <title>…</title> <issued date="2024-01-03 23:20:00"/> <updated date="…"/>
 *     <severity>Medium</severity> <description>…</description>
 *     <references><reference href="…" id="CVE-2023-5981" title="" type="cve"/></references>
 *     <pkglist><collection short="amazon-linux-2023"><name>…</name>
 *       <package arch="x86_64" epoch="0" name="gnutls" release="377.amzn2023.0.3" version="3.8.0">
 *         <filename>…</filename></package></collection></pkglist>
 *   </update>
 * </updates>}</pre>
 * Updates of another type than {@code security} are passed over. The document may not declare a DTD (no entity of
 * any kind is expanded, nothing external is read); its nesting, text lengths and package lists are bounded. A
 * document that is not well-formed XML or not {@code <updates>} fails with one line; an {@code <update>} without an
 * id, or over a bound, is skipped with a warning.
 */
final class UpdateInfoXml {
    static final int MAX_DEPTH = 32;
    static final int MAX_TEXT = 1 << 20;
    static final int MAX_PACKAGES = 100_000;

    private UpdateInfoXml() {
    }

    /** What is done with each security update read. */
    @FunctionalInterface
    interface Sink {
        void accept(Alas alas) throws SQLException;
    }

    static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    /**
     * Reads every update of {@code in}.
     *
     * @param display how messages name the file
     * @return the number of security updates passed to {@code sink}
     */
    static long read(InputStream in, String display, FeedWarnings warnings, Sink sink) throws IOException,
            SQLException {
        XMLStreamReader r;
        try {
            r = factory().createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw malformed(display, e);
        }
        long count = 0;
        try {
            int depth = 0;
            int index = 0;
            Builder update = null;
            String element = null;
            StringBuilder text = new StringBuilder();
            boolean textTooLong = false;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new KensaException(display
                            + ": declares a DTD, which updateinfo.xml never does (refused: entities are not read)");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new KensaException(display
                            + ": refers to an entity '" + r.getLocalName() + "' (refused)");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++depth > MAX_DEPTH) {
                            throw new KensaException(display + ": nested deeper than " + MAX_DEPTH + " elements");
                        }
                        String name = r.getLocalName();
                        if (depth == 1) {
                            if (!name.equals("updates")) {
                                throw new KensaException(display + ": not an updateinfo document (root element <"
                                        + name + ">, expected <updates>)");
                            }
                        } else if (depth == 2 && name.equals("update")) {
                            index++;
                            update = new Builder(attribute(r, "type"));
                        } else if (update != null) {
                            update.start(name, r);
                        }
                        element = name;
                        text.setLength(0);
                        textTooLong = false;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (update != null && element != null) {
                            if (text.length() + r.getTextLength() > MAX_TEXT) {
                                textTooLong = true;
                            } else {
                                text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                            }
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        depth--;
                        String name = r.getLocalName();
                        if (update != null && depth == 1 && name.equals("update")) {
                            String where = display + " update " + index
                                    + (update.id == null ? "" : " (" + update.id + ")");
                            if (update.problem != null) {
                                warnings.add(where, update.problem + ", skipped");
                            } else if (update.id == null) {
                                warnings.add(where, "no <id>, skipped");
                            } else if (update.isSecurity()) {
                                sink.accept(update.build());
                                count++;
                            }
                            update = null;
                        } else if (update != null) {
                            if (textTooLong) {
                                update.problem = "<" + name + "> longer than " + MAX_TEXT + " characters";
                            } else {
                                update.end(name, text.toString().strip());
                            }
                        }
                        element = null;
                        text.setLength(0);
                        textTooLong = false;
                    }
                    default -> {
                        // comments, processing instructions
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(display, e);
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // the stream is closed by the caller
            }
        }
        return count;
    }

    private static KensaException malformed(String display, XMLStreamException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber();
        String message = e.getMessage() == null ? "" : e.getMessage();
        int detail = message.indexOf("Message: ");
        message = detail >= 0 ? message.substring(detail + "Message: ".length()) : message;
        return new KensaException(display + ": not well-formed XML" + where + " (" + message.strip() + ")", e);
    }

    private static String attribute(XMLStreamReader r, String name) {
        String v = r.getAttributeValue(null, name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** The fields of one {@code <update>} as they are read. */
    private static final class Builder {
        private final String type;
        private String id;
        private String title;
        private String severity;
        private String issued;
        private String updated;
        private String description;
        private final Set<String> cves = new LinkedHashSet<>();
        private final List<String> urls = new ArrayList<>();
        private final List<Alas.Package> packages = new ArrayList<>();
        private String problem;

        Builder(String type) {
            this.type = type;
        }

        boolean isSecurity() {
            return type == null || type.equalsIgnoreCase("security");
        }

        void start(String name, XMLStreamReader r) {
            switch (name) {
                case "issued" -> issued = attribute(r, "date");
                case "updated" -> updated = attribute(r, "date");
                case "reference" -> {
                    String href = attribute(r, "href");
                    if (href != null) {
                        urls.add(href);
                    }
                    String refType = attribute(r, "type");
                    String refId = attribute(r, "id");
                    if (refId != null && refType != null && refType.toLowerCase(Locale.ROOT).equals("cve")) {
                        cves.add(refId);
                    }
                }
                case "package" -> {
                    if (packages.size() >= MAX_PACKAGES) {
                        problem = "more than " + MAX_PACKAGES + " packages";
                    } else {
                        packages.add(new Alas.Package(attribute(r, "name"), attribute(r, "epoch"),
                                attribute(r, "version"), attribute(r, "release"), attribute(r, "arch")));
                    }
                }
                default -> {
                }
            }
        }

        void end(String name, String text) {
            String value = text.isEmpty() ? null : text;
            switch (name) {
                case "id" -> id = value;
                case "title" -> title = value;
                case "severity" -> severity = value;
                case "description" -> description = value;
                default -> {
                }
            }
        }

        Alas build() {
            return new Alas(id, title, severity, AlasDates.parse(issued), AlasDates.parse(updated), description,
                    List.copyOf(cves), urls, packages);
        }
    }
}
