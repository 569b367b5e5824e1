package io.kensa.match.version;

/**
 * Composer's (Packagist's) versions, ordered as composer/semver orders them: each version is normalised as
 * {@code VersionParser::normalize} does ({@link ComposerVersionNormalizer}: {@code v1.2} → {@code 1.2.0.0},
 * {@code 1.0-b2} → {@code 1.0.0.0-beta2}), then the normal forms compare as PHP's {@code version_compare} compares
 * them ({@link PhpVersionCompare}), which gives {@code dev < alpha < beta < RC < stable < patch}
 * ({@code 1.0-dev < 1.0-alpha1 < 1.0-beta1 < 1.0-RC1 < 1.0 = 1.0-stable < 1.0-pl1}), and puts {@code dev-<branch>}
 * versions before every numeric one.
 * <ul>
 * <li>Where {@code version_compare} finds two different strings equal only because their words have the same rank
 * (two branches {@code dev-foo} and {@code dev-bar}), they are ordered by those words' plain string order, so the
 * order is total.</li>
 * <li>A version Composer rejects ({@code 1.3.0r1}, GHSA has a few) compares as written (trimmed), by the same
 * {@code version_compare}, as Composer's {@code Comparator} compares strings it is given.</li>
 * </ul>
 */
public final class ComposerVersionScheme implements VersionScheme {

    @Override
    public String name() {
        return "composer";
    }

    @Override
    public int compare(String a, String b) {
        String na = comparable(a);
        String nb = comparable(b);
        int c = PhpVersionCompare.compare(na, nb);
        return c != 0 ? c : PhpVersionCompare.compareWords(na, nb);
    }

    @Override
    public boolean isValid(String version) {
        return ComposerVersionNormalizer.normalize(version) != null;
    }

    /** The normal form, or the trimmed string when there is none. */
    static String comparable(String version) {
        String n = ComposerVersionNormalizer.normalize(version);
        return n != null ? n : ComposerVersionNormalizer.phpTrim(version);
    }
}
