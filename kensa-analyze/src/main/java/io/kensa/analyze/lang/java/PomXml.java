package io.kensa.analyze.lang.java;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The coordinates and licenses of a {@code pom.xml} packed into an archive. The group id and version may come from
 * the {@code <parent>}; {@code ${...}} references to the project's own coordinates and {@code <properties>} are
 * resolved. Each {@code <licenses><license>} gives its {@code <name>}, or its {@code <url>} when it has no name. No
 * DTD and no external entity is ever read.
 */
final class PomXml {
    private static final int MAX_LICENSES = 16;
    private static final int MAX_LICENSE_LENGTH = 300;
    private static final int MAX_PROPERTIES = 2000;
    private static final int MAX_SUBSTITUTIONS = 8;

    private PomXml() {
    }

    /** What a pom.xml says; groupId, artifactId or version are null when it does not give them usably. */
    record Pom(String groupId, String artifactId, String version, List<String> licenses) {

        /** The coordinates, or null when one is missing. */
        MavenMetadata coordinates() {
            if (!MavenMetadata.usable(groupId) || !MavenMetadata.usable(artifactId) || !MavenMetadata.usable(version)) {
                return null;
            }
            return new MavenMetadata(groupId, artifactId, version, MavenMetadata.POM_XML, licenses);
        }
    }

    /** The pom, or null when it is not well-formed XML. */
    static Pom parse(byte[] data) {
        Map<String, String> project = new HashMap<>();
        Map<String, String> properties = new HashMap<>();
        List<String> licenses = new ArrayList<>();
        String[] license = new String[2]; // name, url of the <license> being read
        Deque<String> path = new ArrayDeque<>();
        StringBuilder text = new StringBuilder();
        XMLStreamReader r = null;
        try {
            r = factory().createXMLStreamReader(new ByteArrayInputStream(data));
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamReader.START_ELEMENT -> {
                        path.addLast(r.getLocalName());
                        text.setLength(0);
                    }
                    case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA -> {
                        if (text.length() < 4096) {
                            text.append(r.getText());
                        }
                    }
                    case XMLStreamReader.END_ELEMENT -> {
                        record(path, text.toString().strip(), project, properties, license);
                        if (isLicense(path)) {
                            String value = license[0] != null ? license[0] : license[1];
                            if (value != null && licenses.size() < MAX_LICENSES) {
                                licenses.add(value);
                            }
                            license[0] = null;
                            license[1] = null;
                        }
                        path.removeLast();
                        text.setLength(0);
                    }
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            return null;
        } finally {
            close(r);
        }
        String version = project.getOrDefault("version", project.get("parent.version"));
        String groupId = project.getOrDefault("groupId", project.get("parent.groupId"));
        Map<String, String> values = new HashMap<>(properties);
        putIfUsable(values, "project.version", version);
        putIfUsable(values, "project.groupId", groupId);
        putIfUsable(values, "project.artifactId", project.get("artifactId"));
        putIfUsable(values, "project.parent.version", project.get("parent.version"));
        putIfUsable(values, "project.parent.groupId", project.get("parent.groupId"));
        putIfUsable(values, "version", version);
        putIfUsable(values, "pom.version", version);
        return new Pom(resolve(groupId, values), resolve(project.get("artifactId"), values), resolve(version, values),
                List.copyOf(licenses));
    }

    /** Whether {@code path} is {@code project/licenses/license}. */
    private static boolean isLicense(Deque<String> path) {
        return path.size() == 3 && path.getLast().equals("license") && path.getFirst().equals("project")
                && path.stream().skip(1).findFirst().orElse("").equals("licenses");
    }

    private static void record(Deque<String> path, String value, Map<String, String> project,
                               Map<String, String> properties, String[] license) {
        if (path.isEmpty() || !path.getFirst().equals("project")) {
            return;
        }
        int depth = path.size();
        String leaf = path.getLast();
        if (depth == 2 && (leaf.equals("groupId") || leaf.equals("artifactId") || leaf.equals("version"))) {
            project.put(leaf, value);
        } else if (depth == 3 && path.stream().skip(1).findFirst().orElse("").equals("parent")
                && (leaf.equals("groupId") || leaf.equals("version"))) {
            project.put("parent." + leaf, value);
        } else if (depth == 3 && path.stream().skip(1).findFirst().orElse("").equals("properties")
                && properties.size() < MAX_PROPERTIES) {
            properties.put(leaf, value);
        } else if (depth == 4 && (leaf.equals("name") || leaf.equals("url")) && !value.isEmpty()
                && value.length() <= MAX_LICENSE_LENGTH
                && path.stream().skip(1).findFirst().orElse("").equals("licenses")) {
            license[leaf.equals("name") ? 0 : 1] = value;
        }
    }

    private static void putIfUsable(Map<String, String> values, String key, String value) {
        if (value != null && !value.isEmpty()) {
            values.put(key, value);
        }
    }

    /** Replaces {@code ${name}} references by their values, a few rounds deep; unknown ones stay. */
    static String resolve(String value, Map<String, String> values) {
        if (value == null) {
            return null;
        }
        String v = value;
        for (int round = 0; round < MAX_SUBSTITUTIONS && v.contains("${"); round++) {
            StringBuilder b = new StringBuilder();
            int pos = 0;
            boolean changed = false;
            while (pos < v.length()) {
                int start = v.indexOf("${", pos);
                int end = start < 0 ? -1 : v.indexOf('}', start);
                if (end < 0) {
                    b.append(v, pos, v.length());
                    break;
                }
                b.append(v, pos, start);
                String replacement = values.get(v.substring(start + 2, end));
                if (replacement != null) {
                    b.append(replacement);
                    changed = true;
                } else {
                    b.append(v, start, end + 1);
                }
                pos = end + 1;
            }
            if (!changed || b.length() > 1000) {
                break;
            }
            v = b.toString();
        }
        return v;
    }

    /** A new factory each time: the JDK's factory is not documented as safe to share between threads. */
    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return f;
    }

    private static void close(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing held beyond the byte array
            }
        }
    }
}
