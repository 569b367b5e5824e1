package io.kensa.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Set;

/**
 * One installed package, as its package manager (or the application's own metadata) records it.
 *
 * @param type            purl type: deb, apk, rpm, maven, npm, pypi, golang, cargo, gem, composer, nuget …
 * @param name            package name in its ecosystem's own spelling: {@code groupId:artifactId} for Maven,
 *                        {@code @scope/name} for npm, {@code vendor/name} for Composer, the module path for Go
 * @param version         version as the package manager writes it (dpkg with epoch, rpm as [epoch:]version-release)
 * @param arch            architecture, may be null
 * @param source          source package, may be null
 * @param licenses        license strings as found in the metadata
 * @param vendor          rpm vendor, may be null
 * @param modularityLabel rpm modularity label, may be null
 * @param purl            package URL, set when the inventory is assembled
 * @param layer           diffID of the layer that installed it, set when the inventory is assembled
 * @param paths           where it was found (the package database file, the metadata file, or an archive chain
 *                        such as {@code app/x.war!/WEB-INF/lib/y.jar})
 * @param sha1            hex sha1 of the archive the package was found in (Java), may be null
 * @param foundBy         the evidence that named it ({@code pom.properties}, {@code MANIFEST.MF},
 *                        {@code sha1-index}, {@code file-name} …), may be null for OS packages
 * @param dev             a development-only dependency (npm lock files), null when not known to be one
 * @param ownedBy         name of the OS package whose file list holds this package's metadata, null when the OS
 *                        package manager does not own it; such packages are matched as OS packages only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Package(
        String type,
        String name,
        String version,
        String arch,
        SourcePackage source,
        List<String> licenses,
        String vendor,
        String modularityLabel,
        String purl,
        String layer,
        List<String> paths,
        String sha1,
        String foundBy,
        Boolean dev,
        String ownedBy) {

    /** Package types whose packages an OS package manager records. */
    public static final Set<String> OS_TYPES = Set.of("deb", "apk", "rpm");

    public Package {
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
        paths = paths == null ? List.of() : List.copyOf(paths);
        dev = Boolean.TRUE.equals(dev) ? Boolean.TRUE : null;
    }

    /** An OS package (no application-package fields). */
    public Package(String type, String name, String version, String arch, SourcePackage source, List<String> licenses,
                   String vendor, String modularityLabel, String purl, String layer, List<String> paths) {
        this(type, name, version, arch, source, licenses, vendor, modularityLabel, purl, layer, paths,
                null, null, null, null);
    }

    public static Package of(String type, String name, String version, String arch, SourcePackage source,
                             List<String> licenses, String path) {
        return new Package(type, name, version, arch, source, licenses, null, null, null, null, List.of(path));
    }

    /** An application package found at {@code path} by the evidence {@code foundBy}. */
    public static Package application(String type, String name, String version, List<String> licenses, String path,
                                      String foundBy) {
        return new Package(type, name, version, null, null, licenses, null, null, null, null, List.of(path),
                null, foundBy, null, null);
    }

    public Package withLayer(String diffId) {
        return new Package(type, name, version, arch, source, licenses, vendor, modularityLabel, purl, diffId, paths,
                sha1, foundBy, dev, ownedBy);
    }

    public Package withPurl(String newPurl) {
        return new Package(type, name, version, arch, source, licenses, vendor, modularityLabel, newPurl, layer, paths,
                sha1, foundBy, dev, ownedBy);
    }

    public Package withPaths(List<String> newPaths) {
        return new Package(type, name, version, arch, source, licenses, vendor, modularityLabel, purl, layer, newPaths,
                sha1, foundBy, dev, ownedBy);
    }

    public Package withSha1(String newSha1) {
        return new Package(type, name, version, arch, source, licenses, vendor, modularityLabel, purl, layer, paths,
                newSha1, foundBy, dev, ownedBy);
    }

    public Package withDev(boolean newDev) {
        return new Package(type, name, version, arch, source, licenses, vendor, modularityLabel, purl, layer, paths,
                sha1, foundBy, newDev, ownedBy);
    }

    public Package withOwnedBy(String owner) {
        return new Package(type, name, version, arch, source, licenses, vendor, modularityLabel, purl, layer, paths,
                sha1, foundBy, dev, owner);
    }

    /** The same package with other license strings (normalised SPDX expressions, or licenses found elsewhere). */
    public Package withLicenses(List<String> newLicenses) {
        return new Package(type, name, version, arch, source, newLicenses, vendor, modularityLabel, purl, layer, paths,
                sha1, foundBy, dev, ownedBy);
    }

    /** The same package renamed by better evidence (a Java index hit, say). */
    public Package withIdentity(String newName, String newVersion, String newFoundBy) {
        return new Package(type, newName, newVersion, arch, source, licenses, vendor, modularityLabel, null, layer,
                paths, sha1, newFoundBy, dev, ownedBy);
    }

    /** Whether an OS package manager records this package (deb, apk, rpm). */
    @JsonIgnore
    public boolean isOsPackage() {
        return OS_TYPES.contains(type);
    }

    /**
     * Identity of the package inside one image. OS packages: same type, name, version and arch (one package
     * however many database copies list it). Application packages also by where they were found: two copies
     * of a library in two places are two packages, each with its own layer.
     */
    public String key() {
        String base = type + "/" + name + "@" + version + (arch == null ? "" : "#" + arch);
        return isOsPackage() || paths.isEmpty() ? base : base + "|" + paths.getFirst();
    }
}
