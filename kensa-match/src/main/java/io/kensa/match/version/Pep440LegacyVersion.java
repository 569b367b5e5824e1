package io.kensa.match.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The order {@code packaging} (before 22.0) and setuptools' {@code pkg_resources} gave to versions that are not
 * PEP 440 ({@code LegacyVersion}): the lower-cased string is cut into runs of digits, runs of ASCII letters,
 * {@code .}, {@code -} and whatever lies between; {@code pre}, {@code preview} and {@code rc} become {@code c},
 * {@code dev} becomes {@code @}, {@code -} becomes {@code final-}; digit runs are zero-padded to 8 characters, other
 * parts prefixed with {@code *}; a {@code final-} before a pre-release tag and zeros before any tag are dropped;
 * {@code *final} closes the list. Two such keys compare as lists of strings. Every legacy version sorts before every
 * PEP 440 version (packaging gave them the epoch -1).
 *
 * @param parts the comparison key
 */
record Pep440LegacyVersion(List<String> parts) {
    private static final String FINAL = "*final";
    private static final String FINAL_DASH = "*final-";
    private static final String ZERO = "00000000";

    static Pep440LegacyVersion of(String version) {
        String s = version.toLowerCase(Locale.ROOT);
        List<String> parts = new ArrayList<>();
        int between = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int e;
            if (Character.isDigit(c)) {
                e = i + 1;
                while (e < s.length() && Character.isDigit(s.charAt(e))) {
                    e++;
                }
            } else if (c >= 'a' && c <= 'z') {
                e = i + 1;
                while (e < s.length() && s.charAt(e) >= 'a' && s.charAt(e) <= 'z') {
                    e++;
                }
            } else if (c == '.' || c == '-') {
                e = i + 1;
            } else {
                i++;
                continue;
            }
            add(parts, s.substring(between, i));
            add(parts, s.substring(i, e));
            between = e;
            i = e;
        }
        add(parts, s.substring(between));
        add(parts, "final");
        return new Pep440LegacyVersion(List.copyOf(parts));
    }

    private static void add(List<String> parts, String raw) {
        String part = switch (raw) {
            case "pre", "preview", "rc" -> "c";
            case "-" -> "final-";
            case "dev" -> "@";
            default -> raw;
        };
        if (part.isEmpty() || part.equals(".")) {
            return;
        }
        if ("0123456789".indexOf(part.charAt(0)) >= 0) {
            part = part.length() >= 8 ? part : "0".repeat(8 - part.length()) + part;
        } else {
            part = "*" + part;
            if (part.compareTo(FINAL) < 0) {
                while (!parts.isEmpty() && parts.getLast().equals(FINAL_DASH)) {
                    parts.removeLast();
                }
            }
            while (!parts.isEmpty() && parts.getLast().equals(ZERO)) {
                parts.removeLast();
            }
        }
        parts.add(part);
    }

    int compareTo(Pep440LegacyVersion o) {
        int n = Math.min(parts.size(), o.parts.size());
        for (int i = 0; i < n; i++) {
            int c = parts.get(i).compareTo(o.parts.get(i));
            if (c != 0) {
                return Integer.signum(c);
            }
        }
        return Integer.compare(parts.size(), o.parts.size());
    }
}
