package io.kensa.report;

import io.kensa.core.ScanReport;
import io.kensa.core.secret.SecretFinding;
import io.kensa.report.findings.FindingOrders;
import io.kensa.report.findings.LayerLabels;
import io.kensa.report.vuln.SeverityCounts;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The secrets part of the {@code table} report: a count line, then one table per file (or image config field), the
 * file with the most severe secret first, each with its layer (and whether a later layer deleted it) and its own
 * {@code Total:} line; a row per secret (severity, rule, category, line, title) with the matched line under it,
 * exactly as the engine masked it. Nothing when the report has no secret.
 */
final class SecretSection {
    private static final String[] HEADER = {"SEVERITY", "RULE", "CATEGORY", "LINE", "TITLE"};
    private static final int[] MAX = {8, 32, 24, 6};
    private static final int[] FLOOR = {8, 16, 8, 4};

    private SecretSection() {
    }

    private record Where(String path, String layer, boolean deleted) {
    }

    static void write(ScanReport report, PrintWriter w) {
        if (report.secrets().isEmpty()) {
            return;
        }
        LayerLabels layers = LayerLabels.of(report);
        w.println();
        w.println("Secrets: " + SeverityCounts.of(report.secrets(), SecretFinding::severity).countsLine());
        Map<Where, List<SecretFinding>> byFile = new LinkedHashMap<>();
        report.secrets().stream().sorted(FindingOrders.SECRETS).forEach(s -> byFile
                .computeIfAbsent(new Where(s.path(), s.layer(), s.deleted()), k -> new ArrayList<>()).add(s));
        byFile.forEach((where, secrets) -> {
            String name = TerminalText.clip(TerminalText.printable(name(where, layers)), TextTable.WIDTH);
            w.println();
            w.println(name);
            w.println("=".repeat(TerminalText.width(name)));
            w.println(SeverityCounts.of(secrets, SecretFinding::severity).summaryLine());
            w.println();
            List<String[]> rows = new ArrayList<>();
            List<List<String>> matches = new ArrayList<>();
            for (SecretFinding s : secrets) {
                rows.add(new String[]{FindingOrders.severity(s.severity()).name(), s.ruleId(), s.category(),
                        s.line() > 0 ? Integer.toString(s.line()) : "", s.example() ? s.title() + " [example]" : s.title()});
                matches.add(s.match() == null ? List.of() : List.of(s.match()));
            }
            TextTable.fitted(HEADER, MAX, FLOOR, rows).print(w, rows, matches);
        });
    }

    /** {@code /root/.aws/credentials (L2)}, {@code /app/id_rsa (L2, deleted by a later layer)}, {@code config:Env (image config)}. */
    private static String name(Where where, LayerLabels layers) {
        String path = where.path() == null ? "" : where.path();
        String layer = layers.label(where.layer());
        if (layer.isEmpty()) {
            String note = path.startsWith("config:") ? "image config" : where.deleted() ? "deleted by a later layer" : "";
            return note.isEmpty() ? path : path + " (" + note + ")";
        }
        return path + " (" + layer + (where.deleted() ? ", deleted by a later layer" : "") + ")";
    }
}
