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

/**
 * A plain-text summary for people: the artifact, its layers, the OS packages, then the application packages with
 * where each was found (and whether it is a development dependency or belongs to an OS package), then the
 * vulnerabilities by target ({@link VulnerabilitySection}), the secrets by file ({@link SecretSection}), the
 * misconfigurations ({@link MisconfigSection}), the licenses ({@link LicenseSection}) and the malware
 * ({@link MalwareSection}). A kind of finding the report has none of gets no section at all.
 */
public final class TableReporter implements Reporter {

    @Override
    public String format() {
        return "table";
    }

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        Artifact a = report.artifact();
        w.println(TerminalText.printable(a.name() + " (" + a.type()
                + (a.os() == null ? "" : ", " + a.os().family() + " " + a.os().version()) + ")"));
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
            TextTable.unbounded("LAYER", "DIFF ID", "SIZE", "CACHED", "CREATED BY").print(w, rows);
            w.println();
        }
        List<String[]> osRows = new ArrayList<>();
        List<String[]> appRows = new ArrayList<>();
        for (Package p : report.packages()) {
            Integer li = layerIndex.get(p.layer());
            String layer = li == null ? "" : "L" + li;
            if (p.isOsPackage()) {
                osRows.add(new String[]{p.type(), p.name(), p.version(), layer});
            } else {
                appRows.add(new String[]{p.type(), p.name(), p.version(), layer, note(p), path(p)});
            }
        }
        w.println("OS packages: " + osRows.size());
        if (!osRows.isEmpty()) {
            TextTable.unbounded("TYPE", "NAME", "VERSION", "LAYER").print(w, osRows);
        }
        if (!appRows.isEmpty()) {
            w.println();
            w.println("Application packages: " + appRows.size());
            TextTable.unbounded("TYPE", "NAME", "VERSION", "LAYER", "NOTE", "PATH").print(w, appRows);
        }
        VulnerabilitySection.write(report, w);
        SecretSection.write(report, w);
        MisconfigSection.write(report, w);
        LicenseSection.write(report, w);
        MalwareSection.write(report, w);
        if (!report.filesNotRead().isEmpty()) {
            List<String> parts = new ArrayList<>();
            report.filesNotRead().forEach((what, n) -> parts.add(what + " " + n));
            w.println();
            w.println("Files not read: " + TerminalText.printable(String.join(", ", parts)));
        }
        for (String warning : report.warnings()) {
            w.println("warning: " + TerminalText.printable(warning));
        }
        w.flush();
    }

    /** Development-only, or owned by an OS package (so matched as that package). */
    private static String note(Package p) {
        List<String> notes = new ArrayList<>(2);
        if (Boolean.TRUE.equals(p.dev())) {
            notes.add("dev");
        }
        if (p.ownedBy() != null) {
            notes.add("os:" + p.ownedBy());
        }
        return String.join(",", notes);
    }

    /** Where it was found: the first path, and how many more there are. */
    private static String path(Package p) {
        if (p.paths().isEmpty()) {
            return "";
        }
        return p.paths().getFirst() + (p.paths().size() > 1 ? " (+" + (p.paths().size() - 1) + ")" : "");
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
