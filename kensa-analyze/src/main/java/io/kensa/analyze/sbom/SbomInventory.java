package io.kensa.analyze.sbom;

import io.kensa.core.OsInfo;
import io.kensa.core.Package;

import java.util.List;

/**
 * The inventory an SBOM describes.
 *
 * @param format   {@code cyclonedx} or {@code spdx}
 * @param name     what the SBOM describes (its subject's name), may be null
 * @param os       the operating system it names, null when none
 * @param packages its packages that have a purl
 * @param warnings what was skipped (one line each)
 */
public record SbomInventory(String format, String name, OsInfo os, List<Package> packages, List<String> warnings) {
    public SbomInventory {
        packages = List.copyOf(packages);
        warnings = List.copyOf(warnings);
    }
}
