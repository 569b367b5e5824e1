package io.kensa.cli;

import io.kensa.core.ScanReport;
import io.kensa.core.license.LicenseFinding;
import io.kensa.match.filter.FilterOptions;
import io.kensa.match.filter.Gate;
import io.kensa.match.filter.GateDecision;
import io.kensa.match.filter.IgnoreRule;
import io.kensa.match.filter.ScannerFindingFilters;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last step of a scan: the filters for the findings of the other scanners (secrets, misconfigurations,
 * licenses, malware), the ignore-file bookkeeping over all kinds, and the gate over everything that survived.
 * License findings count for the gate only when the license policy fails them.
 */
final class GateStep {
    private GateStep() {
    }

    /** The report to write and what the gate decided. */
    record Outcome(ScanReport report, GateDecision gate) {
        /** Writes the gate's reason to stderr when it fired, and returns the exit code. */
        int exitCode() {
            if (gate.fired()) {
                System.err.println("kensa: " + gate.reason());
            }
            return gate.exitCode();
        }
    }

    static Outcome apply(VulnerabilityStep.Outcome vulnerabilities, FilterOptions options, Gate gate) {
        ScannerFindingFilters.Outcome filtered = ScannerFindingFilters.apply(vulnerabilities.report(), options,
                Clock.systemUTC());
        ScanReport report = filtered.report();
        if (vulnerabilities.unusedIgnoreRules() != null) {
            for (IgnoreRule r : vulnerabilities.unusedIgnoreRules()) {
                if (!filtered.usedRules().contains(r)) {
                    report = report.withWarning("ignore file: unused entry " + r.describe());
                }
            }
        }
        for (Map.Entry<String, Integer> e : filtered.hidden().entrySet()) {
            if (e.getKey().endsWith(": ignore-file")) { // --severity hides by request; ignore entries are audited
                String kind = e.getKey().substring(0, e.getKey().length() - ": ignore-file".length());
                report = report.withWarning(kind + ": " + e.getValue() + " finding" + (e.getValue() == 1 ? "" : "s")
                        + " left out by the ignore rules");
            }
        }
        for (IgnoreRule r : vulnerabilities.expiredIgnoreRules()) {
            report = report.withWarning("ignore file: expired entry " + r.describe());
        }
        Map<String, Integer> others = new LinkedHashMap<>();
        others.put("secret", report.secrets().size());
        others.put("misconfiguration", report.misconfigurations().size());
        others.put("license violation", (int) report.licenses().stream().filter(GateStep::failsPolicy).count());
        others.put("malware finding", report.malware().size());
        return new Outcome(report, gate.decide(report.vulnerabilities(), others));
    }

    private static boolean failsPolicy(LicenseFinding f) {
        return "fail".equals(f.policy());
    }
}
