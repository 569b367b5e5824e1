package io.kensa.analyze.lang.java;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.lang.java.HostileZips.RawEntry;
import io.kensa.analyze.testing.MemoryFileEntry;
import io.kensa.core.Package;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.kensa.analyze.lang.java.ZipBuilder.mavenJar;
import static io.kensa.analyze.lang.java.ZipBuilder.pomProperties;
import static io.kensa.analyze.lang.java.ZipBuilder.pomPropertiesName;
import static org.assertj.core.api.Assertions.assertThat;

/** Hostile archives: each costs a warning naming it, never the scan, and reads stay within the limits. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileArchiveTest {
    private static final long GIB = 1L << 30;

    @TempDir
    Path tmp;

    private static FileResult analyze(ArchiveLimits limits, String path, byte[] data) throws IOException {
        return new JavaArchiveAnalyzer(limits).analyze(new MemoryFileEntry(path, data));
    }

    private static FileResult analyze(String path, byte[] data) throws IOException {
        return analyze(ArchiveLimits.DEFAULT, path, data);
    }

    private static ArchiveLimits limits(long nested, long inflated, long centralDirectory, int entries, int depth) {
        return new ArchiveLimits(GIB, nested, inflated, 1 << 20, centralDirectory, entries, 1000, depth, 1000);
    }

    @Test
    void aManifestInflatingToGigabytesIsCutAtTheMetadataLimit() throws IOException {
        byte[] pom = pomProperties("org.ok", "ok", "1.0").getBytes(StandardCharsets.UTF_8);
        for (long declared : new long[]{2 * GIB, 100}) {
            byte[] bomb = HostileZips.zip(List.of(HostileZips.deflatedZeros("META-INF/MANIFEST.MF", 2048, declared),
                    RawEntry.stored(pomPropertiesName("org.ok", "ok"), pom)));
            assertThat(bomb.length).isLessThan(4 << 20);
            FileResult r = analyze("app/ok-1.0.jar", bomb);
            assertThat(r.warnings()).singleElement().asString().startsWith("META-INF/MANIFEST.MF: skipped,");
            assertThat(r.packages()).extracting(Package::name).containsExactly("org.ok:ok");
        }
    }

    @Test
    void aNestedArchiveInflatingPastItsLimitIsNotRead() throws IOException {
        byte[] war = HostileZips.zip(List.of(HostileZips.deflatedZeros("WEB-INF/lib/bomb-1.0.jar", 64, 100),
                RawEntry.stored("WEB-INF/lib/good-2.0.jar", mavenJar("org.good", "good", "2.0"))));
        FileResult r = analyze(limits(16 << 20, GIB, 1 << 20, 1000, 8), "srv/app.war", war);
        assertThat(r.warnings()).containsExactly(
                "WEB-INF/lib/bomb-1.0.jar: not read, it inflates to more than 16777216 bytes");
        assertThat(r.packages()).extracting(Package::name).contains("org.good:good");

        // many entries each under the per-archive limit still exhaust the budget of the outer archive
        ZipBuilder many = new ZipBuilder();
        for (int i = 0; i < 20; i++) {
            many.add("lib/part-" + i + "-1.0.jar", new byte[4 << 20]);
        }
        FileResult budget = analyze(limits(16 << 20, 32 << 20, 1 << 20, 1000, 8), "srv/many.ear", many.build());
        assertThat(budget.warnings()).anySatisfy(w -> assertThat(w).contains("stopped reading: more than 33554432 bytes"));
    }

    @Test
    void entriesWithUnsafeNamesAreSkipped() throws IOException {
        byte[] evil = mavenJar("org.evil", "evil", "6.6.6");
        byte[] jar = new ZipBuilder()
                .add("../../../usr/lib/evil-6.6.6.jar", evil)
                .add("/abs/META-INF/maven/org.evil/evil/pom.properties", pomProperties("org.evil", "evil", "6.6.6"))
                .add("lib/../../up-1.0.jar", evil)
                .add("lib/ctrl\u001b[2J-1.0.jar", evil)
                .add("lib\\..\\win-1.0.jar", evil)
                .add(pomPropertiesName("org.ok", "ok"), pomProperties("org.ok", "ok", "1.0"))
                .build();
        FileResult r = analyze("app/ok-1.0.jar", jar);
        assertThat(r.warnings()).containsExactly(
                "5 entries with unsafe names (absolute, '..', control characters) were skipped");
        assertThat(r.packages()).extracting(Package::name).containsExactly("org.ok:ok");
    }

    @Test
    void tenThousandLevelsOfNestingAreReadOnlyToTheDepthLimit() throws IOException {
        byte[] deep = HostileZips.nested(10_000);
        FileResult r = analyze("app/level-0-1.0.jar", deep);
        assertThat(r.packages()).hasSize(9);
        assertThat(r.packages().getLast().paths().getFirst()).isEqualTo("app/level-0-1.0.jar" + Stream.iterate(1,
                i -> i + 1).limit(8).map(i -> "!/level-" + i + "-1.0.jar").reduce("", String::concat));
        assertThat(r.packages()).extracting(Package::version).containsOnly("1.0");
        assertThat(r.warnings()).singleElement().asString().endsWith("!/level-9-1.0.jar: not read, archives nested more than 8 deep");
        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("kensa-nested-"))).isEmpty();
        }
    }

    @Test
    void truncatedAndGarbageArchivesAreNamedInAWarning() throws IOException {
        byte[] good = mavenJar("org.ok", "ok", "1.0");
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
        assertThat(analyze("app/cut-1.0.jar", truncated).warnings()).singleElement().asString()
                .startsWith("not a readable zip archive (");
        byte[] garbage = new byte[5000];
        new Random(7).nextBytes(garbage);
        assertThat(analyze("app/garbage.jar", garbage).warnings()).singleElement().asString()
                .startsWith("not a readable zip archive (");
        assertThat(analyze("app/empty.jar", new byte[0]).warnings()).singleElement().asString()
                .startsWith("not a readable zip archive (");

        // a bad archive inside a good one: named by its chain, its siblings still read
        byte[] war = new ZipBuilder().add("WEB-INF/lib/cut-1.0.jar", truncated)
                .add("WEB-INF/lib/ok-1.0.jar", good).build();
        FileResult r = analyze("srv/app-3.0.war", war);
        assertThat(r.warnings()).singleElement().asString()
                .startsWith("WEB-INF/lib/cut-1.0.jar: not a readable zip archive (");
        assertThat(r.packages()).extracting(Package::name).containsExactly("app", "org.ok:ok");
    }

    @Test
    void aHugeCentralDirectoryOrTooManyEntriesAreRefusedBeforeLoading() throws IOException {
        ZipBuilder b = new ZipBuilder();
        for (int i = 0; i < 50; i++) {
            b.add("org/example/C" + i + ".class", new byte[]{1});
        }
        byte[] jar = b.build();
        assertThat(analyze(limits(GIB, GIB, 200, 1000, 8), "app/x-1.0.jar", jar).warnings()).singleElement()
                .asString().matches("not read: a central directory of \\d+ bytes, over the limit of 200");
        assertThat(analyze(limits(GIB, GIB, 1 << 20, 10, 8), "app/x-1.0.jar", jar).warnings()).singleElement()
                .asString().isEqualTo("not read: 50 entries, over the limit of 10");

        // a sparse 200 MiB file whose end record declares a 150 MiB directory of three million entries
        Path sparse = tmp.resolve("sparse.jar");
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(200L << 20);
            ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
            end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 0xffff)
                    .putShort((short) 0xffff).putInt(150 << 20).putInt(0).putShort((short) 0);
            f.seek(f.length() - 22);
            f.write(end.array());
        }
        CentralDirectorySize cd = CentralDirectorySize.of(sparse);
        assertThat(cd.bytes()).isEqualTo(150L << 20);
        ArchiveReader.Result r = new ArchiveReader(ArchiveLimits.DEFAULT).read(sparse, "app/sparse.jar");
        assertThat(r.warnings()).containsExactly("not read: a central directory of 157286400 bytes, over the limit of "
                + (64 << 20));
        assertThat(CentralDirectorySize.of(Files.writeString(tmp.resolve("text.jar"), "no zip at all"))).isNull();
    }

    @Test
    void aJarClaimingThousandsOfBundledArtifactsIsCutAtThePackageLimit() throws IOException {
        ZipBuilder b = new ZipBuilder();
        for (int i = 0; i < 1500; i++) {
            b.add(pomPropertiesName("org.many", "a" + i), pomProperties("org.many", "a" + i, "1.0"));
        }
        FileResult r = analyze(limits(GIB, GIB, 1 << 20, 5000, 8), "app/many.jar", b.build());
        assertThat(r.warnings()).containsExactly("stopped reading Maven metadata: more than 1000 packages");
        assertThat(r.packages()).hasSize(1001); // 1000 bundled, and the jar itself left to the index
    }

    @Test
    void anArchiveOverTheSizeLimitIsNotCopied() throws IOException {
        ArchiveLimits small = new ArchiveLimits(1000, GIB, GIB, 1 << 20, 1 << 20, 1000, 1000, 8, 1000);
        FileResult r = analyze(small, "app/big.jar", new byte[5000]);
        assertThat(r.warnings()).containsExactly("not read: 5000 bytes is over the limit of 1000");
        assertThat(r.packages()).isEmpty();
    }
}
