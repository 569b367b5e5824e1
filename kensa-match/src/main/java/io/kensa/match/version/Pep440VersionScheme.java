package io.kensa.match.version;

/**
 * Python package versions (PyPI), ordered by PEP 440 exactly as {@code packaging.version.Version} orders them,
 * with its normalisation ({@link Pep440Version}): {@code 1.0 == 1.0.0 == V1.0 == " 1.0.0.0 "}, and
 * {@code 1.0.dev1 < 1.0a1.dev1 < 1.0a1 < 1.0a1.post1.dev1 < 1.0a1.post1 < 1.0b1 < 1.0rc1 < 1.0 < 1.0+local <
 * 1.0.post1.dev1 < 1.0.post1 < 1!0.1}.
 * <p>
 * A version that is not PEP 440 ({@code 0.9-stable}, {@code 1.6.5ubuntu0.1}) still compares, as {@code packaging}
 * compared it until 22.0 ({@link Pep440LegacyVersion}): before every PEP 440 version, and among such versions by
 * setuptools' old rules. Written here because no Java library implements PEP 440 faithfully.
 */
public final class Pep440VersionScheme implements VersionScheme {

    @Override
    public String name() {
        return "pep440";
    }

    @Override
    public int compare(String a, String b) {
        Pep440Version va = Pep440Version.parse(a);
        Pep440Version vb = Pep440Version.parse(b);
        if (va != null && vb != null) {
            return va.compareTo(vb);
        }
        if (va != null || vb != null) {
            return va == null ? -1 : 1;
        }
        return Pep440LegacyVersion.of(a).compareTo(Pep440LegacyVersion.of(b));
    }

    @Override
    public boolean isValid(String version) {
        return Pep440Version.parse(version) != null;
    }
}
