package io.kensa.analyze.scan;

import io.kensa.analyze.AnalyzerRegistry;
import io.kensa.analyze.testing.Scans;
import io.kensa.core.KensaException;
import io.kensa.core.ScanReport;
import io.kensa.image.testing.Corpus;
import io.kensa.image.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RootfsScannerTest {
    @TempDir
    Path dir;

    private ScanReport scan(Path root) throws IOException {
        return new RootfsScanner(AnalyzerRegistry.defaults(), dir.resolve("cache/tmp")).scan(root, root.toString());
    }

    /** debian-distroless unpacked with GNU tar, layer by layer (it has no whiteouts). */
    private Path distrolessRoot() {
        Path root = dir.resolve("rootfs");
        Path archive = Corpus.image("debian-distroless.docker.tar");
        Tools.run(dir, "mkdir", "-p", root.toString());
        String layers = Tools.run(dir, "bash", "-c",
                "tar -xOf '" + archive + "' manifest.json | python3 -c 'import json,sys; print(\" \".join(json.load(sys.stdin)[0][\"Layers\"]))'");
        for (String layer : layers.strip().split(" ")) {
            Tools.run(dir, "bash", "-c", "tar -xOf '" + archive + "' " + layer + " | tar -xz --no-same-owner -C '" + root + "'");
        }
        return root;
    }

    @Test
    void unpackedDistrolessMatchesTheGroundTruth() throws IOException {
        Path root = distrolessRoot();
        ScanReport r = scan(root);
        Map<String, String> expected = new TreeMap<>();
        Corpus.tsvBody(Corpus.image("debian-distroless.expected/packages.tsv")).forEach(row -> expected.put(row[0], row[1]));
        assertThat(Scans.versions(r.packages())).isEqualTo(expected);
        assertThat(r.artifact().type()).isEqualTo("rootfs");
        assertThat(r.artifact().os().family()).isEqualTo("debian");
        assertThat(r.artifact().os().version()).startsWith("12");
        assertThat(r.layers()).isEmpty();
        assertThat(r.packages()).allSatisfy(p -> {
            assertThat(p.layer()).isNull();
            assertThat(p.paths()).singleElement().asString().startsWith("var/lib/dpkg/status.d/");
            assertThat(p.purl()).contains("distro=debian-12");
        });
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void symlinksLeavingTheRootAreNotFollowed() throws IOException {
        // this machine has its own /etc/os-release and dpkg database: following links would find them
        assertThat(Path.of("/etc/os-release")).exists();
        Path root = Files.createDirectories(dir.resolve("escape"));
        Files.createDirectories(root.resolve("etc"));
        Files.createSymbolicLink(root.resolve("etc/os-release"), Path.of("/etc/os-release"));
        Files.createDirectories(root.resolve("usr/lib"));
        Files.createSymbolicLink(root.resolve("usr/lib/os-release"), Path.of("../../../../../../../etc/os-release"));
        Files.createDirectories(root.resolve("var/lib"));
        Files.createSymbolicLink(root.resolve("var/lib/dpkg"), Path.of("/var/lib/dpkg"));
        Files.createDirectories(root.resolve("lib/apk/db"));
        Files.createSymbolicLink(root.resolve("lib/apk/db/installed"), Path.of("/var/lib/dpkg/status"));
        ScanReport r = scan(root);
        assertThat(r.artifact().os()).isNull();
        assertThat(r.packages()).isEmpty();
    }

    @Test
    void symlinksInsideTheRootAreResolvedInsideIt() throws IOException {
        Path root = Files.createDirectories(dir.resolve("inside"));
        Files.createDirectories(root.resolve("usr/lib"));
        Files.writeString(root.resolve("usr/lib/os-release"), "ID=alpine\nVERSION_ID=3.20.2\n");
        Files.createDirectories(root.resolve("etc"));
        Files.createSymbolicLink(root.resolve("etc/os-release"), Path.of("/usr/lib/os-release")); // absolute: the image's
        Files.createDirectories(root.resolve("lib/apk/db"));
        Files.writeString(root.resolve("lib/apk/db/installed"), "P:musl\nV:1.2.5-r0\nA:x86_64\n\n");
        ScanReport r = scan(root);
        assertThat(r.artifact().os().family()).isEqualTo("alpine");
        assertThat(r.artifact().os().version()).isEqualTo("3.20.2");
        assertThat(Scans.versions(r.packages())).isEqualTo(Map.of("musl", "1.2.5-r0"));
    }

    @Test
    void aFifoAtADatabasePathDoesNotHang() throws IOException {
        Path root = Files.createDirectories(dir.resolve("fifo"));
        Files.createDirectories(root.resolve("var/lib/dpkg"));
        Tools.run(root, "mkfifo", root.resolve("var/lib/dpkg/status").toString());
        assertThat(scan(root).packages()).isEmpty();
    }

    @Test
    void notADirectory() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> scan(file)).isInstanceOf(KensaException.class).hasMessageEndingWith(": not a directory");
        assertThatThrownBy(() -> scan(dir.resolve("missing"))).isInstanceOf(KensaException.class);
    }
}
