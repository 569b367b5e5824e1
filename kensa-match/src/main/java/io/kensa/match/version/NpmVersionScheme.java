package io.kensa.match.version;

/**
 * npm's versions, ordered as node-semver's {@code compare} orders them: SemVer 2.0.0 precedence (prerelease
 * identifiers numeric vs alphanumeric, build metadata ignored).
 * <ul>
 * <li>Spelling: surrounding whitespace and a leading run of {@code v} and {@code =} are dropped ({@code v1.2.3},
 * {@code =1.2.3}, as node-semver's loose prefix), then the version must be strict SemVer. Like node-semver, a
 * version longer than 256 characters or a major, minor or patch above 2^53-1 is not valid.</li>
 * <li>Invalid versions still compare (the matcher never fails on a publisher's odd version): a bare {@code N} or
 * {@code N.N} ({@code 1.2}, GHSA's {@code 4.0}) compares as {@code N.0.0} / {@code N.N.0}, as node-semver's
 * {@code coerce} reads it; anything else ({@code latest}, {@code 1.2.3.4}) sorts before every valid version, and
 * such versions among themselves in plain string order.</li>
 * </ul>
 * Written here rather than taken from a library: the SemVer rules are small, shared with the cargo and Go schemes,
 * and node-semver's own spelling rules (prefix, limits) are not those of a Java SemVer library.
 */
public final class NpmVersionScheme implements VersionScheme {
    static final int MAX_LENGTH = 256;
    private static final String MAX_SAFE_INTEGER = "9007199254740991";

    @Override
    public String name() {
        return "npm";
    }

    @Override
    public int compare(String a, String b) {
        return LenientSemVer.compare(parse(a), a, parse(b), b);
    }

    @Override
    public boolean isValid(String version) {
        LenientSemVer v = parse(version);
        return v != null && v.valid();
    }

    static LenientSemVer parse(String version) {
        String s = version.strip();
        int from = 0;
        while (from < s.length() && (s.charAt(from) == 'v' || s.charAt(from) == '=' || Character.isWhitespace(s.charAt(from)))) {
            from++;
        }
        SemVer v = s.length() <= MAX_LENGTH ? SemVer.parse(s, from, s.length()) : null;
        if (v != null && safe(v.major()) && safe(v.minor()) && safe(v.patch())) {
            return new LenientSemVer(v, true);
        }
        return LenientSemVer.partial(s, from);
    }

    private static boolean safe(String digits) {
        return Digits.compare(digits, MAX_SAFE_INTEGER) <= 0;
    }
}
