package io.kensa.report.findings;

import io.kensa.core.LayerSummary;
import io.kensa.core.ScanReport;

import java.util.HashMap;
import java.util.Map;

/**
 * Short names of a report's layers for people: {@code L0}, {@code L1} … in the image's order (as the table's layer
 * list numbers them); a diffID that is not one of the report's layers by its first 12 hex digits; no layer (the
 * image config, a Dockerfile) by an empty string.
 */
public final class LayerLabels {
    private final Map<String, Integer> index = new HashMap<>();

    private LayerLabels(ScanReport report) {
        int i = 0;
        for (LayerSummary l : report.layers()) {
            index.putIfAbsent(l.diffId(), i++);
        }
    }

    public static LayerLabels of(ScanReport report) {
        return new LayerLabels(report);
    }

    /** {@code L2}, {@code 1d90474df9fd} or {@code ""}. */
    public String label(String diffId) {
        if (diffId == null || diffId.isBlank()) {
            return "";
        }
        Integer i = index.get(diffId);
        if (i != null) {
            return "L" + i;
        }
        int colon = diffId.indexOf(':');
        return diffId.substring(colon + 1, Math.min(diffId.length(), colon + 13));
    }

    /** The label, with {@code , deleted} when a later layer deletes or replaces the file. */
    public String label(String diffId, boolean deleted) {
        String label = label(diffId);
        return deleted ? (label.isEmpty() ? "deleted" : label + ", deleted") : label;
    }
}
