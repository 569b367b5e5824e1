package io.kensa.image.registry;

import io.kensa.core.Digest;
import io.kensa.core.KensaException;
import io.kensa.image.layer.LayerLimits;
import io.kensa.image.oci.Platform;
import io.kensa.image.source.LayerRef;
import io.kensa.image.source.RegistrySource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static io.kensa.image.registry.RegistryTestSupport.assertOneLine;
import static io.kensa.image.registry.RegistryTestSupport.insecureOptions;
import static io.kensa.image.registry.RegistryTestSupport.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading real corpus images from a real, anonymous docker-registry. */
@Timeout(120)
class AnonymousRegistryTest {
    private static final String MULTIARCH_INDEX = "sha256:bcb7f322ccca6456fc746eeca1c533d12300c45fda8db351deec9eed21961750";

    @RegisterExtension
    static LocalRegistry registry = LocalRegistry.anonymous();

    @TempDir
    Path temp;

    @BeforeAll
    static void push() {
        registry.pushDockerArchive(TestImages.image("debian-distroless.docker.tar"), "kensa/distroless:debian12");
        registry.pushOciLayout(TestImages.image("multiarch-distroless.oci"), "debian12", "kensa/multiarch:debian12");
    }

    @Test
    void readsTheDistrolessImageAsTheCorpusDescribesIt() throws IOException {
        String configDigest = Files.readString(TestImages.image("debian-distroless.expected/image.json"))
                .replaceAll("(?s).*\"config_digest\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        List<String[]> expected = TestImages.tsv("debian-distroless.expected/layers.tsv");
        try (RegistrySource source = RegistrySource.open(registry.reference("kensa/distroless:debian12"), insecureOptions(temp))) {
            assertThat(source.name()).isEqualTo(registry.reference("kensa/distroless:debian12"));
            assertThat(source.config().digest()).isEqualTo(Digest.parse(configDigest));
            assertThat(source.config().platform()).isEqualTo(new Platform("linux", "amd64", null));
            assertThat(source.layers()).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                LayerRef layer = source.layers().get(i);
                assertThat(layer.diffId()).isEqualTo(Digest.parse(expected.get(i)[1]));
                assertThat(layer.createdBy()).isEqualTo(expected.get(i)[4]);
                assertThat(layer.mediaType()).isEqualTo("application/vnd.docker.image.rootfs.diff.tar.gzip");
                assertThat(layer.size()).isPositive();
            }
            // the repo digest is the manifest digest the registry announces
            try (RegistryClient client = RegistryClient.create(registry.host(), insecureOptions(temp))) {
                ManifestHead head = client.headManifest("kensa/distroless", "debian12");
                assertThat(head.digest()).isEqualTo(source.manifestDigest());
                assertThat(head.mediaType()).isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
                assertThat(source.repoDigests()).containsExactly(registry.host() + "/kensa/distroless@" + head.digest());
            }
        }
    }

    @Test
    void streamsLayerBlobsWhoseBytesMatchDigestAndDiffId() throws IOException {
        try (RegistrySource source = RegistrySource.open(registry.reference("kensa/distroless:debian12"), insecureOptions(temp))) {
            for (LayerRef layer : source.layers()) {
                assertThat(sha256(source.openBlob(layer))).isEqualTo(layer.digest());
                try (InputStream gunzipped = new GZIPInputStream(source.openBlob(layer))) {
                    assertThat(sha256(gunzipped)).isEqualTo(layer.diffId());
                }
            }
        }
    }

    @Test
    void readsAnImagePinnedByDigest() {
        Digest manifest;
        try (RegistrySource byTag = RegistrySource.open(registry.reference("kensa/distroless:debian12"), insecureOptions(temp))) {
            manifest = byTag.manifestDigest();
        }
        try (RegistrySource byDigest = RegistrySource.open(registry.reference("kensa/distroless@" + manifest), insecureOptions(temp))) {
            assertThat(byDigest.manifestDigest()).isEqualTo(manifest);
            assertThat(byDigest.repoDigests()).containsExactly(registry.host() + "/kensa/distroless@" + manifest);
        }
    }

    @Test
    void picksEachPlatformOfTheMultiArchIndex() {
        for (String arch : List.of("amd64", "arm64")) {
            List<String[]> expected = TestImages.tsv("multiarch-distroless.expected/layers-" + arch + ".tsv");
            RegistryOptions options = insecureOptions(temp).withPlatform(Platform.parse("linux/" + arch));
            try (RegistrySource source = RegistrySource.open(registry.reference("kensa/multiarch:debian12"), options)) {
                assertThat(source.config().architecture()).isEqualTo(arch);
                assertThat(source.layers()).extracting(LayerRef::diffId)
                        .containsExactlyElementsOf(expected.stream().map(r -> Digest.parse(r[1])).toList());
                assertThat(source.layers()).extracting(LayerRef::digest)
                        .containsExactlyElementsOf(expected.stream().map(r -> Digest.parse(r[2])).toList());
                assertThat(source.repoDigests()).containsExactly(registry.host() + "/kensa/multiarch@" + MULTIARCH_INDEX);
            }
        }
    }

    @Test
    void anAbsentPlatformFailsWithOneLineListingThePlatformsPresent() {
        RegistryOptions options = insecureOptions(temp).withPlatform(Platform.parse("linux/s390x"));
        assertThatThrownBy(() -> RegistrySource.open(registry.reference("kensa/multiarch:debian12"), options))
                .satisfies(RegistryTestSupport::assertOneLine)
                .hasMessageContaining("linux/s390x")
                .hasMessageContaining("present: linux/amd64, linux/arm64/v8");
    }

