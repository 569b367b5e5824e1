package io.kensa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.image.registry.LocalRegistry;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code kensa image REF} against Debian's docker-registry on loopback: scan, warm rescan, failures. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RegistryCliTest {
    private static final String USER = "kensa";
    private static final String PASSWORD = "s3cret-Pa55";
    private static LocalRegistry open;
    private static LocalRegistry basic;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        Path image = Corpus.image("debian-distroless.docker.tar");
        open = LocalRegistry.anonymous().start();
        open.pushDockerArchive(image, "corpus/distroless:12");
        basic = LocalRegistry.htpasswd(USER, PASSWORD).start();
        basic.pushDockerArchive(image, "corpus/distroless:12");
    }

    @AfterAll
    static void stop() {
        open.close();
        basic.close();
    }

    @Test
    void scansByReferenceAndTheWarmRescanUsesTheCacheForEveryLayer() throws Exception {
        String ref = open.reference("corpus/distroless:12");
        Path out = dir.resolve("report.json");
        Cli.Result cold = Cli.run("image", ref, "--insecure", "--format", "json", "-o", out.toString(),
                "--cache-dir", dir.resolve("cache").toString());
        assertThat(cold.exit()).as(cold.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        assertThat(report.at("/packages").size()).isEqualTo(8);
        assertThat(report.at("/artifact/os/family").asText()).isEqualTo("debian");
        assertThat(report.at("/artifact/repoDigests/0").asText()).startsWith(open.host() + "/corpus/distroless@sha256:");
        assertThat(report.at("/layers")).allSatisfy(l -> assertThat(l.get("cached").asBoolean()).isFalse());

        Cli.Result warm = Cli.run("image", ref, "--insecure", "--format", "json", "-o", out.toString(),
                "--cache-dir", dir.resolve("cache").toString());
        assertThat(warm.exit()).as(warm.err()).isZero();
        JsonNode again = new ObjectMapper().readTree(out.toFile());
        assertThat(again.at("/layers")).hasSize(2).allSatisfy(l -> assertThat(l.get("cached").asBoolean()).isTrue());
        assertThat(again.at("/packages")).isEqualTo(report.at("/packages"));
    }

    @Test
    void credentialsAreUsedAndBadOnesAreOneLineWithoutThePassword() {
        String ref = basic.reference("corpus/distroless:12");
        String cache = dir.resolve("cache").toString();
        Cli.Result ok = Cli.run("image", ref, "--insecure", "--username", USER, "--password", PASSWORD,
                "--format", "json", "--cache-dir", cache);
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("\"libssl3\"");

        Cli.Result bad = Cli.run("image", ref, "--insecure", "--username", USER, "--password", "wrong-password",
                "--cache-dir", cache);
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.errLines()).singleElement().asString().contains("authentication").doesNotContain("wrong-password");
        assertThat(bad.out()).isEmpty();

        Cli.Result none = Cli.run("image", ref, "--insecure", "--cache-dir", cache);
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.errLines()).hasSize(1);
    }

    @Test
    void missingImageIsOneLine() {
        Cli.Result r = Cli.run("image", open.reference("corpus/nothing:1"), "--insecure", "--cache-dir",
                dir.resolve("cache").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().contains("not found");
        assertThat(r.err()).doesNotContain("\tat ");
    }
}
