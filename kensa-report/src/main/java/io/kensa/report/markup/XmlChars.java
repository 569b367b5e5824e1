package io.kensa.report.markup;

/**
 * Replaces every character XML 1.0 cannot carry, escaped or not (C0 controls other than tab, newline and carriage
 * return; lone surrogates; U+FFFE and U+FFFF), with U+FFFD. Escaping ({@code <}, {@code &} …) is the writer's job;
 * this makes what it escapes well-formed. HTML forbids the same characters.
 */
public final class XmlChars {
    private XmlChars() {
    }

    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (sb != null) {
                        sb.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                ok = !Character.isLowSurrogate(c) && (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
                        && c != 0xFFFE && c != 0xFFFF;
            }
            if (!ok && sb == null) {
                sb = new StringBuilder(s.length());
                sb.append(s, 0, i);
            }
            if (sb != null) {
                sb.append(ok ? c : '\uFFFD');
            }
        }
        return sb == null ? s : sb.toString();
    }
}
