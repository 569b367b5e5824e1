package io.kensa.image.registry;

import io.kensa.core.Digest;
import io.kensa.image.layer.Blobs;
import io.kensa.image.oci.MediaTypes;
import io.kensa.image.oci.Platform;
import io.kensa.image.source.RegistrySource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.kensa.image.registry.RegistryTestSupport.insecureOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Inconsistent or unusual images a registry may serve, from a synthetic registry front. */
@Timeout(60)
class ManifestEdgeCaseTest {
    private static final String LAYER_TYPE = "application/vnd.oci.image.layer.v1.tar+gzip";

    @TempDir
    Path temp;

    /** path → (content type, body, extra headers) */
    private record Served(String contentType, byte[] body, Map<String, String> headers) {
    }

    private final Map<String, Served> content = new ConcurrentHashMap<>();
    private final LoopbackFront front = LoopbackFront.start((f, exchange, n) -> {
        Served s = content.get(exchange.getRequestURI().getPath());
        if (s == null) {
            LoopbackFront.respond(exchange, 404, Map.of("Content-Type", "application/json"),
                    "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known to registry\"}]}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<String, String> headers = new HashMap<>(s.headers());
        headers.put("Content-Type", s.contentType());
        LoopbackFront.respond(exchange, 200, headers, s.body());
    });

    @AfterEach
    void stop() {
        front.close();
    }

    private Digest blob(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Digest d = Blobs.digest("sha256", bytes);
        content.put("/v2/edge/blobs/" + d, new Served("application/octet-stream", bytes, Map.of()));
        return d;
    }

    private Digest manifest(String tag, String mediaType, String json, boolean announce) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Digest d = Blobs.digest("sha256", bytes);
        Served s = new Served(mediaType, bytes, announce ? Map.of("Docker-Content-Digest", d.toString()) : Map.of());
        content.put("/v2/edge/manifests/" + tag, s);
        content.put("/v2/edge/manifests/" + d, s);
        return d;
    }

    private static String config(int layers) {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < layers; i++) {
            ids.append(i == 0 ? "" : ",").append("\"sha256:").append(String.valueOf(i).repeat(64)).append('"');
        }
        return "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + ids + "]},\"history\":[]}";
    }

    private static String imageManifest(Digest config, String configType, Digest layer, long layerSize) {
        return "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{\"mediaType\":\"" + configType
                + "\",\"digest\":\"" + config + "\",\"size\":100},\"layers\":[{\"mediaType\":\"" + LAYER_TYPE + "\",\"digest\":\""
                + layer + "\",\"size\":" + layerSize + "}]}";
    }

    private String ref(String tag) {
        return front.host() + "/edge:" + tag;
    }

    @Test
    void aManifestWithoutDockerContentDigestGetsItsComputedDigest() {
        Digest layer = blob("layer-bytes");
        Digest m = manifest("plain", MediaTypes.OCI_MANIFEST, imageManifest(blob(config(1)), MediaTypes.OCI_CONFIG, layer, 11), false);
        try (RegistrySource source = RegistrySource.open(ref("plain"), insecureOptions(temp))) {
            assertThat(source.manifestDigest()).isEqualTo(m);
            assertThat(source.repoDigests()).containsExactly(front.host() + "/edge@" + m);
            assertThat(source.layers().getFirst().mediaType()).isEqualTo(LAYER_TYPE);
        }
    }

    @Test
    void layerCountMustMatchDiffIds() {
        manifest("mismatch", MediaTypes.OCI_MANIFEST, imageManifest(blob(config(2)), MediaTypes.OCI_CONFIG, blob("x"), 1), true);
        assertThatThrownBy(() -> RegistrySource.open(ref("mismatch"), insecureOptions(temp)))
                .satisfies(RegistryTestSupport::assertOneLine)
                .hasMessageContaining("the manifest lists 1 layers but the config lists 2 diff_ids");
    }

    @Test
    void anArtifactIsNotAContainerImage() {
        manifest("helm", MediaTypes.OCI_MANIFEST, imageManifest(blob("{}"), "application/vnd.cncf.helm.config.v1+json", blob("x"), 1), true);
        assertThatThrownBy(() -> RegistrySource.open(ref("helm"), insecureOptions(temp)))
                .satisfies(RegistryTestSupport::assertOneLine)
                .hasMessageContaining("is not a container image");
    }

    @Test
    void aTamperedConfigFailsDigestVerification() {
        Digest config = blob(config(1));
        content.put("/v2/edge/blobs/" + config, new Served("application/octet-stream", config(1).replace("amd64", "arm64").getBytes(), Map.of()));
        manifest("badconfig", MediaTypes.OCI_MANIFEST, imageManifest(config, MediaTypes.OCI_CONFIG, blob("x"), 1), true);
        assertThatThrownBy(() -> RegistrySource.open(ref("badconfig"), insecureOptions(temp)))
                .satisfies(RegistryTestSupport::assertOneLine)
                .hasMessageContaining("blob " + config).hasMessageContaining("digest mismatch");
    }

    @Test
    void aBlobOfAnotherSizeThanTheManifestSaysIsRefused() {
        Digest layer = blob("ten bytes!");
        manifest("size", MediaTypes.OCI_MANIFEST, imageManifest(blob(config(1)), MediaTypes.OCI_CONFIG, layer, 5), true);
        try (RegistrySource source = RegistrySource.open(ref("size"), insecureOptions(temp))) {
            assertThatThrownBy(() -> source.openBlob(source.layers().getFirst()))
                    .satisfies(RegistryTestSupport::assertOneLine)
                    .hasMessageContaining("has 10 bytes, the manifest says 5");
        }
    }

    @Test
    void aMalformedDockerContentDigestIsRefused() {
        byte[] body = imageManifest(blob(config(1)), MediaTypes.OCI_CONFIG, blob("x"), 1).getBytes(StandardCharsets.UTF_8);
        content.put("/v2/edge/manifests/weird", new Served(MediaTypes.OCI_MANIFEST, body, Map.of("Docker-Content-Digest", "sha256:xyz")));
        assertThatThrownBy(() -> RegistrySource.open(ref("weird"), insecureOptions(temp)))
                .satisfies(RegistryTestSupport::assertOneLine)
                .hasMessageContaining("malformed Docker-Content-Digest");
    }

    @Test
    void anIndexEntryThatIsAnotherIndexIsRefused() {
        Digest inner = manifest("inner", MediaTypes.OCI_INDEX, "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":[]}", true);
        manifest("outer", MediaTypes.OCI_INDEX, "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":[{\"mediaType\":\""
                + MediaTypes.OCI_INDEX + "\",\"digest\":\"" + inner + "\",\"size\":10,\"platform\":{\"os\":\"linux\",\"architecture\":\"amd64\"}}]}", true);
        assertThatThrownBy(() -> RegistrySource.open(ref("outer"), insecureOptions(temp).withPlatform(Platform.parse("linux/amd64"))))
                .satisfies(RegistryTestSupport::assertOneLine)
                .hasMessageContaining("is not an image manifest");
    }

    @Test
    void repositoryUnknownIsImageNotFound() {
        assertThatThrownBy(() -> RegistrySource.open(front.host() + "/nothing/here:1", insecureOptions(temp)))
                .satisfies(RegistryTestSupport::assertOneLine)
                .hasMessageContaining("image " + front.host() + "/nothing/here:1 not found: repository unknown");
    }
}
