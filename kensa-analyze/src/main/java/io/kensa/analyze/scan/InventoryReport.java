package io.kensa.analyze.scan;

import io.kensa.analyze.inventory.Inventory;
import io.kensa.core.Artifact;
import io.kensa.core.LayerSummary;
import io.kensa.core.ScanReport;

import java.time.Instant;
import java.util.List;

/**
 * The report of an inventory: its packages, the secrets and malware found in the layers, its warnings, and the
 * files scanners declined to read (binary files for the secret scanner, files over a size limit), counted.
 */
final class InventoryReport {
    private InventoryReport() {
    }

    static ScanReport of(Artifact artifact, List<LayerSummary> layers, Inventory inventory) {
        return new ScanReport(Instant.now(), artifact, layers, inventory.packages(), List.of(), List.of(),
                inventory.warnings(), inventory.secrets(), List.of(), List.of(), inventory.malware(),
                inventory.skipped());
    }
}
