package io.kensa.db.feed.osv;

import java.util.regex.Pattern;

/** Debian's OSV ecosystems, {@code Debian:<release number>}: {@code Debian:12} is {@code debian:12}. */
final class DebianReleases implements EcosystemMapping {
    private static final Pattern RELEASE = Pattern.compile("Debian:(\\d{1,3})");

    @Override
    public boolean owns(String ecosystem) {
        return ecosystem.startsWith("Debian:");
    }

    @Override
    public String namespace(String ecosystem) {
        var m = RELEASE.matcher(ecosystem);
        return m.matches() ? "debian:" + m.group(1) : null;
    }
}
