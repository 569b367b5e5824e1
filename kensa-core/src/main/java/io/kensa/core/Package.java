package io.kensa.core;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One installed package, as its package manager records it.
 *
 * @param type            purl type: deb, apk, rpm, maven, npm, pypi …
 * @param name            package name
 * @param version         version as the package manager writes it (dpkg with epoch, rpm as [epoch:]version-release)
 * @param arch            architecture, may be null
 * @param source          source package, may be null
 * @param licenses        license strings as found in the metadata
 * @param vendor          rpm vendor, may be null
 * @param modularityLabel rpm modularity label, may be null
 * @param purl            package URL, set when the inventory is assembled
 * @param layer           diffID of the layer that installed it, set when the inventory is assembled
 * @param paths           where it was found (the package database file, or the package's own files)
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
        List<String> paths) {

    public Package {
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
        paths = paths == null ? List.of() : List.copyOf(paths);
    }

    public static Package of(String type, String name, String version, String arch, SourcePackage source,
                             List<String> licenses, String path) {
        return new Package(type, name, version, arch, source, licenses, null, null, null, null, List.of(path));
    }

    public Package withLayer(String diffId) {
        return new Package(type, name, version, arch, source, licenses, vendor, modularityLabel, purl, diffId, paths);
    }

    public Package withPurl(String newPurl) {
        return new Package(type, name, version, arch, source, licenses, vendor, modularityLabel, newPurl, layer, paths);
    }

    public Package withPaths(List<String> newPaths) {
        return new Package(type, name, version, arch, source, licenses, vendor, modularityLabel, purl, layer, newPaths);
    }

    /** Identity of the package inside one image: same type, name, version and arch. */
    public String key() {
        return type + "/" + name + "@" + version + (arch == null ? "" : "#" + arch);
    }
}
