package io.kensa.analyze.pkg.dpkg;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a Debian control file (RFC 822-style paragraphs separated by blank lines) into field maps. Field
 * names are kept as written; continuation lines are joined with a newline. Only the fields in {@code wanted}
 * are kept, which keeps large status files cheap.
 */
final class Deb822Parser {
    private Deb822Parser() {
    }

    static List<Map<String, String>> parse(BufferedReader reader, java.util.Set<String> wanted) throws IOException {
        List<Map<String, String>> paragraphs = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        String field = null;
        // the value of the wanted field being read: continuation lines are appended here, not by concatenating
        // Strings, which is quadratic in the number of lines (a few MB of " x" lines took minutes)
        StringBuilder value = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                put(current, field, value);
                field = null;
                value = null;
                if (!current.isEmpty()) {
                    paragraphs.add(current);
                    current = new LinkedHashMap<>();
                }
                continue;
            }
            char c = line.charAt(0);
            if (c == ' ' || c == '\t') {
                if (value != null) {
                    value.append('\n').append(line.strip());
                }
                continue;
            }
            if (c == '#') {
                continue;
            }
            put(current, field, value);
            field = null;
            value = null;
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon);
            if (wanted.contains(name)) {
                field = name;
                value = new StringBuilder(line.substring(colon + 1).strip());
            }
        }
        put(current, field, value);
        if (!current.isEmpty()) {
            paragraphs.add(current);
        }
        return paragraphs;
    }

    private static void put(Map<String, String> paragraph, String field, StringBuilder value) {
        if (field != null && value != null) {
            paragraph.put(field, value.toString());
        }
    }
}
