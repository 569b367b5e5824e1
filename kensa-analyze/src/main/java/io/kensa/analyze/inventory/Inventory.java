package io.kensa.analyze.inventory;

import io.kensa.core.OsInfo;
import io.kensa.core.Package;

import java.util.List;

/**
 * The merged view of an image's layers (or of a root filesystem).
 *
 * @param os       the detected OS, null when none
 * @param packages every package, each naming the layer that installed it and its purl
 * @param warnings problems that did not stop the scan
 */
public record Inventory(OsInfo os, List<Package> packages, List<String> warnings) {
    public Inventory {
        packages = List.copyOf(packages);
        warnings = List.copyOf(warnings);
    }
}
