package io.kensa.match.version;

/**
 * A SemVer version as a scheme read it: {@code valid} when it was the scheme's strict spelling, not valid when it
 * was only a bare {@code N} or {@code N.N} read as {@code N.0.0} / {@code N.N.0} (as node-semver's {@code coerce}
 * does; GHSA writes such fixed versions, and OSV's {@code introduced: "0"}).
 */
record LenientSemVer(SemVer version, boolean valid) {

    /** {@code s[from..]} when it is {@code N} or {@code N.N} (digits), padded with zeros; null otherwise. */
    static LenientSemVer partial(String s, int from) {
        int e = Digits.end(s, from);
        if (e == from) {
            return null;
        }
        String major = s.substring(from, e);
        if (e == s.length()) {
            return new LenientSemVer(SemVer.release(major, "0", "0"), false);
        }
        if (s.charAt(e) != '.') {
            return null;
        }
        int e2 = Digits.end(s, e + 1);
        if (e2 == e + 1 || e2 != s.length()) {
            return null;
        }
        return new LenientSemVer(SemVer.release(major, s.substring(e + 1, e2), "0"), false);
    }

    /**
     * SemVer precedence between the two that were read; a version that could not be read at all ({@code null})
     * sorts before every one that could, and such versions among themselves by their raw string.
     */
    static int compare(LenientSemVer a, String rawA, LenientSemVer b, String rawB) {
        if (a == null || b == null) {
            if (a == null && b == null) {
                return Integer.signum(rawA.compareTo(rawB));
            }
            return a == null ? -1 : 1;
        }
        return a.version.comparePrecedence(b.version);
    }
}
