package io.kensa.report.vuln;

import io.kensa.core.Artifact;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import io.kensa.core.vuln.SuppressedFinding;
import io.kensa.core.vuln.VulnerabilityFinding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Groups findings by target, the way Trivy's per-target tables do: first the operating system (every OS package),
 * then one target per application package location:
 * <ul>
 *   <li>a file that holds several packages (a lock file, a Go or Rust binary, a war or fat jar with jars inside)
 *       is its own target, named by its path in the image;</li>
 *   <li>the other application packages (each with its own metadata: a jar, a {@code node_modules} package, a
 *       Python dist-info) are grouped by ecosystem: {@code Java}, {@code Node.js}, {@code Python} ….</li>
 * </ul>
 * A finding whose package was found in several places belongs to each of their targets (once per target). Targets
 * come from the inventory as well, so a target without findings is still listed (with none).
 */
public final class FindingTargets {
    private static final Map<String, String> ECOSYSTEMS = Map.of("maven", "Java", "npm", "Node.js", "pypi", "Python",
            "golang", "Go", "cargo", "Rust", "gem", "Ruby", "composer", "PHP", "nuget", ".NET");

    /** One row of a target: a finding and its first package instance in that target. */
    public record Row(VulnerabilityFinding finding, Package pkg) {
    }

    /** A suppressed finding in a target. */
    public record SuppressedRow(SuppressedFinding suppressed, Package pkg) {
    }

    /**
     * @param name       what the reports print: {@code debian:11 (debian 11.0)}, {@code app/webapps/shop.war},
     *                   {@code Java} …
     * @param os         true for the operating system's target
     * @param rows       its findings, most urgent first ({@link FindingOrder})
     * @param suppressed its suppressed findings, most urgent first
     */
    public record Target(String name, boolean os, List<Row> rows, List<SuppressedRow> suppressed) {
        public Target {
            rows = List.copyOf(rows);
            suppressed = List.copyOf(suppressed);
        }

        public List<VulnerabilityFinding> findings() {
            return rows.stream().map(Row::finding).toList();
        }
    }

    private final String osName;
    private final Set<String> sharedFiles;

    private FindingTargets(String osName, Set<String> sharedFiles) {
        this.osName = osName;
        this.sharedFiles = sharedFiles;
    }

    /** Every target of the report, the OS first, then the application targets by name. */
    public static List<Target> of(ScanReport report) {
        List<Package> all = new ArrayList<>(report.packages());
        report.vulnerabilities().forEach(f -> all.addAll(f.packages()));
        report.suppressed().forEach(s -> all.addAll(s.finding().packages()));
        FindingTargets targets = new FindingTargets(osTargetName(report.artifact()), sharedFiles(all));

        Map<String, List<Row>> rows = new HashMap<>();
        Map<String, List<SuppressedRow>> suppressed = new HashMap<>();
        for (Package p : all) {
            rows.putIfAbsent(targets.targetOf(p), new ArrayList<>());
            suppressed.putIfAbsent(targets.targetOf(p), new ArrayList<>());
        }
        for (VulnerabilityFinding f : report.vulnerabilities().stream().sorted(FindingOrder.MOST_URGENT_FIRST).toList()) {
            targets.firstInstancePerTarget(f).forEach((target, p) -> rows.get(target).add(new Row(f, p)));
        }
        List<SuppressedFinding> sortedSuppressed = report.suppressed().stream()
                .sorted(Comparator.comparing(SuppressedFinding::finding, FindingOrder.MOST_URGENT_FIRST)).toList();
        for (SuppressedFinding s : sortedSuppressed) {
            targets.firstInstancePerTarget(s.finding())
                    .forEach((target, p) -> suppressed.get(target).add(new SuppressedRow(s, p)));
        }

        List<Target> out = new ArrayList<>();
        if (rows.containsKey(targets.osName)) {
            out.add(new Target(targets.osName, true, rows.remove(targets.osName), suppressed.get(targets.osName)));
        }
        for (String name : new TreeMap<>(rows).keySet()) {
            out.add(new Target(name, false, rows.get(name), suppressed.get(name)));
        }
        return out;
    }

    /** The OS target's name: {@code debian:11 (debian 11.0)}, or the artifact's name when no OS was detected. */
    public static String osTargetName(Artifact a) {
        if (a.os() == null) {
            return a.name() + " (OS packages)";
        }
        String version = a.os().version().isEmpty() ? "" : " " + a.os().version();
        return a.name() + " (" + a.os().family() + version + ")";
    }

    /** The target of one package instance. */
    public String targetOf(Package p) {
        if (p.isOsPackage()) {
            return osName;
        }
        String file = outerFile(p);
        if (file != null && sharedFiles.contains(file)) {
            return file;
        }
        return ECOSYSTEMS.getOrDefault(p.type(), p.type());
    }

    private Map<String, Package> firstInstancePerTarget(VulnerabilityFinding f) {
        Map<String, Package> byTarget = new LinkedHashMap<>();
        for (Package p : f.packages()) {
            byTarget.putIfAbsent(targetOf(p), p);
        }
        return byTarget;
    }

    /** The files that hold more than one (distinct) application package. */
    private static Set<String> sharedFiles(List<Package> packages) {
        Map<String, Set<String>> keysByFile = new HashMap<>();
        for (Package p : packages) {
            String file = p.isOsPackage() ? null : outerFile(p);
            if (file != null) {
                keysByFile.computeIfAbsent(file, k -> new HashSet<>()).add(p.key());
            }
        }
        Set<String> shared = new HashSet<>();
        keysByFile.forEach((file, keys) -> {
            if (keys.size() > 1) {
                shared.add(file);
            }
        });
        return shared;
    }

    /** The outermost file of where a package was found: {@code a.war} for {@code a.war!/WEB-INF/lib/b.jar}. */
    private static String outerFile(Package p) {
        if (p.paths().isEmpty()) {
            return null;
        }
        String path = p.paths().getFirst();
        int bang = path.indexOf("!/");
        return bang < 0 ? path : path.substring(0, bang);
    }
}
