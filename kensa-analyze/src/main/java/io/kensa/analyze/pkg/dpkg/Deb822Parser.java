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
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    paragraphs.add(current);
                    current = new LinkedHashMap<>();
                }
                field = null;
                continue;
            }
            char c = line.charAt(0);
            if (c == ' ' || c == '\t') {
                if (field != null && current.containsKey(field)) {
                    current.put(field, current.get(field) + "\n" + line.strip());
                }
                continue;
            }
            if (c == '#') {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                field = null;
                continue;
            }
            field = line.substring(0, colon);
            if (wanted.contains(field)) {
                current.put(field, line.substring(colon + 1).strip());
            } else {
                field = null;
            }
        }
        if (!current.isEmpty()) {
            paragraphs.add(current);
        }
        return paragraphs;
    }
}
