package io.kensa.report.vuln;

/** Bounded text for formats with length limits. */
public final class Texts {
    private Texts() {
    }

    /**
     * {@code s} cut to at most {@code max} UTF-16 chars, ending in {@code …} when cut, never splitting a surrogate
     * pair.
     */
    public static String clip(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, Math.max(0, end)) + "…";
    }
}
