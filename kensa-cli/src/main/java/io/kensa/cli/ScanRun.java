package io.kensa.cli;

import io.kensa.core.ScanReport;
import io.kensa.match.AdvisorySource;
import io.kensa.match.filter.FilterOptions;
import io.kensa.report.Reporter;

/**
 * The one flow of every scan command: check the flags and files that can be checked before any work (format,
 * filters, scanners, the database), take the inventory, run the vulnerability scanner and the filters, write the
 * report, and return the gate's exit code. The commands differ only in how they take the inventory.
 */
final class ScanRun {
    private ScanRun() {
    }

    /**
     * How a command takes its inventory, given the open database (its Java index names jars) and what the scanners
     * need in the layer pass and after it.
     */
    @FunctionalInterface
    interface Inventory {
        ScanReport take(DbOptions.Opened db, ScannerPlan plan) throws Exception;
    }

    static int run(CommonOptions common, Inventory inventory) throws Exception {
        PhaseTimings timings = new PhaseTimings();
        Reporter reporter = common.output.reporter();
        FilterOptions filterOptions = common.filters.options();
        common.scanners.check();
        VulnerabilityStep.Outcome vulnerabilities;
        try (ScannerPlan plan = ScannerPlan.open(common.scanners);
             DbOptions.Opened db = common.db.open(common.cache.dir())) {
            AdvisorySource advisories = db.advisories();
            VulnerabilityStep.checkDatabase(common, advisories);
            vulnerabilities = VulnerabilityStep.apply(inventory.take(db, plan), common, filterOptions, advisories,
                    timings);
        }
        GateStep.Outcome outcome = GateStep.apply(vulnerabilities, filterOptions, common.filters.gate());
        common.output.write(reporter, outcome.report());
        timings.mark("report");
        timings.print();
        return outcome.exitCode();
    }
}
