package io.kensa.analyze.lang.java;

import io.kensa.analyze.lang.java.HostileZips.RawEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static io.kensa.analyze.lang.java.ZipBuilder.mavenJar;
import static io.kensa.analyze.lang.java.ZipBuilder.pomProperties;
import static io.kensa.analyze.lang.java.ZipBuilder.pomPropertiesName;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile archives among good files, scanned with the default analyzers and limits in a JVM of 64 MiB heap: each
 * hostile archive gets a warning naming it, the good files are still read, and nothing runs out of memory.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileRootfsTest {
    @TempDir
    Path dir;

    @Test
    void hostileArchivesCostAWarningEachInASmallHeap() throws IOException, InterruptedException, URISyntaxException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path lib = Files.createDirectories(root.resolve("app/lib"));
        Path codec = Path.of(org.apache.commons.codec.binary.Hex.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        Files.copy(codec, lib.resolve(codec.getFileName()));
        byte[] pom = pomProperties("org.ok", "ok", "1.0").getBytes(StandardCharsets.UTF_8);
        Files.write(lib.resolve("bomb-1.0.jar"), HostileZips.zip(List.of(
                HostileZips.deflatedZeros("META-INF/MANIFEST.MF", 3072, 100),
                RawEntry.stored(pomPropertiesName("org.ok", "ok"), pom))));
        Files.write(lib.resolve("slip-1.0.jar"), new ZipBuilder()
                .add("../../../../etc/cron.d/evil-1.0.jar", mavenJar("org.evil", "evil", "1.0")).build());
        Files.write(lib.resolve("deep-1.0.jar"), HostileZips.nested(10_000));
        byte[] good = mavenJar("org.cut", "cut", "1.0");
        Files.write(lib.resolve("cut-1.0.jar"), java.util.Arrays.copyOf(good, good.length - 30));
        byte[] garbage = new byte[1 << 20];
        new Random(1).nextBytes(garbage);
        Files.write(lib.resolve("garbage.war"), garbage);
        Files.writeString(root.resolve("app/README"), "not an archive");

        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process p = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                HostileRootfsProcess.class.getName(), root.toString(), Files.createDirectories(dir.resolve("scratch"))
                .toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        List<String> lines = out.lines().toList();
        assertThat(lines).as(out).contains(
                "package commons-codec:commons-codec 1.19.0 app/lib/commons-codec-1.19.0.jar",
                "package org.ok:ok 1.0 app/lib/bomb-1.0.jar",
                "package level-1 1.0 app/lib/deep-1.0.jar!/level-1-1.0.jar");
        assertThat(lines.stream().filter(l -> l.startsWith("warning "))).as(out).satisfiesExactlyInAnyOrder(
                w -> assertThat(w).isEqualTo("warning app/lib/bomb-1.0.jar: META-INF/MANIFEST.MF: skipped, it inflates to more "
                        + "than 1048576 bytes"),
                w -> assertThat(w).startsWith("warning app/lib/slip-1.0.jar: 1 entries with unsafe names"),
                w -> assertThat(w).startsWith("warning app/lib/deep-1.0.jar: level-1-1.0.jar!/level-2-1.0.jar")
                        .endsWith("not read, archives nested more than 8 deep"),
                w -> assertThat(w).startsWith("warning app/lib/cut-1.0.jar: not a readable zip archive"),
                w -> assertThat(w).startsWith("warning app/lib/garbage.war: not a readable zip archive"));
        assertThat(out).doesNotContain("org.evil");
        long heap = Long.parseLong(lines.getLast().substring("max heap ".length()));
        assertThat(heap).isLessThanOrEqualTo(64L << 20);
    }
}
