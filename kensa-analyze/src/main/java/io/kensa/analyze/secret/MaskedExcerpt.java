package io.kensa.analyze.secret;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The text a finding shows of its line: each secret found on it cut to a short prefix and {@code *****}, and, as a
 * second guard, any other random-looking token of the line (20 or more characters mixing upper case, lower case
 * and digits, or a long hex string) masked the same way, so that a credential no rule recognised does not ride
 * along in the excerpt. Control characters become spaces; at most {@link #MAX} characters, around the first mask.
 */
final class MaskedExcerpt {
    static final String MASK = "*****";
    static final int MAX = 200;
    private static final byte[] MASK_BYTES = MASK.getBytes(StandardCharsets.US_ASCII);
    private static final int TOKEN = 20;
    private static final int HEX_TOKEN = 32;

    private MaskedExcerpt() {
    }

    /**
     * @param spans secrets as offset pairs {@code start, end} (any order, may overlap or reach outside
     *              {@code [from, to)})
     */
    static String of(byte[] data, int from, int to, int[] spans) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from + 16);
        int i = from;
        while (i < to) {
            int end = -1;
            boolean atStart = false;
            for (int s = 0; s + 1 < spans.length; s += 2) {
                if (spans[s] <= i && i < spans[s + 1] && spans[s + 1] > end) {
                    end = spans[s + 1];
                    atStart = spans[s] == i;
                }
            }
            if (end < 0) {
                int b = data[i] & 0xff;
                out.write(b < 0x20 || b == 0x7f ? ' ' : b);
                i++;
                continue;
            }
            if (atStart) {
                out.write(data, i, Math.min(prefix(end - i), to - i));
            }
            out.writeBytes(MASK_BYTES);
            i = end;
        }
        String s = maskRandomTokens(out.toString(StandardCharsets.UTF_8)).strip();
        if (s.length() > MAX) {
            int at = Math.max(0, s.indexOf(MASK) - 80);
            s = s.substring(at, Math.min(s.length(), at + MAX)).strip();
        }
        return s;
    }

    /** How many leading characters of a secret of this length stay visible. */
    static int prefix(int secretLength) {
        if (secretLength >= 16) {
            return 4;
        }
        return secretLength >= 8 ? 2 : 0;
    }

    /** Masks the random-looking tokens (runs of base64 and URL-safe characters) of {@code s}. */
    static String maskRandomTokens(String s) {
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < s.length()) {
            if (!tokenChar(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < s.length() && tokenChar(s.charAt(i))) {
                i++;
            }
            if (i < s.length() && s.charAt(i) == '*') {
                continue; // the visible prefix of a masked secret
            }
            if (random(s, start, i)) {
                if (out == null) {
                    out = new StringBuilder(s.length());
                }
                out.append(s, copied, start).append(s, start, start + 4).append(MASK);
                copied = i;
            }
        }
        if (out == null) {
            return s;
        }
        return out.append(s, copied, s.length()).toString();
    }

    private static boolean tokenChar(char c) {
        return Ascii.isAlnum(c) || c == '+' || c == '/' || c == '=' || c == '_' || c == '-';
    }

    private static boolean random(String s, int start, int end) {
        int n = end - start;
        if (n < TOKEN) {
            return false;
        }
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean hex = true;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
            hex &= Ascii.isHexDigit(c);
        }
        boolean mixed = upper && lower && digit || hex && digit && (upper || lower) && n >= HEX_TOKEN;
        return mixed && SecretValues.entropy(s.subSequence(start, end)) >= 3.0;
    }
}
