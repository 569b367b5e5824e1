package io.kensa.cli;

import io.kensa.analyze.misconfig.ConfigScanner;
import io.kensa.core.Artifact;
import io.kensa.core.ScanReport;
import io.kensa.core.misconfig.MisconfigFinding;
import io.kensa.match.filter.FilterOptions;
import io.kensa.match.filter.Gate;
import io.kensa.match.filter.GateDecision;
import io.kensa.match.filter.ScannerFindingFilters;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code kensa config} does once its flags are read: scan the path, build the report (artifact type
 * {@code config}, named after the path), take out the ignored checks ({@code --ignore}), apply {@code --severity} and
 * the ignore file's {@code misconfigurations} list, and let the gate decide on what remains.
 */
final class ConfigRun {
    private ConfigRun() {
    }

    /** The report to write and what the gate decided. */
    record Outcome(ScanReport report, GateDecision gate) {
    }

    static Outcome run(String path, FilterOptions options, Set<String> ignoredIds, Gate gate) throws IOException {
        ConfigScanner.Result scan = ConfigScanner.scan(Path.of(path), path);
        List<MisconfigFinding> kept = scan.findings().stream().filter(f -> !ignoredIds.contains(f.id())).toList();
        ScanReport report = new ScanReport(Instant.now(), new Artifact(path, "config", null, List.of(), null, null),
                List.of(), List.of(), scan.warnings()).withMisconfigurations(kept);
        int ignored = scan.findings().size() - kept.size();
        if (ignored > 0) {
            report = report.withWarning(ignored + " misconfiguration" + (ignored == 1 ? "" : "s")
                    + " left out by --ignore " + String.join(",", ignoredIds));
        }
        report = ScannerFindingFilters.apply(report, options, Clock.systemUTC()).report();
        GateDecision decision = gate.decide(List.of(), Map.of("misconfiguration", report.misconfigurations().size()));
        return new Outcome(report, decision);
    }
}
