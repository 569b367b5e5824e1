package io.kensa.analyze.scan;

import io.kensa.analyze.inventory.Inventory;
import io.kensa.core.ScanReport;
import io.kensa.image.oci.ImageConfig;

/**
 * A check that works on the inventory (and the image config, for images) once all layers are merged: Dockle's
 * image checks, secrets in the config's environment and history, license classification. Detectors never read
 * layers, so re-running them costs no layer I/O.
 */
public interface Detector {

    /**
     * Returns {@code report} with this detector's findings added.
     *
     * @param config the image config, null for a root filesystem
     */
    ScanReport apply(ScanReport report, Inventory inventory, ImageConfig config);
}
