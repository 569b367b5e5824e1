package io.kensa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.core.Digest;
import io.kensa.image.testing.Bombs;
import io.kensa.image.testing.Bytes;
import io.kensa.image.testing.Corpus;
import io.kensa.image.testing.DockerArchive;
import io.kensa.image.testing.DockerArchive.Compression;
import io.kensa.image.testing.RawTar;
import io.kensa.image.testing.TarBuilder;
import io.kensa.image.testing.Tools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every hostile input the CLI can be handed: exit 2 with exactly one line on stderr and no stack trace, no report
 * file left behind, and nothing written anywhere but the cache directory (whose scratch space is emptied).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileInputTest {
    private static final byte[] GOOD_TAR = TarBuilder.layer()
            .file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n")
            .file("var/lib/dpkg/status", "Package: a\nStatus: install ok installed\nVersion: 1\nArchitecture: amd64\n\n")
            .file("usr/share/filler.bin", random(300_000))
            .build();

    @TempDir
    Path work;
    Path cache;
    Path report;
    String marker;
    Map<String, String> before;
    boolean homeCacheExisted;

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @BeforeEach
    void setUp() {
        cache = work.resolve("cache");
        report = work.resolve("out/report.json");
        marker = "kensa-escape-" + UUID.randomUUID();
        homeCacheExisted = Files.exists(Path.of(System.getProperty("user.home"), ".cache", "kensa"));
    }

    /** Where a scanner that extracted entries naively would have written the marker file. */
    private List<Path> escapeTargets() {
        return List.of(Path.of("/tmp", marker), Path.of("/", marker), work.getParent().resolve(marker),
                work.resolve(marker), Path.of(System.getProperty("user.dir")).resolve(marker),
                Path.of(System.getProperty("user.dir")).getParent().resolve(marker));
    }

    @AfterEach
    void nothingWrittenOutsideTheCache() throws IOException {
        for (Path p : escapeTargets()) {
            assertThat(p).as("written outside the cache").doesNotExist();
        }
        if (!homeCacheExisted) {
            assertThat(Path.of(System.getProperty("user.home"), ".cache", "kensa")).doesNotExist();
        }
        if (before != null) {
            assertThat(snapshot()).as("files outside the cache directory").isEqualTo(before);
        }
        if (Files.isDirectory(cache.resolve("tmp"))) {
            try (Stream<Path> s = Files.list(cache.resolve("tmp"))) {
                assertThat(s).as("scratch space removed").isEmpty();
            }
        }
    }

    /** Every file under the work directory except the cache and the report's directory, with size and mtime. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(work)) {
            for (Path p : s.filter(p -> !p.startsWith(cache) && !p.startsWith(report.getParent())).toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS);
                m.put(work.relativize(p).toString(), a.isDirectory() ? "dir" : a.size() + "@" + a.lastModifiedTime());
            }
        }
        return m;
    }

    private Cli.Result scan(Path input, String... extra) throws IOException {
        before = snapshot();
        List<String> args = new ArrayList<>(List.of("image", "--input", input.toString(), "--cache-dir", cache.toString(),
                "--format", "json", "--output", report.toString(), "-q"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    /** Scans and expects the one-line refusal. */
    private String refused(Path input, String... extra) throws IOException {
        long start = System.nanoTime();
        Cli.Result r = scan(input, extra);
        assertThat(r.exit()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
        assertThat(r.errLines()).as("stderr lines").hasSize(1);
        assertThat(r.err()).startsWith("kensa: ").doesNotContain("\tat ").doesNotContain("Exception in thread")
                .doesNotContain("Caused by:").doesNotContain("Exception:");
        assertThat(r.out()).isEmpty();
        assertThat(report).as("no report on failure").doesNotExist();
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(30));
        return r.err().strip();
    }

    private Path image(DockerArchive a) {
        return a.write(work.resolve("image.tar"));
    }

    @Test
    void goodImageScans() throws IOException {
        Cli.Result r = scan(image(new DockerArchive().layer(GOOD_TAR)));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(report.toFile()).path("packages")).hasSize(1);
    }

    @Test
    void truncatedArchive() throws IOException {
        Path full = image(new DockerArchive().layer(GOOD_TAR));
        byte[] bytes = Files.readAllBytes(full);
        Files.delete(full);
        for (int cut : new int[]{100, 700, bytes.length / 2, bytes.length - 1500}) {
            Path p = Files.write(work.resolve("truncated-" + cut + ".tar"), Bytes.cut(bytes, cut));
            assertThat(refused(p)).as("cut at %d", cut).containsAnyOf("truncated", "not an image archive");
        }
    }

    @Test
    void corruptGzipLayer() throws IOException {
        byte[] blob = Bytes.flip(Bytes.gzip(GOOD_TAR), 5000);
        Path p = image(new DockerArchive().rawLayer(blob, Bytes.sha256(GOOD_TAR), Bytes.sha256(blob).hex() + ".tar.gz"));
        assertThat(refused(p)).contains("layer sha256:" + Bytes.sha256(blob).hex());
    }

    @Test
    void truncatedGzipLayer() throws IOException {
        byte[] blob = Bytes.gzip(GOOD_TAR);
        byte[] cut = Bytes.cut(blob, blob.length / 2);
        Path p = image(new DockerArchive().rawLayer(cut, Bytes.sha256(GOOD_TAR), Bytes.sha256(cut).hex() + ".tar.gz"));
        assertThat(refused(p)).contains("truncated");
    }

    @Test
    void corruptZstdLayer() throws IOException {
        byte[] blob = Bytes.flip(Bytes.zstd(GOOD_TAR), 3000);
        Path p = image(new DockerArchive().rawLayer(blob, Bytes.sha256(GOOD_TAR), Bytes.sha256(blob).hex() + ".tar.zst"));
        assertThat(refused(p)).contains("layer sha256:" + Bytes.sha256(blob).hex());
        byte[] cut = Bytes.cut(Bytes.zstd(GOOD_TAR), 2000);
        Path t = image(new DockerArchive().rawLayer(cut, Bytes.sha256(GOOD_TAR), Bytes.sha256(cut).hex() + ".tar.zst"));
        assertThat(refused(t)).contains("layer sha256:" + Bytes.sha256(cut).hex());
    }

    @Test
    void diffIdMismatch() throws IOException {
        Digest wrong = Bytes.sha256(Bytes.utf8("another layer"));
        byte[] blob = Bytes.gzip(GOOD_TAR);
        Path p = image(new DockerArchive().rawLayer(blob, wrong, Bytes.sha256(blob).hex() + ".tar.gz"));
        assertThat(refused(p)).isEqualTo("kensa: layer sha256:" + Bytes.sha256(blob).hex() + ": diffID mismatch (config says "
                + wrong + ", content is " + Bytes.sha256(GOOD_TAR) + ")");
    }

    @Test
    void blobDigestMismatch() throws IOException {
        Digest claimed = Bytes.sha256(Bytes.utf8("a different blob"));
        byte[] blob = Bytes.gzip(GOOD_TAR);
        Path p = image(new DockerArchive().rawLayer(blob, Bytes.sha256(GOOD_TAR), claimed.hex() + ".tar.gz"));
        assertThat(refused(p)).isEqualTo("kensa: blob " + claimed + ": digest mismatch (content is " + Bytes.sha256(blob) + ")");
    }

    @Test
    void manifestNamingAMissingBlob() throws IOException {
        DockerArchive a = new DockerArchive().layer(GOOD_TAR);
        Map<String, byte[]> files = a.files();
        files.remove(a.layers.getFirst().fileName);
        Path p = DockerArchive.writeTar(work.resolve("missing-layer.tar"), files);
        assertThat(refused(p)).contains("named by manifest.json is missing from the archive");

        Path layout = work.resolve("layout");
        Tools.run(work, "cp", "-r", Corpus.image("multiarch-distroless.oci").toString(), layout.toString());
        Tools.run(work, "chmod", "-R", "u+w", layout.toString());
        Files.delete(layout.resolve("blobs/sha256/b1e1bc7fdd33e01ca92b3b30ae40ec8871fa9c2e27cafa6b1100b4c2d10b6e16"));
        assertThat(refused(layout, "--platform", "linux/amd64")).contains("named by the manifest is missing");
        assertThat(refused(layout, "--platform", "linux/s390x")).contains("(present: linux/amd64, linux/arm64/v8)");
    }

    @Test
    void garbageManifest() throws IOException {
        DockerArchive a = new DockerArchive().layer(GOOD_TAR);
        Map<String, byte[]> files = a.files();
        files.put("manifest.json", random(5000));
        assertThat(refused(DockerArchive.writeTar(work.resolve("garbage.tar"), files))).contains("manifest.json");
        files.put("manifest.json", Bytes.utf8("[{\"Config\":\"../../../../etc/passwd\",\"Layers\":[]}]"));
        assertThat(refused(DockerArchive.writeTar(work.resolve("escape.tar"), files))).contains("not in the archive");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void decompressionBombIsStoppedByMaxLayerSize() throws IOException {
        byte[] bomb = Bombs.gzipTarBomb(1L << 30);
        assertThat(bomb.length).isLessThan(2 << 20);
        Path p = image(new DockerArchive().rawLayer(bomb, Bytes.sha256(Bytes.utf8("unknowable")),
                Bytes.sha256(bomb).hex() + ".tar.gz"));
        long start = System.nanoTime();
        String msg = refused(p, "--max-layer-size", String.valueOf(64L << 20));
        assertThat(msg).contains("uncompressed size exceeds the limit of 67108864 bytes").contains("--max-layer-size");
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(10));
    }

    @Test
    void enormousTarHeaders() throws IOException {
        // inside a layer: a PAX header claiming 2 GiB
        byte[] layer = new RawTar().add(RawTar.header("PaxHeaders/x", 'x', 1L << 31, null)).end().bytes();
        Path p = image(new DockerArchive().layer(layer));
        assertThat(refused(p)).contains("PAX header of 2147483648 bytes").contains("exceeds the limit");
        // a GNU long name of 1 TiB (base-256 size) in a layer
        byte[] longName = new RawTar().add(RawTar.base256Size(RawTar.header("././@LongLink", 'L', 0, null), 1L << 40))
                .end().bytes();
        assertThat(refused(image(new DockerArchive().layer(longName, Compression.ZSTD)))).contains("exceeds the limit");
        // the archive itself starting with one
        Path outer = Files.write(work.resolve("outer.tar"),
                new RawTar().add(RawTar.header("././@LongLink", 'L', 1L << 31, null)).end().bytes());
        assertThat(refused(outer)).contains("not an image archive").contains("exceeds the limit");
    }

    @Test
    void layerThatIsNotATar() throws IOException {
        byte[] junk = random(10_000);
        Path p = image(new DockerArchive().layer(junk));
        assertThat(refused(p)).contains("layer " + Bytes.sha256(junk)).contains("checksum");
        byte[] truncatedTar = Bytes.cut(GOOD_TAR, 5000);
        assertThat(refused(image(new DockerArchive().layer(truncatedTar, Compression.NONE)))).contains("truncated");
    }

    @Test
    void randomBytesEmptyAndMissingFiles() throws IOException {
        Path junk = Files.write(work.resolve("random.bin"), random(65_536));
        assertThat(refused(junk)).contains("not an image archive");
        Path empty = Files.createFile(work.resolve("empty.tar"));
        assertThat(refused(empty)).contains("empty file");
        Path missing = work.resolve("missing.tar");
        assertThat(refused(missing)).contains("no such file");
        Path zeros = Files.write(work.resolve("zeros.tar"), new byte[4096]);
        assertThat(refused(zeros)).contains("not an image archive");
    }

    @Test
    void entriesLeavingTheRootAreIgnoredAndNothingIsWrittenOutside() throws IOException {
        String m = marker;
        byte[] layer = TarBuilder.layer()
                .file("../../../../../../../../tmp/" + m, "escaped\n")
                .file("/tmp/" + m, "absolute\n")
                .file("../" + m, "parent\n")
                .symlink("evil-dir", "../../../../../../../../tmp")
                .file("evil-dir/" + m, "through a symlink\n")
                .symlink("etc/os-release", "/etc/os-release")
                .symlink("usr/lib/os-release", "../../../../../../etc/os-release")
                .hardlink("var/lib/dpkg/status", "../../../../../../var/lib/dpkg/status")
                .hardlink("etc/passwd", "/etc/passwd")
                .file("./var/lib/dpkg/status.d/ok", "Package: ok\nVersion: 1\nArchitecture: all\n")
                .build();
        Cli.Result r = scan(image(new DockerArchive().layer(layer)));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.path("artifact").has("os")).as("the host's os-release was not read").isFalse();
        assertThat(json.path("packages")).hasSize(1);
        assertThat(json.path("packages").get(0).path("name").asText()).isEqualTo("ok");
        assertThat(json.path("warnings").toString()).contains("leaving the image root were ignored");
    }
}
