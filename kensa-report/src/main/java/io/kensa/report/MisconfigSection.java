package io.kensa.report;

import io.kensa.core.ScanReport;
import io.kensa.core.misconfig.MisconfigFinding;
import io.kensa.report.findings.FindingOrders;
import io.kensa.report.findings.LayerLabels;
import io.kensa.report.findings.Places;
import io.kensa.report.vuln.SeverityCounts;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The misconfigurations part of the {@code table} report: a count line, then one list, most severe first: a row per
 * failed check (severity, id, where: file and line, layer, or the image config; title) with its evidence, remedy
 * and reference under it. Nothing when the report has no misconfiguration.
 */
final class MisconfigSection {
    private static final String[] HEADER = {"SEVERITY", "ID", "WHERE", "TITLE"};
    private static final int[] MAX = {8, 16, 48};
    private static final int[] FLOOR = {8, 11, 16};

    private MisconfigSection() {
    }

    static void write(ScanReport report, PrintWriter w) {
        if (report.misconfigurations().isEmpty()) {
            return;
        }
        LayerLabels layers = LayerLabels.of(report);
        w.println();
        w.println("Misconfigurations: "
                + SeverityCounts.of(report.misconfigurations(), MisconfigFinding::severity).countsLine());
        w.println();
        List<String[]> rows = new ArrayList<>();
        List<List<String>> details = new ArrayList<>();
        for (MisconfigFinding m : report.misconfigurations().stream().sorted(FindingOrders.MISCONFIGURATIONS).toList()) {
            rows.add(new String[]{FindingOrders.severity(m.severity()).name(), m.id(), where(m, layers), m.title()});
            List<String> lines = new ArrayList<>();
            m.evidence().forEach(e -> lines.add("* " + e));
            if (m.remedy() != null && !m.remedy().isBlank()) {
                lines.add("remedy: " + m.remedy());
            }
            if (m.reference() != null && !m.reference().isBlank()) {
                lines.add("reference: " + m.reference());
            }
            details.add(lines);
        }
        TextTable.fitted(HEADER, MAX, FLOOR, rows).print(w, rows, details);
    }

    /** {@code Dockerfile:5}, {@code /usr/local/bin/netdiag (L4)}, {@code layer L1}, or {@code image config}. */
    static String where(MisconfigFinding m, LayerLabels layers) {
        String place = Places.of(m.path(), m.line());
        String layer = layers.label(m.layer());
        if (place.isEmpty() && layer.isEmpty()) {
            return m.source() == null || m.source().isBlank() || m.source().equals("image") ? "image config" : m.source();
        }
        if (place.isEmpty()) {
            return "layer " + layer;
        }
        return layer.isEmpty() ? place : place + " (" + layer + ")";
    }
}
