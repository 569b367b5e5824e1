package io.kensa.cli;

import io.kensa.analyze.scan.RootfsScanner;
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
        return ScanRun.run(common, (db, plan) -> new RootfsScanner(plan.analyzers(), common.cache.scratchDir(),
                db.javaIndex(), plan.detectors()).scan(root, root.toString()));
    }
}
