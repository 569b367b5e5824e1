package io.kensa.match.version;

import java.util.ArrayList;
import java.util.List;

/**
 * RubyGems' versions, ordered as {@code Gem::Version#<=>} orders them.
 * <ul>
 * <li>Valid: {@code Gem::Version.correct?}: digits first, then {@code .}-separated alphanumeric segments, then
 * optionally {@code -} and {@code .}-separated {@code [0-9A-Za-z-]} segments; surrounding whitespace allowed; a blank
 * version is {@code 0}.</li>
 * <li>Each {@code -} reads as {@code .pre.}; the segments are the runs of digits and of letters ({@code 1.0.b1} is
 * {@code 1, 0, "b", 1}); a letter makes a prerelease: a string segment sorts before a number or a missing segment,
 * so {@code 1.0.a < 1.0} and {@code 1.0.b1 < 1.0.b2 < 1.0}.</li>
 * <li>Trailing zeros of the numeric part and of the part after the first letter segment are ignored:
 * {@code 1.0 == 1.0.0 == 1}, {@code 1.0.a.0 == 1.a}. Numbers compare numerically, strings case-sensitively.</li>
 * <li>An invalid version sorts before every valid one, and such versions among themselves in plain string
 * order.</li>
 * </ul>
 */
public final class RubyGemsVersionScheme implements VersionScheme {

    @Override
    public String name() {
        return "rubygems";
    }

    @Override
    public int compare(String a, String b) {
        boolean va = isValid(a);
        boolean vb = isValid(b);
        if (!va || !vb) {
            if (!va && !vb) {
                return Integer.signum(a.compareTo(b));
            }
            return va ? 1 : -1;
        }
        return compareSegments(canonicalSegments(a), canonicalSegments(b));
    }

    /** {@code Gem::Version.correct?}. */
    @Override
    public boolean isValid(String version) {
        int from = 0;
        int to = version.length();
        while (from < to && isRubySpace(version.charAt(from))) {
            from++;
        }
        while (to > from && isRubySpace(version.charAt(to - 1))) {
            to--;
        }
        if (from == to) {
            return true;
        }
        int p = Digits.end(version, from);
        if (p == from || p > to) {
            return false;
        }
        while (p < to && version.charAt(p) == '.') {
            int e = p + 1;
            while (e < to && isAsciiAlphanumeric(version.charAt(e))) {
                e++;
            }
            if (e == p + 1) {
                return false;
            }
            p = e;
        }
        if (p == to) {
            return true;
        }
        if (version.charAt(p) != '-') {
            return false;
        }
        p++;
        while (true) {
            int e = p;
            while (e < to && (isAsciiAlphanumeric(version.charAt(e)) || version.charAt(e) == '-')) {
                e++;
            }
            if (e == p) {
                return false;
            }
            if (e == to) {
                return true;
            }
            if (version.charAt(e) != '.') {
                return false;
            }
            p = e + 1;
        }
    }

    /**
     * The runs of digits and of letters (each {@code -} adds a {@code pre}, as Gem::Version's {@code .pre.}), with trailing
     * zeros dropped from the numeric part and from the rest.
     */
    static List<String> canonicalSegments(String version) {
        List<String> segments = new ArrayList<>();
        for (int i = 0; i < version.length(); ) {
            char c = version.charAt(i);
            if (c == '-') {
                segments.add("pre");
            }
            int e = i;
            if (Digits.isDigit(c)) {
                e = Digits.end(version, i);
            } else if (isAsciiLetter(c)) {
                while (e < version.length() && isAsciiLetter(version.charAt(e))) {
                    e++;
                }
            }
            if (e == i) {
                i++;
                continue;
            }
            segments.add(version.substring(i, e));
            i = e;
        }
        if (segments.isEmpty()) {
            return segments;
        }
        int firstString = segments.size();
        for (int i = 0; i < segments.size(); i++) {
            if (!Digits.isDigit(segments.get(i).charAt(0))) {
                firstString = i;
                break;
            }
        }
        List<String> out = new ArrayList<>(segments.subList(0, firstString));
        dropTrailingZeros(out);
        List<String> rest = new ArrayList<>(segments.subList(firstString, segments.size()));
        dropTrailingZeros(rest);
        out.addAll(rest);
        return out;
    }

    private static void dropTrailingZeros(List<String> segments) {
        while (!segments.isEmpty() && Digits.isDigit(segments.getLast().charAt(0)) && Digits.isZero(segments.getLast())) {
            segments.removeLast();
        }
    }

    private static int compareSegments(List<String> a, List<String> b) {
        int n = Math.max(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            String x = i < a.size() ? a.get(i) : "0";
            String y = i < b.size() ? b.get(i) : "0";
            boolean xn = Digits.isDigit(x.charAt(0));
            boolean yn = Digits.isDigit(y.charAt(0));
            int c;
            if (xn && yn) {
                c = Digits.compare(x, y);
            } else if (xn != yn) {
                return xn ? 1 : -1;
            } else {
                c = Integer.signum(x.compareTo(y));
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static boolean isRubySpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiAlphanumeric(char c) {
        return Digits.isDigit(c) || isAsciiLetter(c);
    }
}
