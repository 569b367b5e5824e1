package io.kensa.cli;

import io.kensa.core.ScanReport;
import io.kensa.report.Reporter;
import io.kensa.report.ReporterRegistry;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** {@code --format} and {@code --output}: the report is written whole, or not at all. */
final class OutputOptions {
    @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "FORMAT",
            description = "Report format: table, json, cyclonedx, spdx-json, sarif, junit, gitlab, html (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path output;

    /** Fails early on an unknown format, before any scanning. */
    Reporter reporter() {
        return ReporterRegistry.defaults().get(format);
    }

    void write(Reporter reporter, ScanReport report) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
        reporter.write(report, buffer);
        if (output == null) {
            buffer.writeTo(System.out);
            System.out.flush();
            return;
        }
        Path target = output.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + "-", ".tmp");
        try {
            Files.write(tmp, buffer.toByteArray());
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
