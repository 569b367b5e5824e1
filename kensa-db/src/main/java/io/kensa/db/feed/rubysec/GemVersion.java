package io.kensa.db.feed.rubysec;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A RubyGems version ({@code Gem::Version}), ordered as RubyGems orders them: the version is split into numeric
 * and alphabetic segments ({@code 1.2.0.beta3} is 1, 2, 0, "beta", 3; a {@code -} reads as {@code .pre.}), trailing
 * zeros are dropped before the first letter segment and at the end, then segments are compared in turn, a missing
 * one counting as 0, a letter segment sorting before any number (so {@code 1.0.a} &lt; {@code 1.0}) and letter
 * segments comparing as strings.
 */
final class GemVersion implements Comparable<GemVersion> {
    /** {@code Gem::Version::VERSION_PATTERN}. */
    private static final Pattern PATTERN = Pattern.compile(
            "\\s*([0-9]+(?:\\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?)?\\s*");
    private static final Pattern SEGMENT = Pattern.compile("[0-9]+|[a-zA-Z]+");

    private final String text;
    private final List<Object> segments;
    private final List<Object> canonical;

    private GemVersion(String text) {
        this.text = text;
        this.segments = segments(text.replace("-", ".pre."));
        this.canonical = canonical(segments);
    }

    /** True when {@code s} is a version RubyGems accepts. */
    static boolean isValid(String s) {
        return s != null && PATTERN.matcher(s).matches();
    }

    /** @throws IllegalArgumentException when {@code s} is no RubyGems version */
    static GemVersion parse(String s) {
        Matcher m = s == null ? null : PATTERN.matcher(s);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("'" + s + "' is not a RubyGems version");
        }
        return new GemVersion(m.group(1) == null ? "0" : m.group(1));
    }

    /** The version as written (without surrounding blanks). */
    @Override
    public String toString() {
        return text;
    }

    /** True when a letter is in it ({@code 1.0.rc1}, {@code 2.0.0-alpha}). */
    boolean isPrerelease() {
        return segments.stream().anyMatch(s -> s instanceof String);
    }

    /**
     * {@code Gem::Version#bump}, the upper end of {@code ~>}: letter segments and what follows them dropped, then
     * the last segment dropped (unless only one is left) and the new last one incremented: 1.2.3 → 1.3,
     * 1.2 → 2, 1 → 2, 1.2.3.beta → 1.3.
     */
    GemVersion bump() {
        List<Object> s = new ArrayList<>(segments);
        while (s.stream().anyMatch(x -> x instanceof String)) {
            s.removeLast();
        }
        if (s.size() > 1) {
            s.removeLast();
        }
        s.set(s.size() - 1, ((BigInteger) s.getLast()).add(BigInteger.ONE));
        StringBuilder b = new StringBuilder();
        for (Object o : s) {
            b.append(b.isEmpty() ? "" : ".").append(o);
        }
        return new GemVersion(b.toString());
    }

    @Override
    public int compareTo(GemVersion other) {
        List<Object> l = canonical;
        List<Object> r = other.canonical;
        int n = Math.max(l.size(), r.size());
        for (int i = 0; i < n; i++) {
            Object a = i < l.size() ? l.get(i) : BigInteger.ZERO;
            Object b = i < r.size() ? r.get(i) : BigInteger.ZERO;
            if (a.equals(b)) {
                continue;
            }
            if (a instanceof String && b instanceof BigInteger) {
                return -1;
            }
            if (a instanceof BigInteger && b instanceof String) {
                return 1;
            }
            int c = a instanceof BigInteger x ? x.compareTo((BigInteger) b) : ((String) a).compareTo((String) b);
            return Integer.signum(c);
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GemVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    private static List<Object> segments(String v) {
        List<Object> out = new ArrayList<>();
        Matcher m = SEGMENT.matcher(v);
        while (m.find()) {
            String s = m.group();
            out.add(Character.isDigit(s.charAt(0)) ? new BigInteger(s) : s);
        }
        return out;
    }

    /** {@code Gem::Version#canonical_segments}: trailing zeros dropped from the numeric part and from the rest. */
    private static List<Object> canonical(List<Object> segments) {
        int firstString = 0;
        while (firstString < segments.size() && !(segments.get(firstString) instanceof String)) {
            firstString++;
        }
        List<Object> out = dropTrailingZeros(segments.subList(0, firstString));
        out.addAll(dropTrailingZeros(segments.subList(firstString, segments.size())));
        return out;
    }

    private static List<Object> dropTrailingZeros(List<Object> part) {
        List<Object> out = new ArrayList<>(part);
        while (!out.isEmpty() && BigInteger.ZERO.equals(out.getLast())) {
            out.removeLast();
        }
        return out;
    }
}
