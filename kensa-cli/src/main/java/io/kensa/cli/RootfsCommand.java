package io.kensa.cli;

import io.kensa.analyze.AnalyzerRegistry;
import io.kensa.analyze.scan.RootfsScanner;
import io.kensa.core.ScanReport;
import io.kensa.match.AdvisorySource;
import io.kensa.match.filter.FilterOptions;
import io.kensa.report.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code kensa rootfs DIR}: scan an unpacked root filesystem. */
@Command(name = "rootfs", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Scan a root filesystem directory (an unpacked image or a container's root).")
final class RootfsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The root directory.")
    Path root;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        PhaseTimings timings = new PhaseTimings();
        Reporter reporter = common.output.reporter();
        FilterOptions filterOptions = common.filters.options();
        common.scanners.check();
        VulnerabilityStep.Outcome outcome;
        try (DbOptions.Opened db = common.db.open(common.cache.dir())) {
            AdvisorySource advisories = db.advisories();
            VulnerabilityStep.checkDatabase(common, advisories);
            outcome = VulnerabilityStep.apply(
                    new RootfsScanner(AnalyzerRegistry.defaults(), common.cache.scratchDir(), db.javaIndex())
                            .scan(root, root.toString()), common, filterOptions, advisories, timings);
        }
        common.output.write(reporter, outcome.report());
        timings.mark("report");
        timings.print();
        return outcome.exitCode();
    }
}
