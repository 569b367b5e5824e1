package io.kensa.analyze.pkg.rpm;

import io.kensa.core.SourcePackage;

import java.util.Optional;

/**
 * The source package named by a binary package's SOURCERPM, a file name of the form
 * {@code name-version-release.src.rpm} (or {@code .nosrc.rpm}). Name may contain dashes; version and release
 * cannot, so the split is at the last two dashes.
 */
public record SourceRpm(String name, String version, String release) {

    /** Parses a SOURCERPM file name; empty when it does not have the {@code name-version-release.arch.rpm} form. */
    public static Optional<SourceRpm> parse(String fileName) {
        if (fileName == null || !fileName.endsWith(".rpm")) {
            return Optional.empty();
        }
        String base = fileName.substring(0, fileName.length() - ".rpm".length());
        int archDot = base.lastIndexOf('.');
        if (archDot < 0) {
            return Optional.empty();
        }
        String nvr = base.substring(0, archDot);
        int releaseDash = nvr.lastIndexOf('-');
        int versionDash = releaseDash <= 0 ? -1 : nvr.lastIndexOf('-', releaseDash - 1);
        if (versionDash <= 0 || releaseDash == nvr.length() - 1 || versionDash == releaseDash - 1) {
            return Optional.empty();
        }
        return Optional.of(new SourceRpm(nvr.substring(0, versionDash), nvr.substring(versionDash + 1, releaseDash),
                nvr.substring(releaseDash + 1)));
    }

    /** As a Kensa source package: the name, and {@code version-release} (a SOURCERPM carries no epoch). */
    public SourcePackage toSourcePackage() {
        return new SourcePackage(name, version + "-" + release);
    }
}
