package io.kensa.match.version;

import java.util.List;

/**
 * Go module versions, ordered as {@code golang.org/x/mod/semver} orders them (what the go command uses): SemVer
 * precedence, build metadata ignored, so {@code +incompatible} does not count and pseudo-versions
 * ({@code v0.0.0-20191109021931-daa7c04131f5}, {@code v1.2.4-0.20191109021931-daa7c04131f5},
 * {@code v1.2.3-pre.0.20191109021931-daa7c04131f5}) order as the prereleases they are.
 * <p>
 * Three spellings of one version compare equal:
 * <ul>
 * <li>Go's own, with its {@code v}: {@code v1.2.3}; like x/mod/semver, {@code v1} and {@code v1.2} are
 * shorthands for {@code v1.0.0} and {@code v1.2.0};</li>
 * <li>OSV's, without the {@code v}: {@code 1.2.3};</li>
 * <li>the Go toolchain's, for the standard library: {@code go1.19.8} or {@code 1.19.8}, {@code go1.21rc2} or
 * {@code 1.21rc2} ({@code 1.21.0-rc.2}, so release candidates and betas sort before the release),
 * {@code go1.20} ({@code 1.20.0}), as golang/vulndb turns Go's tags into the semver of its {@code stdlib}
 * ranges. Anything after a space ({@code go1.22.3 X:boringcrypto}) is not part of the version.</li>
 * </ul>
 * An invalid version sorts before every valid one (as in x/mod/semver, where they all compare equal; here they
 * compare among themselves in plain string order, so the order is total).
 */
public final class GoVersionScheme implements VersionScheme {

    @Override
    public String name() {
        return "go";
    }

    @Override
    public int compare(String a, String b) {
        SemVer va = parse(a);
        SemVer vb = parse(b);
        if (va == null || vb == null) {
            if (va == null && vb == null) {
                return Integer.signum(a.compareTo(b));
            }
            return va == null ? -1 : 1;
        }
        return va.comparePrecedence(vb);
    }

    @Override
    public boolean isValid(String version) {
        return parse(version) != null;
    }

    /** The version as SemVer, or null when it is none of the three spellings. */
    static SemVer parse(String version) {
        String s = version.strip();
        int space = firstWhitespace(s);
        if (space >= 0) {
            s = s.substring(0, space);
        }
        if (s.startsWith("go")) {
            return toolchainTag(s, 2);
        }
        if (s.startsWith("v")) {
            return moduleVersion(s, 1);
        }
        SemVer v = moduleVersion(s, 0);
        return v != null ? v : toolchainTag(s, 0);
    }

    /** x/mod/semver's syntax after the {@code v}: SemVer, or the shorthands {@code N} and {@code N.N}. */
    static SemVer moduleVersion(String s, int from) {
        SemVer v = SemVer.parse(s, from, s.length());
        if (v != null) {
            return v;
        }
        int e = SemVer.number(s, from, s.length());
        if (e < 0) {
            return null;
        }
        String major = s.substring(from, e);
        if (e == s.length()) {
            return SemVer.release(major, "0", "0");
        }
        if (s.charAt(e) != '.') {
            return null;
        }
        int e2 = SemVer.number(s, e + 1, s.length());
        if (e2 != s.length()) {
            return null;
        }
        return SemVer.release(major, s.substring(e + 1, e2), "0");
    }

    /**
     * A Go toolchain tag after its {@code go}: {@code 1}, {@code 1.20}, {@code 1.20.3}, {@code 1.21rc2},
     * {@code 1.9beta1}, {@code 1.21.0rc1}; as SemVer {@code 1.0.0}, {@code 1.20.0}, {@code 1.20.3},
     * {@code 1.21.0-rc.2}, {@code 1.9.0-beta.1}.
     */
    static SemVer toolchainTag(String s, int from) {
        int e = Digits.end(s, from);
        if (e == from) {
            return null;
        }
        String major = s.substring(from, e);
        if (e == s.length()) {
            return SemVer.release(major, "0", "0");
        }
        if (s.charAt(e) != '.') {
            return null;
        }
        int p = e + 1;
        e = Digits.end(s, p);
        if (e == p) {
            return null;
        }
        String minor = s.substring(p, e);
        String patch = "0";
        if (e < s.length() && s.charAt(e) == '.') {
            p = e + 1;
            e = Digits.end(s, p);
            if (e == p) {
                return null;
            }
            patch = s.substring(p, e);
        }
        if (e == s.length()) {
            return SemVer.release(major, minor, patch);
        }
        String label = s.startsWith("rc", e) ? "rc" : s.startsWith("beta", e) ? "beta" : null;
        if (label == null) {
            return null;
        }
        p = e + label.length();
        e = Digits.end(s, p);
        if (e == p || e != s.length()) {
            return null;
        }
        return new SemVer(major, minor, patch, List.of(label, s.substring(p, e)), List.of());
    }

    private static int firstWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
