package io.kensa.analyze.lang.java;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The main section of a {@code META-INF/MANIFEST.MF}. Read leniently on purpose: the JDK's
 * {@link java.util.jar.Manifest} refuses lines longer than 512 bytes and header names with spaces, both of which
 * real jars have, and only a few attributes are needed here.
 */
final class JarManifest {
    private static final int MAX_ATTRIBUTES = 2000;

    private final Map<String, String> attributes;

    private JarManifest(Map<String, String> attributes) {
        this.attributes = attributes;
    }

    static JarManifest parse(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        Map<String, String> attributes = new HashMap<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        int pos = 0;
        while (pos < text.length() && attributes.size() < MAX_ATTRIBUTES) {
            int end = pos;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String line = text.substring(pos, end);
            pos = end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length()
                    && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
            if (line.isEmpty()) {
                if (name != null || !attributes.isEmpty()) {
                    break; // the main section ends at the first blank line
                }
                continue;
            }
            if (line.charAt(0) == ' ') {
                if (name != null) {
                    value.append(line, 1, line.length());
                }
                continue;
            }
            put(attributes, name, value);
            int colon = line.indexOf(':');
            if (colon <= 0) {
                name = null;
                continue;
            }
            name = line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
            value.setLength(0);
            value.append(line.substring(colon + 1).stripLeading());
        }
        put(attributes, name, value);
        return new JarManifest(attributes);
    }

    private static void put(Map<String, String> attributes, String name, StringBuilder value) {
        if (name != null) {
            attributes.putIfAbsent(name, value.toString().strip());
        }
    }

    /** The attribute's value (header names compare without case), null when absent or blank. */
    String get(String header) {
        String v = attributes.get(header.toLowerCase(java.util.Locale.ROOT));
        return v == null || v.isEmpty() ? null : v;
    }
}
