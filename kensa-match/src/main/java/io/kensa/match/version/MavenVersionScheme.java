package io.kensa.match.version;

import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * Maven's versions, ordered by Maven's own {@code ComparableVersion} (maven-artifact): the order Maven resolves
 * ranges with, and the one GHSA's Maven ranges are written in ({@code 1.0-alpha-1 < 1.0-SNAPSHOT < 1.0 = 1.0.0 =
 * 1.0-ga = 1.0.RELEASE = 1.0.Final < 1.0-sp1}, unknown qualifiers after the known ones). Every non-blank string is a
 * Maven version.
 */
public final class MavenVersionScheme implements VersionScheme {

    @Override
    public String name() {
        return "maven";
    }

    @Override
    public int compare(String a, String b) {
        return Integer.signum(new ComparableVersion(a).compareTo(new ComparableVersion(b)));
    }

    @Override
    public boolean isValid(String version) {
        return version != null && !version.isBlank();
    }
}
