package io.kensa.report;

import io.kensa.core.Artifact;
import io.kensa.core.LayerSummary;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A plain-text summary for people: the artifact, its layers, and the packages grouped by type. */
public final class TableReporter implements Reporter {

    @Override
    public String format() {
        return "table";
    }

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        Artifact a = report.artifact();
        w.println(a.name() + " (" + a.type() + (a.os() == null ? "" : ", " + a.os().family() + " " + a.os().version()) + ")");
        if (a.digest() != null) {
            w.println("image id: " + a.digest());
        }
        w.println();
        Map<String, Integer> layerIndex = new HashMap<>();
        if (!report.layers().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            int i = 0;
            for (LayerSummary l : report.layers()) {
                layerIndex.put(l.diffId(), i);
                rows.add(new String[]{"L" + i++, shortId(l.diffId()), Long.toString(l.size()), l.cached() ? "yes" : "no",
                        clip(l.createdBy() == null ? "" : l.createdBy(), 70)});
            }
            printTable(w, new String[]{"LAYER", "DIFF ID", "SIZE", "CACHED", "CREATED BY"}, rows);
            w.println();
        }
        List<String[]> rows = new ArrayList<>();
        for (Package p : report.packages()) {
            Integer li = layerIndex.get(p.layer());
            rows.add(new String[]{p.type(), p.name(), p.version(), li == null ? "" : "L" + li});
        }
        w.println("Packages: " + report.packages().size());
        if (!rows.isEmpty()) {
            printTable(w, new String[]{"TYPE", "NAME", "VERSION", "LAYER"}, rows);
        }
        for (String warning : report.warnings()) {
            w.println("warning: " + warning);
        }
        w.flush();
    }

    private static void printTable(PrintWriter w, String[] header, List<String[]> rows) {
        int[] width = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            width[c] = header[c].length();
            for (String[] r : rows) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        printRow(w, header, width);
        String[] rule = new String[header.length];
        for (int c = 0; c < header.length; c++) {
            rule[c] = "-".repeat(width[c]);
        }
        printRow(w, rule, width);
        rows.forEach(r -> printRow(w, r, width));
    }

    private static void printRow(PrintWriter w, String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                sb.append("  ");
            }
            sb.append(cells[c]);
            if (c < cells.length - 1) {
                sb.append(" ".repeat(width[c] - cells[c].length()));
            }
        }
        w.println(sb.toString().stripTrailing());
    }

    private static String shortId(String diffId) {
        int colon = diffId.indexOf(':');
        return diffId.substring(colon + 1, Math.min(diffId.length(), colon + 13));
    }

    private static String clip(String s, int max) {
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() > max ? one.substring(0, max - 1) + "…" : one;
    }
}
