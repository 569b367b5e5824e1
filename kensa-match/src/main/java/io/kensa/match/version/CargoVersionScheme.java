package io.kensa.match.version;

import java.util.List;

/**
 * crates.io's versions, ordered as Rust's {@code semver} crate ({@code Version}'s {@code Ord}, what Cargo and
 * crates.io use): SemVer 2.0.0 precedence, then, only between versions of equal precedence, build metadata as a
 * final tie-break (no metadata first; identifiers one by one, numeric ones numerically, then by their number of
 * leading zeros, numeric before alphanumeric, alphanumeric ones in ASCII order; a longer list after its prefix), so
 * {@code 1.0.0+a} and {@code 1.0.0+b} are distinct, as they are on crates.io.
 * <ul>
 * <li>Spelling: strict SemVer as the crate parses it: no {@code v}, no whitespace, no leading zeros, numbers up to
 * 2^64-1.</li>
 * <li>Invalid versions still compare: a bare {@code N} or {@code N.N} (OSV's {@code introduced: "0"}, GHSA's
 * {@code 1.72}) as {@code N.0.0} / {@code N.N.0}; anything else before every valid version, and among themselves in
 * plain string order.</li>
 * </ul>
 */
public final class CargoVersionScheme implements VersionScheme {
    private static final String U64_MAX = "18446744073709551615";

    @Override
    public String name() {
        return "cargo";
    }

    @Override
    public int compare(String a, String b) {
        LenientSemVer va = parse(a);
        LenientSemVer vb = parse(b);
        int c = LenientSemVer.compare(va, a, vb, b);
        if (c != 0 || va == null) {
            return c;
        }
        return compareBuild(va.version().build(), vb.version().build());
    }

    @Override
    public boolean isValid(String version) {
        LenientSemVer v = parse(version);
        return v != null && v.valid();
    }

    static LenientSemVer parse(String s) {
        SemVer v = SemVer.parse(s);
        if (v != null && fits(v.major()) && fits(v.minor()) && fits(v.patch())) {
            return new LenientSemVer(v, true);
        }
        return LenientSemVer.partial(s, 0);
    }

    private static boolean fits(String digits) {
        return Digits.compare(digits, U64_MAX) <= 0;
    }

    /** The semver crate's order of build metadata. */
    static int compareBuild(List<String> a, List<String> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = compareBuildIdentifier(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareBuildIdentifier(String a, String b) {
        boolean an = Digits.all(a);
        boolean bn = Digits.all(b);
        if (an && bn) {
            int c = Digits.compare(a, b);
            return c != 0 ? c : Integer.compare(a.length(), b.length());
        }
        if (an != bn) {
            return an ? -1 : 1;
        }
        return Integer.signum(a.compareTo(b));
    }
}
