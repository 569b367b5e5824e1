package io.kensa.cli;

import io.kensa.image.testing.Bytes;
import io.kensa.image.testing.DockerArchive;
import io.kensa.image.testing.DockerArchive.Compression;
import io.kensa.image.testing.TarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI in its own JVM, started with the JVM options of the {@code ./kensa} launcher: what the JVM itself prints
 * (e.g. the native-access warnings of zstd-jni on Java 24+) reaches the user's stderr too, which the in-process
 * tests cannot see.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessStderrTest {
    @TempDir
    Path dir;

    /** The {@code --enable-native-access} options of the launcher's java command line. */
    static List<String> launcherJvmOptions() throws IOException {
        Path launcher = Path.of(System.getProperty("user.dir")).getParent().resolve("kensa");
        List<String> options = Files.readAllLines(launcher).stream().filter(l -> !l.trim().startsWith("#"))
                .flatMap(l -> Arrays.stream(l.split("[\\s()]+")))
                .filter(t -> t.startsWith("--enable-native-access")).distinct().toList();
        if (options.isEmpty()) {
            throw new AssertionError("no --enable-native-access option in " + launcher);
        }
        return options;
    }

    private record Run(int exit, String out, String err) {
    }

    private Run kensa(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(launcherJvmOptions());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        assertThat(p.waitFor(50, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void zstdLayersPrintNothingButTheOneErrorLine() throws Exception {
        byte[] tar = TarBuilder.layer().file("etc/os-release", "ID=alpine\nVERSION_ID=3.20.0\n")
                .file("lib/apk/db/installed", "P:musl\nV:1.2.5-r0\nA:x86_64\n\n").build();
        Path good = new DockerArchive().layer(tar, Compression.ZSTD).write(dir.resolve("good.tar"));
        Run ok = kensa("image", "--input", good.toString(), "--cache-dir", dir.resolve("cache").toString(), "-q");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.err()).as("stderr of a successful zstd scan").isEmpty();
        assertThat(ok.out()).contains("musl");

        byte[] bad = Bytes.flip(Bytes.zstd(tar), 20);
        Path corrupt = new DockerArchive().rawLayer(bad, Bytes.sha256(tar), Bytes.sha256(bad).hex() + ".tar.zst")
                .write(dir.resolve("bad.tar"));
        Run failed = kensa("image", "--input", corrupt.toString(), "--cache-dir", dir.resolve("cache2").toString(), "-q");
        assertThat(failed.exit()).isEqualTo(2);
        assertThat(failed.err().lines().toList()).as("stderr: %s", failed.err()).hasSize(1)
                .allSatisfy(l -> assertThat(l).startsWith("kensa: layer sha256:"));
        assertThat(failed.out()).isEmpty();
    }
}
