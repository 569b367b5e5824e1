package io.kensa.report;

import io.kensa.core.ScanReport;
import io.kensa.core.license.LicenseFinding;
import io.kensa.report.findings.FindingOrders;
import io.kensa.report.findings.LayerLabels;
import io.kensa.report.vuln.SeverityCounts;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The licenses part of the {@code table} report: a count line (by severity, then by policy decision), then one
 * list, most severe first and those the policy fails first among equals: a row per package (severity, policy,
 * category, license, package, layer, where the license was read). Nothing when the report has no license finding.
 */
final class LicenseSection {
    private static final String[] HEADER = {"SEVERITY", "POLICY", "CATEGORY", "LICENSE", "PACKAGE", "LAYER", "PATH"};
    private static final int[] MAX = {8, 6, 12, 40, 40, 8};
    private static final int[] FLOOR = {8, 6, 8, 12, 12, 5};

    private LicenseSection() {
    }

    static void write(ScanReport report, PrintWriter w) {
        if (report.licenses().isEmpty()) {
            return;
        }
        LayerLabels layers = LayerLabels.of(report);
        w.println();
        w.println("Licenses: " + SeverityCounts.of(report.licenses(), LicenseFinding::severity).countsLine()
                + policyCounts(report.licenses()));
        w.println();
        List<String[]> rows = new ArrayList<>();
        for (LicenseFinding l : report.licenses().stream().sorted(FindingOrders.LICENSES).toList()) {
            rows.add(new String[]{FindingOrders.severity(l.severity()).name(), nullToEmpty(l.policy()),
                    nullToEmpty(l.category()), nullToEmpty(l.license()),
                    l.packageName() != null ? l.packageName() : nullToEmpty(l.purl()), layers.label(l.layer()),
                    nullToEmpty(l.path())});
        }
        TextTable.fitted(HEADER, MAX, FLOOR, rows).print(w, rows);
    }

    /** {@code ; policy: 1 fail, 2 warn, 40 allow}, fail first; nothing when no finding has a policy decision. */
    private static String policyCounts(List<LicenseFinding> licenses) {
        Map<String, Long> counts = licenses.stream().map(LicenseFinding::policy).filter(p -> p != null && !p.isBlank())
                .collect(Collectors.groupingBy(p -> p.toLowerCase(Locale.ROOT), TreeMap::new, Collectors.counting()));
        if (counts.isEmpty()) {
            return "";
        }
        return "; policy: " + counts.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> FindingOrders.policyRank(e.getKey())))
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
