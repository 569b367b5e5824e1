package io.kensa.core;

import java.time.Instant;
import java.util.List;

/**
 * Everything one scan found; reporters format it and never compute.
 *
 * @param createdAt when the scan ran
 * @param artifact  what was scanned
 * @param layers    the image's layers in order (empty for a root filesystem)
 * @param packages  the inventory, sorted by type, name, version
 * @param warnings  problems that did not stop the scan (one line each)
 */
public record ScanReport(Instant createdAt, Artifact artifact, List<LayerSummary> layers, List<Package> packages,
                         List<String> warnings) {
    public static final int SCHEMA_VERSION = 1;

    public ScanReport {
        layers = List.copyOf(layers);
        packages = List.copyOf(packages);
        warnings = List.copyOf(warnings);
    }
}
