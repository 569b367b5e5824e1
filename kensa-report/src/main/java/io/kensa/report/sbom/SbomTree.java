package io.kensa.report.sbom;

import io.kensa.core.OsInfo;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How an SBOM nests a report's inventory, as Trivy does: packages of the operating system's package managers
 * (deb, rpm, apk, alpm) hang under the operating system; every other package (language packages) hangs directly
 * under the scanned artifact, except those found inside the archive of another package, which hang under that
 * package (see {@link ArchiveNesting}). Without a detected operating system, every package hangs under the
 * artifact.
 *
 * @param os            the detected operating system, null when none was found
 * @param osPackages    packages that belong to the operating system, in report order
 * @param otherPackages the rest, in report order
 * @param nesting       how the other packages nest inside each other's archives
 */
public record SbomTree(OsInfo os, List<Package> osPackages, List<Package> otherPackages, ArchiveNesting nesting) {
    /** purl types written by operating-system package managers. */
    public static final Set<String> OS_PACKAGE_TYPES = Set.of("deb", "rpm", "apk", "alpm");

    public SbomTree {
        osPackages = List.copyOf(osPackages);
        otherPackages = List.copyOf(otherPackages);
    }

    /** Splits the report's packages; keeps their order. */
    public static SbomTree of(ScanReport report) {
        OsInfo os = report.artifact().os();
        List<Package> osPackages = new ArrayList<>();
        List<Package> others = new ArrayList<>();
        for (Package p : report.packages()) {
            if (os != null && OS_PACKAGE_TYPES.contains(p.type())) {
                osPackages.add(p);
            } else {
                others.add(p);
            }
        }
        return new SbomTree(os, osPackages, others, ArchiveNesting.of(others));
    }

    public boolean hasOs() {
        return os != null;
    }
}
