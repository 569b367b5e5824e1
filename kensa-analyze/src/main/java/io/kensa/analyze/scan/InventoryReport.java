package io.kensa.analyze.scan;

import io.kensa.analyze.inventory.Inventory;
import io.kensa.core.Artifact;
import io.kensa.core.LayerSummary;
import io.kensa.core.ScanReport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The report of an inventory: its packages, the secrets and malware found in the layers, and its warnings. */
final class InventoryReport {
    private InventoryReport() {
    }

    static ScanReport of(Artifact artifact, List<LayerSummary> layers, Inventory inventory) {
        List<String> warnings = new ArrayList<>(inventory.warnings());
        for (Map.Entry<String, Long> e : inventory.skipped().entrySet()) {
            warnings.add(e.getKey() + ": " + e.getValue() + " file" + (e.getValue() == 1 ? "" : "s") + " not read");
        }
        return new ScanReport(Instant.now(), artifact, layers, inventory.packages(), List.of(), List.of(), warnings,
                inventory.secrets(), List.of(), List.of(), inventory.malware());
    }
}
