package io.kensa.analyze.lang.java;

import io.kensa.analyze.AnalyzerRegistry;
import io.kensa.analyze.scan.RootfsScanner;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Run in a separate JVM with a small heap by {@link HostileRootfsTest}: scans a root filesystem with the default
 * analyzers and prints {@code package <name> <version> <path>} and {@code warning <text>} lines.
 */
public final class HostileRootfsProcess {
    private HostileRootfsProcess() {
    }

    public static void main(String[] args) throws IOException {
        ScanReport report = new RootfsScanner(AnalyzerRegistry.defaults(), Path.of(args[1])).scan(Path.of(args[0]), "rootfs");
        for (Package p : report.packages()) {
            System.out.println("package " + p.name() + " " + p.version() + " " + p.paths().getFirst());
        }
        for (String w : report.warnings()) {
            System.out.println("warning " + w);
        }
        System.out.println("max heap " + Runtime.getRuntime().maxMemory());
    }
}
