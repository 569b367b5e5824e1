package io.kensa.db.store;

import io.kensa.core.vuln.CvssScore;
import io.kensa.core.vuln.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists stored in one column as text, read without a JSON parser (the matcher reads them for every finding):
 * items separated by {@value #RECORD} (U+001E), an item's fields by {@value #FIELD} (U+001F). Control characters
 * inside a value (never in the data these columns hold) are written as {@code ?}, so a value cannot break the
 * framing.
 */
public final class ColumnCodec {
    static final char RECORD = '\u001e';
    static final char FIELD = '\u001f';

    private ColumnCodec() {
    }

    /** A list of strings; null for an empty list. */
    static String strings(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (String v : values) {
            if (!b.isEmpty()) {
                b.append(RECORD);
            }
            b.append(clean(v));
        }
        return b.toString();
    }

    /** The list of strings a column holds (empty for null). */
    public static List<String> strings(String column) {
        return column == null || column.isEmpty() ? List.of() : List.copyOf(split(column, RECORD));
    }

    /** CVSS scores as {@code source␟version␟vector␟score␟severity} records; null for none. */
    static String cvss(List<CvssScore> scores) {
        if (scores == null || scores.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (CvssScore c : scores) {
            if (!b.isEmpty()) {
                b.append(RECORD);
            }
            b.append(clean(c.source())).append(FIELD).append(clean(c.version())).append(FIELD)
                    .append(clean(c.vector())).append(FIELD).append(c.baseScore()).append(FIELD)
                    .append(c.severity().name());
        }
        return b.toString();
    }

    /** The CVSS scores a column holds (empty for null); IllegalArgumentException when it is damaged. */
    public static List<CvssScore> cvss(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        List<CvssScore> out = new ArrayList<>();
        for (String record : split(column, RECORD)) {
            List<String> f = split(record, FIELD);
            if (f.size() != 5) {
                throw new IllegalArgumentException("a CVSS entry has " + f.size() + " fields, not 5");
            }
            out.add(new CvssScore(f.get(0), f.get(1), f.get(2), Double.parseDouble(f.get(3)),
                    Severity.valueOf(f.get(4))));
        }
        return List.copyOf(out);
    }

    static String clean(String value) {
        if (value == null) {
            return "";
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < 0x20) {
                StringBuilder b = new StringBuilder(value.length());
                for (int j = 0; j < value.length(); j++) {
                    char c = value.charAt(j);
                    b.append(c < 0x20 ? '?' : c);
                }
                return b.toString();
            }
        }
        return value;
    }

    static List<String> split(String s, char separator) {
        List<String> out = new ArrayList<>(4);
        if (s.isEmpty()) {
            return out;
        }
        int from = 0;
        while (true) {
            int at = s.indexOf(separator, from);
            if (at < 0) {
                out.add(s.substring(from));
                return out;
            }
            out.add(s.substring(from, at));
            from = at + 1;
        }
    }
}
