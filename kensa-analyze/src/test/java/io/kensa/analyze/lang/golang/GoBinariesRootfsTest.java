package io.kensa.analyze.lang.golang;

import io.kensa.analyze.AnalyzerRegistry;
import io.kensa.analyze.scan.RootfsScanner;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** The built Go binaries in a root filesystem, scanned with the default analyzers: modes select, purls follow. */
class GoBinariesRootfsTest {
    @TempDir
    Path dir;

    @Test
    void executablesAreReadAndGetPurls() throws IOException {
        Path root = dir.resolve("root");
        copy("amd64", root.resolve("usr/local/bin/app"), "rwxr-xr-x");
        copy("installed", root.resolve("usr/bin/hello"), "rwxr-x---");
        copy("amd64", root.resolve("opt/app.bak"), "rw-r--r--");

        ScanReport report = new RootfsScanner(AnalyzerRegistry.defaults(), dir.resolve("cache")).scan(root, "root");

        assertThat(report.warnings()).isEmpty();
        assertThat(report.packages()).extracting(p -> p.paths().getFirst() + " " + p.purl()).containsExactlyInAnyOrder(
                "usr/local/bin/app pkg:golang/stdlib@1.19.8",
                "usr/local/bin/app pkg:golang/example.com/greet@v1.2.0",
                "usr/local/bin/app pkg:golang/example.com/new@v1.1.0",
                "usr/bin/hello pkg:golang/stdlib@1.19.8",
                "usr/bin/hello pkg:golang/example.com/hello@v1.3.0",
                "usr/bin/hello pkg:golang/example.com/greet@v1.2.0");
        assertThat(report.packages()).extracting(Package::type).containsOnly("golang");
    }

    private static void copy(String variant, Path to, String mode) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(GoFixtures.get().binaries.get(variant), to);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString(mode));
    }
}
