package io.kensa.db.feed.osv;

import java.util.regex.Pattern;

/**
 * Ubuntu's OSV ecosystems: {@code Ubuntu:22.04:LTS}, {@code Ubuntu:24.10} (a release, {@code ubuntu:22.04},
 * {@code ubuntu:24.10}) and {@code Ubuntu:Pro:18.04:LTS} (Ubuntu Pro's ESM fixes of a release, which for a release
 * past its standard support are the only fixes published: also {@code ubuntu:18.04}). The other Pro streams
 * ({@code Ubuntu:Pro:FIPS:20.04:LTS}, {@code Ubuntu:Pro:FIPS-updates:…}, {@code Ubuntu:Pro:Realtime:…}) ship their
 * own builds of packages, with versions of their own, installed on systems that enable them: mixing their fixed
 * versions into the release's would be wrong for everybody else, so they map to no namespace.
 */
final class UbuntuReleases implements EcosystemMapping {
    private static final Pattern RELEASE = Pattern.compile("Ubuntu:(?:Pro:)?(\\d{1,2}\\.\\d{2})(?::LTS)?");

    @Override
    public boolean owns(String ecosystem) {
        return ecosystem.startsWith("Ubuntu:");
    }

    @Override
    public String namespace(String ecosystem) {
        var m = RELEASE.matcher(ecosystem);
        return m.matches() ? "ubuntu:" + m.group(1) : null;
    }
}
