package io.kensa.match.version;

import java.util.ArrayList;
import java.util.List;

/**
 * A version of Semantic Versioning 2.0.0 (semver.org): {@code MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]}, with the
 * spec's precedence. Numbers are kept as digit strings, so no size overflows. npm, crates.io and Go module versions
 * are SemVer with each their own spelling around it: their schemes parse their spelling and compare with this.
 *
 * @param major      digits
 * @param minor      digits
 * @param patch      digits
 * @param prerelease identifiers after {@code -}, empty for a release
 * @param build      identifiers after {@code +}, empty when none (never part of precedence)
 */
record SemVer(String major, String minor, String patch, List<String> prerelease, List<String> build) {

    SemVer {
        prerelease = List.copyOf(prerelease);
        build = List.copyOf(build);
    }

    static SemVer release(String major, String minor, String patch) {
        return new SemVer(major, minor, patch, List.of(), List.of());
    }

    /** The strict SemVer 2.0.0 version that is all of {@code s}, or null. */
    static SemVer parse(String s) {
        return parse(s, 0, s.length());
    }

    /**
     * The strict SemVer 2.0.0 version that is all of {@code s[from, to)}, or null: numbers without leading zeros,
     * prerelease identifiers non-empty {@code [0-9A-Za-z-]} (numeric ones without leading zeros), build identifiers
     * non-empty {@code [0-9A-Za-z-]}.
     */
    static SemVer parse(String s, int from, int to) {
        int p = from;
        int e = number(s, p, to);
        if (e < 0) {
            return null;
        }
        String major = s.substring(p, e);
        if (e >= to || s.charAt(e) != '.') {
            return null;
        }
        p = e + 1;
        e = number(s, p, to);
        if (e < 0) {
            return null;
        }
        String minor = s.substring(p, e);
        if (e >= to || s.charAt(e) != '.') {
            return null;
        }
        p = e + 1;
        e = number(s, p, to);
        if (e < 0) {
            return null;
        }
        String patch = s.substring(p, e);
        p = e;
        List<String> pre = List.of();
        if (p < to && s.charAt(p) == '-') {
            int end = indexOf(s, '+', p + 1, to);
            pre = identifiers(s, p + 1, end, true);
            if (pre == null) {
                return null;
            }
            p = end;
        }
        List<String> build = List.of();
        if (p < to && s.charAt(p) == '+') {
            build = identifiers(s, p + 1, to, false);
            if (build == null) {
                return null;
            }
            p = to;
        }
        return p == to ? new SemVer(major, minor, patch, pre, build) : null;
    }

    /** The end of a numeric identifier without a leading zero at {@code from}, or -1. */
    static int number(String s, int from, int to) {
        int e = Math.min(Digits.end(s, from), to);
        if (e == from || Digits.hasLeadingZero(s, from, e)) {
            return -1;
        }
        return e;
    }

    /** Dot-separated identifiers of {@code s[from, to)}, or null when one is empty or has another character. */
    static List<String> identifiers(String s, int from, int to, boolean noLeadingZeros) {
        List<String> out = new ArrayList<>();
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || s.charAt(i) == '.') {
                if (i == start) {
                    return null;
                }
                if (noLeadingZeros && Digits.all(s, start, i) && Digits.hasLeadingZero(s, start, i)) {
                    return null;
                }
                out.add(s.substring(start, i));
                start = i + 1;
            } else if (!isIdentifierChar(s.charAt(i))) {
                return null;
            }
        }
        return out;
    }

    static boolean isIdentifierChar(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
    }

    private static int indexOf(String s, char c, int from, int to) {
        int i = s.indexOf(c, from);
        return i < 0 || i > to ? to : i;
    }

    boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    /**
     * SemVer precedence (spec item 11): major, minor, patch numerically; a prerelease before its release;
     * prerelease identifiers one by one, numeric ones numerically and before alphanumeric ones, alphanumeric ones
     * in ASCII order, a longer list after its prefix. Build metadata is ignored.
     */
    int comparePrecedence(SemVer o) {
        int c = Digits.compare(major, o.major);
        if (c == 0) {
            c = Digits.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Digits.compare(patch, o.patch);
        }
        if (c != 0) {
            return c;
        }
        if (prerelease.isEmpty() || o.prerelease.isEmpty()) {
            return Boolean.compare(prerelease.isEmpty(), o.prerelease.isEmpty());
        }
        int n = Math.min(prerelease.size(), o.prerelease.size());
        for (int i = 0; i < n; i++) {
            c = compareIdentifier(prerelease.get(i), o.prerelease.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(prerelease.size(), o.prerelease.size());
    }

    /** Two prerelease identifiers: numeric ones numerically and before alphanumeric ones, these in ASCII order. */
    static int compareIdentifier(String a, String b) {
        boolean an = Digits.all(a);
        boolean bn = Digits.all(b);
        if (an && bn) {
            return Digits.compare(a, b);
        }
        if (an != bn) {
            return an ? -1 : 1;
        }
        return Integer.signum(a.compareTo(b));
    }
}