    @Test
    void aRequestedPlatformMustMatchASinglePlatformImage() {
        RegistryOptions options = insecureOptions(temp).withPlatform(Platform.parse("linux/arm64"));
        assertThatThrownBy(() -> RegistrySource.open(registry.reference("kensa/distroless:debian12"), options))
                .satisfies(RegistryTestSupport::assertOneLine)
                .hasMessageContaining("linux/amd64").hasMessageContaining("linux/arm64");
    }

    @Test
    void unknownRepositoryOrTagIsImageNotFound() {
        assertThatThrownBy(() -> RegistrySource.open(registry.reference("kensa/nope:latest"), insecureOptions(temp)))
                .satisfies(RegistryTestSupport::assertOneLine)
                .hasMessageContaining("image " + registry.host() + "/kensa/nope:latest not found")
                .hasMessageContaining("manifest unknown");
        assertThatThrownBy(() -> RegistrySource.open(registry.reference("kensa/distroless:nope"), insecureOptions(temp)))
                .satisfies(RegistryTestSupport::assertOneLine)
                .hasMessageContaining("not found");
        String absent = "sha256:" + "0".repeat(64);
        assertThatThrownBy(() -> RegistrySource.open(registry.reference("kensa/distroless@" + absent), insecureOptions(temp)))
                .satisfies(RegistryTestSupport::assertOneLine)
                .hasMessageContaining("not found");
    }

    @Test
    void anUnknownBlobIsNotFound() {
        try (RegistryClient client = RegistryClient.create(registry.host(), insecureOptions(temp))) {
            assertThatThrownBy(() -> client.openBlob("kensa/distroless", Digest.parse("sha256:" + "1".repeat(64)), -1))
                    .satisfies(RegistryTestSupport::assertOneLine)
                    .hasMessageContaining("blob sha256:1111").hasMessageContaining("not found");
        }
    }

    @Test
    void anUnreachableRegistryFailsWithOneLine() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> RegistrySource.open("127.0.0.1:" + closedPort + "/kensa/x:1", insecureOptions(temp)))
                .satisfies(RegistryTestSupport::assertOneLine)
                .hasMessageContaining("cannot connect to 127.0.0.1:" + closedPort + " (connection refused)")
                .hasMessageContaining("manifest of 127.0.0.1:" + closedPort + "/kensa/x:1");
        assertThat((System.nanoTime() - start) / 1_000_000).as("refused connections are not retried").isLessThan(3000);
    }

    @Test
    void tlsToAPlainHttpRegistryFailsWithOneLine() {
        RegistryOptions https = insecureOptions(temp).withInsecure(false);
        assertThatThrownBy(() -> RegistrySource.open(registry.reference("kensa/distroless:debian12"), https))
                .satisfies(RegistryTestSupport::assertOneLine)
                .hasMessageContaining("TLS failure with " + registry.host())
                .hasMessageContaining("--insecure");
    }

    @Test
    void anOversizedManifestIsRefused() {
        RegistryOptions tiny = insecureOptions(temp).withLimits(new LayerLimits(1L << 30, 1 << 20, 100));
        assertThatThrownBy(() -> RegistrySource.open(registry.reference("kensa/distroless:debian12"), tiny))
                .satisfies(RegistryTestSupport::assertOneLine)
                .hasMessageContaining("is larger than 100 bytes");
    }

    @Test
    void aTamperedManifestFailsDigestVerification() {
        try (LoopbackFront front = LoopbackFront.start((f, exchange, n) -> {
            if (exchange.getRequestURI().getPath().contains("/manifests/")) {
                try (var real = java.net.http.HttpClient.newHttpClient()) {
                    var response = real.send(java.net.http.HttpRequest.newBuilder(registry.baseUri().resolve(exchange.getRequestURI().getPath()))
                                    .header("Accept", exchange.getRequestHeaders().getFirst("Accept")).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                    byte[] body = (new String(response.body(), java.nio.charset.StandardCharsets.UTF_8) + " ").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    LoopbackFront.respond(exchange, 200, Map.of(
                            "Content-Type", response.headers().firstValue("Content-Type").orElseThrow(),
                            "Docker-Content-Digest", response.headers().firstValue("Docker-Content-Digest").orElseThrow()), body);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            } else {
                f.proxy(exchange, registry.baseUri());
            }
        })) {
            assertThatThrownBy(() -> RegistrySource.open(front.host() + "/kensa/distroless:debian12", insecureOptions(temp)))
                    .satisfies(RegistryTestSupport::assertOneLine)
                    .hasMessageContaining("digest mismatch");
        }
    }

    @Test
    void aSchemaOneManifestIsUnsupported() {
        String schema1 = "{\"schemaVersion\":1,\"name\":\"kensa/old\",\"tag\":\"v1\",\"architecture\":\"amd64\",\"fsLayers\":[],\"history\":[]}";
        try (LoopbackFront front = LoopbackFront.start((f, exchange, n) -> LoopbackFront.respond(exchange, 200,
                Map.of("Content-Type", "application/vnd.docker.distribution.manifest.v1+prettyjws"), schema1.getBytes()))) {
            assertThatThrownBy(() -> RegistrySource.open(front.host() + "/kensa/old:v1", insecureOptions(temp)))
                    .satisfies(RegistryTestSupport::assertOneLine)
                    .hasMessageContaining("schema 1");
        }
    }

    @Test
    void optionsNeverShowThePassword() {
        assertThat(insecureOptions(temp).withCredentials("u", "hunter2").toString()).doesNotContain("hunter2");
        assertThatThrownBy(() -> insecureOptions(temp).withCredentials("u", null)).isInstanceOf(KensaException.class)
                .hasMessage("--username needs --password");
    }
}
