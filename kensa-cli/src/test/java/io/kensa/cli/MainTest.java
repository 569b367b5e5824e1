package io.kensa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.core.KensaVersion;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MainTest {
    @TempDir
    Path dir;

    static void assertOneLineError(Cli.Result r, String contains) {
        assertThat(r.exit()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
        assertThat(r.errLines()).as("stderr").hasSize(1);
        assertThat(r.err()).startsWith("kensa: ").contains(contains)
                .doesNotContain("\tat ").doesNotContain("Exception in thread").doesNotContain("Caused by:");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void version() {
        Cli.Result r = Cli.run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).isEqualTo("kensa " + KensaVersion.get() + " (Java " + Runtime.version() + ")");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void help() {
        Cli.Result r = Cli.run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: kensa").contains("image").contains("rootfs");
        Cli.Result image = Cli.run("image", "--help");
        assertThat(image.exit()).isZero();
        assertThat(image.out()).contains("--input").contains("--max-layer-size").contains("--format").contains("--cache-dir");
        Cli.Result bare = Cli.run();
        assertThat(bare.exit()).isZero();
        assertThat(bare.out()).contains("Usage: kensa");
    }

    @Test
    void unknownFormatIsOneLine() {
        Cli.Result r = Cli.run("image", "--input", Corpus.image("alpine311-apk.docker.tar").toString(), "--format", "xml",
                "--cache-dir", dir.resolve("cache").toString());
        assertOneLineError(r, "unknown format 'xml'");
        assertThat(dir.resolve("cache")).doesNotExist();
    }

    @Test
    void referenceAndInputBothOrNeither() {
        String input = Corpus.image("alpine311-apk.docker.tar").toString();
        assertOneLineError(Cli.run("image", "--cache-dir", dir.toString()), "give either an image reference or --input PATH");
        assertOneLineError(Cli.run("image", "alpine:3.11", "--input", input, "--cache-dir", dir.toString()),
                "give either an image reference or --input PATH");
        // an unreachable registry on loopback (nothing listens on port 1): one line naming the cause
        assertOneLineError(Cli.run("image", "127.0.0.1:1/library/alpine:3.11", "--insecure", "--cache-dir",
                dir.toString()), "127.0.0.1:1");
    }

    @Test
    void unknownOptionsAndCommandsAreOneLine() {
        assertOneLineError(Cli.run("image", "--no-such-option"), "--no-such-option");
        assertOneLineError(Cli.run("frobnicate"), "frobnicate");
        assertOneLineError(Cli.run("image", "--input", "x", "--max-layer-size", "lots"), "lots");
        assertOneLineError(Cli.run("image", "--input", "x", "--platform", "linux", "--cache-dir", dir.toString()),
                "malformed platform");
    }

    @Test
    void tableReportOnStdout() {
        Cli.Result r = Cli.run("image", "--input", Corpus.image("alpine311-apk.docker.tar").toString(),
                "--cache-dir", dir.resolve("cache").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("musl").contains("1.1.24-r2");
    }

    @Test
    void jsonReportToAFile() throws IOException {
        Path out = dir.resolve("reports/debian.json");
        Cli.Result r = Cli.run("image", "-i", Corpus.image("debian-bookworm.docker.tar").toString(), "--format", "json",
                "--output", out.toString(), "--cache-dir", dir.resolve("cache").toString(), "-q");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        assertThat(report.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(report.path("artifact").path("digest").asText())
                .isEqualTo("sha256:35818b57bef33f4137a1e40f20682148ba0dbeeb1329a6bb86586cfd339e4919");
        assertThat(report.path("artifact").path("os").path("family").asText()).isEqualTo("debian");
        assertThat(report.path("layers")).hasSize(2);
        JsonNode packages = report.path("packages");
        assertThat(packages).hasSize(53);
        List<String> diffIds = Stream.of(report.path("layers").get(0), report.path("layers").get(1))
                .map(l -> l.path("diffID").asText()).toList();
        for (JsonNode p : packages) {
            assertThat(diffIds).as("layer of %s", p.path("name")).contains(p.path("layer").asText());
            assertThat(p.path("paths").isArray()).isTrue();
            assertThat(p.path("paths")).isNotEmpty();
            assertThat(p.path("purl").asText()).startsWith("pkg:deb/debian/");
        }
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertThat(files).as("no temporary file left beside the report").containsExactly(out);
        }
        // a second run is served from the cache and reports it
        Cli.Result again = Cli.run("image", "-i", Corpus.image("debian-bookworm.docker.tar").toString(), "-f", "json",
                "--cache-dir", dir.resolve("cache").toString());
        assertThat(again.exit()).isZero();
        JsonNode cached = new ObjectMapper().readTree(again.out());
        assertThat(cached.path("layers").get(0).path("cached").asBoolean()).isTrue();
        assertThat(cached.path("layers").get(1).path("cached").asBoolean()).isTrue();
        assertThat(cached.path("packages")).isEqualTo(packages);
    }

    @Test
    void rootfsCommand() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root/etc"));
        Files.writeString(root.resolve("os-release"), "ID=alpine\nVERSION_ID=3.20.0\n");
        Cli.Result r = Cli.run("rootfs", dir.resolve("root").toString(), "-f", "json", "--cache-dir", dir.resolve("cache").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).path("artifact").path("os").path("family").asText()).isEqualTo("alpine");
        assertOneLineError(Cli.run("rootfs", dir.resolve("nope").toString(), "--cache-dir", dir.resolve("cache").toString()),
                "not a directory");
    }
}
