package io.kensa.analyze.misconfig.image;

import io.kensa.analyze.inventory.Inventory;
import io.kensa.core.Artifact;
import io.kensa.core.Digest;
import io.kensa.core.ScanReport;
import io.kensa.core.misconfig.MisconfigFinding;
import io.kensa.core.vuln.Severity;
import io.kensa.image.oci.ImageConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The config and history checks on image configs written the way the classic builder and BuildKit write them. */
class ImageConfigChecksTest {
    private static final Inventory EMPTY = new Inventory(null, List.of(), List.of());
    private static final String TOKEN = "npm_Z8xQ2mN4pR7tV1wY5bC9dF3gH6jK0lS2aE4u";

    static String diffId(int i) {
        return "sha256:" + String.format("%064x", i + 1);
    }

    static ImageConfig config(String body, List<String> history, int layers) {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < layers; i++) {
            ids.append(i == 0 ? "" : ",").append('"').append(diffId(i)).append('"');
        }
        String json = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":" + body + ",\"history\":["
                + String.join(",", history) + "],\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + ids + "]}}";
        return ImageConfig.parse(new Digest("sha256", "0".repeat(64)), json.getBytes(StandardCharsets.UTF_8));
    }

    static ScanReport report(String name) {
        return new ScanReport(Instant.EPOCH, new Artifact(name, "image", null, List.of(), null, "amd64"), List.of(),
                List.of(), List.of());
    }

    static List<MisconfigFinding> run(ImageConfig config) {
        return new ImageMisconfigDetector(List.of(), true).apply(report("/nonexistent/dir/image.tar"), EMPTY, config)
                .misconfigurations();
    }

    @Test
    void buildKitHistory() {
        ImageConfig c = config("""
                {"User":"root","Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D","NODE_VERSION=20.11.0"],
                 "Cmd":["node"],"Healthcheck":{"Test":["NONE"]},"Volumes":{"/proc":{},"/data":{}},
                 "ExposedPorts":{"3389/tcp":{},"8080/tcp":{}},"WorkingDir":"/app"}""", List.of(
                "{\"created\":\"2024-01-27T00:00:00Z\",\"created_by\":\"/bin/sh -c #(nop) ADD file:37a76ec18f9887751cd8473744917d08b7431fc4085097bb6a09d81b41775473 in / \"}",
                "{\"created_by\":\"/bin/sh -c #(nop)  CMD [\\\"/bin/sh\\\"]\",\"empty_layer\":true}",
                "{\"created_by\":\"ARG NPM_TOKEN\",\"comment\":\"buildkit.dockerfile.v0\",\"empty_layer\":true}",
                "{\"created_by\":\"RUN |1 NPM_TOKEN=" + TOKEN + " /bin/sh -c npm ci # buildkit\",\"comment\":\"buildkit.dockerfile.v0\"}",
                "{\"created_by\":\"RUN /bin/sh -c apk add curl # buildkit\",\"comment\":\"buildkit.dockerfile.v0\"}",
                "{\"created_by\":\"ADD https://example.com/tool.tgz /opt/ # buildkit\",\"comment\":\"buildkit.dockerfile.v0\"}",
                "{\"created_by\":\"RUN /bin/sh -c apt-get dist-upgrade -y # buildkit\",\"comment\":\"buildkit.dockerfile.v0\"}",
                "{\"created_by\":\"RUN --mount=type=cache,target=/var/lib/apt /bin/sh -c apt-get update && apt-get install -y x # buildkit\",\"comment\":\"buildkit.dockerfile.v0\"}",
                "{\"created_by\":\"RUN /bin/sh -c apt-get install --allow-unauthenticated -y x && rm -rf /var/lib/apt/lists/* # buildkit\",\"comment\":\"buildkit.dockerfile.v0\"}",
                "{\"created_by\":\"USER root\",\"comment\":\"buildkit.dockerfile.v0\",\"empty_layer\":true}",
                "{\"created_by\":\"HEALTHCHECK &{[\\\"NONE\\\"] \\\"0s\\\" \\\"0s\\\" \\\"0s\\\" \\\"0s\\\" '\\\\x00'}\",\"comment\":\"buildkit.dockerfile.v0\",\"empty_layer\":true}"),
                7);
        List<MisconfigFinding> found = run(c);
        assertThat(found).extracting(MisconfigFinding::id, MisconfigFinding::layer).containsExactly(
                tuple("CIS-DI-0001", null),
                tuple("CIS-DI-0006", null),
                tuple("CIS-DI-0010", diffId(1)),
                tuple("DKL-DI-0004", diffId(2)),
                tuple("CIS-DI-0009", diffId(3)),
                tuple("DKL-DI-0003", diffId(4)),
                tuple("CIS-DI-0011", diffId(6)),
                tuple("KSN-DI-0001", null),
                tuple("DKL-DI-0002", null));
        assertThat(found.getFirst().evidence()).containsExactly("config User is root", "USER root");
        assertThat(found.get(1).evidence()).hasSize(2).first().isEqualTo("config Healthcheck is NONE");
        assertThat(found.get(2).evidence()).containsExactly("RUN |1 NPM_TOKEN=******** /bin/sh -c npm ci # buildkit");
        assertThat(found.get(2).severity()).isEqualTo(Severity.HIGH);
        assertThat(found.get(4).evidence()).containsExactly("ADD https://example.com/tool.tgz /opt/ # buildkit",
                "ADD of a remote URL: fetched without verification");
        assertThat(found.get(7).evidence()).containsExactly("config ExposedPorts has 3389/tcp: RDP (3389)");
        assertThat(found.get(8).evidence()).containsExactly("config Volumes has /proc");
        assertThat(found.toString()).doesNotContain(TOKEN);
        assertThat(found).allMatch(f -> f.line() == 0 && f.path() == null && f.source().equals("image"));
    }

    @Test
    void classicBuilderHistoryWithBuildArgs() {
        ImageConfig c = config("{\"User\":\"1000:1000\",\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"true\"]},"
                + "\"Env\":[\"DB_PASSWORD=s3cr3t-Passw0rd\",\"DB_PASSWORD_FILE=/run/secrets/db\",\"EMPTY_TOKEN=\"]}", List.of(
                "{\"created_by\":\"/bin/sh -c #(nop) ADD file:4b3b3f1a2a5e41a5de83e4dd6f1e7f1b0e8f8e1d3c1f0a9b8c7d6e5f4a3b2c1d in / \"}",
                "{\"created_by\":\"/bin/sh -c #(nop)  ENV DB_PASSWORD=s3cr3t-Passw0rd\",\"empty_layer\":true}",
                "{\"created_by\":\"|2 API_KEY=k3y-Valu3-123 VERSION=1.2 /bin/sh -c echo s3cr3t-Passw0rd > /etc/app.conf && sudo chown app /etc/app.conf\"}",
                "{\"created_by\":\"/bin/sh -c set -eux; apt-get update; apt-get install -y --no-install-recommends ca-certificates; rm -rf /var/lib/apt/lists/*\"}",
                "{\"created_by\":\"/bin/sh -c wget -qO- https://get.example.com/install.sh | bash -s -- --yes\"}",
                "{\"created_by\":\"/bin/sh -c #(nop) COPY dir:1d90474df9fdca82e3cc67a60decb2d99da63e5202d2fe85cd01c4a0792ecb1c in /app \"}",
                "{\"created_by\":\"/bin/sh -c #(nop)  USER 1000:1000\",\"empty_layer\":true}"), 5);
        List<MisconfigFinding> found = run(c);
        assertThat(found).extracting(MisconfigFinding::id, MisconfigFinding::layer).containsExactly(
                tuple("CIS-DI-0010", null),
                tuple("CIS-DI-0010", diffId(1)),
                tuple("DKL-DI-0001", diffId(1)),
                tuple("KSN-DI-0002", diffId(3)));
        assertThat(found.getFirst().evidence()).containsExactly("config Env sets DB_PASSWORD (value hidden)",
                "/bin/sh -c #(nop)  ENV DB_PASSWORD=********");
        assertThat(found.get(2).evidence()).containsExactly(
                "|2 API_KEY=******** VERSION=1.2 /bin/sh -c echo ******** > /etc/app.conf && sudo chown app /etc/app.conf");
        assertThat(found.toString()).doesNotContain("s3cr3t").doesNotContain("k3y-Valu3");
    }

    @Test
    void baseRootfsAddIsNotFlaggedButLaterAddsAre() {
        ImageConfig c = config("{\"User\":\"nobody\",\"Healthcheck\":{\"Test\":[\"CMD\",\"true\"]}}", List.of(
                "{\"created_by\":\"ADD alpine-minirootfs-3.19.1-x86_64.tar.gz / # buildkit\",\"comment\":\"buildkit.dockerfile.v0\"}",
                "{\"created_by\":\"CMD [\\\"/bin/sh\\\"]\",\"comment\":\"buildkit.dockerfile.v0\",\"empty_layer\":true}",
                "{\"created_by\":\"ADD app.tar.gz / # buildkit\",\"comment\":\"buildkit.dockerfile.v0\"}",
                "{\"created_by\":\"COPY . /app # buildkit\",\"comment\":\"buildkit.dockerfile.v0\"}"), 2);
        // 3 layer-making entries but only 2 diff_ids: history and layers do not line up, so no layer is claimed
        List<MisconfigFinding> found = run(c);
        assertThat(found).extracting(MisconfigFinding::id, MisconfigFinding::layer)
                .containsExactly(tuple("CIS-DI-0009", null));
        assertThat(found.getFirst().evidence().getFirst()).isEqualTo("ADD app.tar.gz / # buildkit");
    }

    @Test
    void latestTagFromTheImageNames(@TempDir Path dir) throws Exception {
        ImageConfig clean = config("{\"User\":\"app\",\"Healthcheck\":{\"Test\":[\"CMD\",\"true\"]}}", List.of(), 0);
        Path archive = Files.writeString(dir.resolve("app.tar"), "");
        Files.createDirectories(dir.resolve("layout"));
        record Case(String name, List<String> tags, boolean fires) {
        }
        for (Case c : List.of(
                new Case("docker.io/library/alpine", List.of(), true),
                new Case("registry.example.com:5000/team/app:latest", List.of(), true),
                new Case("registry.example.com:5000/team/app", List.of(), true),
                new Case("alpine:3.19", List.of(), false),
                new Case("alpine@sha256:" + "c".repeat(64), List.of(), false),
                new Case(archive.toString(), List.of(), false),
                new Case(archive.toString(), List.of("kensa-corpus/app:latest"), true),
                new Case(archive.toString(), List.of("kensa-corpus/app:1.0"), false),
                new Case(dir.resolve("layout") + ":latest", List.of(), true),
                new Case(dir.resolve("layout") + ":12", List.of(), false))) {
            List<MisconfigFinding> found = new ImageMisconfigDetector(c.tags(), true)
                    .apply(report(c.name()), EMPTY, clean).misconfigurations();
            assertThat(found).as(c.name() + " " + c.tags()).extracting(MisconfigFinding::id)
                    .containsExactlyElementsOf(c.fires() ? List.of("DKL-DI-0006") : List.of());
        }
    }

    @Test
    void earlierFindingsAreKeptAndARootfsGetsOnlyFileChecks() {
        MisconfigFinding earlier = new MisconfigFinding("X-1", "image", Severity.LOW, "t", null, "r", List.of(), null,
                0, null);
        ScanReport r = report("/srv/rootfs").withMisconfigurations(List.of(earlier));
        ScanReport out = new ImageMisconfigDetector(List.of(), false).apply(r, EMPTY, null);
        assertThat(out.misconfigurations()).containsExactly(earlier);
    }
}
