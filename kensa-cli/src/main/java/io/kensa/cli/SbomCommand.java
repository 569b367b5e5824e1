package io.kensa.cli;

import io.kensa.analyze.sbom.SbomInventory;
import io.kensa.analyze.sbom.SbomReader;
import io.kensa.analyze.inventory.Inventory;
import io.kensa.analyze.scan.Detector;
import io.kensa.core.Artifact;
import io.kensa.core.ScanReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kensa sbom FILE}: scan the packages an SBOM lists, with the same matching as an image scan. */
@Command(name = "sbom", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Scan the packages of a CycloneDX or SPDX JSON SBOM (Kensa's, Trivy's, Syft's) for vulnerabilities.")
final class SbomCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The SBOM (CycloneDX JSON or SPDX 2.x JSON).")
    Path file;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        return ScanRun.run(common, (db, plan) -> {
            SbomInventory sbom = SbomReader.read(file);
            ScanReport report = new ScanReport(Instant.now(), new Artifact(sbom.name() != null ? sbom.name()
                    : file.toString(), "sbom", null, null, sbom.os(), null), List.of(), sbom.packages(), sbom.warnings());
            Inventory inventory = new Inventory(sbom.os(), sbom.packages(), sbom.warnings());
            for (Detector d : plan.detectors()) { // no files and no image config: only the license scanner applies
                report = d.apply(report, inventory, null);
            }
            return report;
        });
    }
}
