package io.kensa.image.oci;

import io.kensa.core.Digest;
import io.kensa.core.KensaException;
import io.kensa.image.testing.Bytes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformAndManifestTest {
    private static final String D1 = "sha256:" + "1".repeat(64);
    private static final String D2 = "sha256:" + "2".repeat(64);
    private static final String D3 = "sha256:" + "3".repeat(64);

    @Test
    void platformParsingAndMatching() {
        assertThat(Platform.parse("linux/x86_64")).isEqualTo(new Platform("linux", "amd64", null));
        assertThat(Platform.parse("Linux/AARCH64/V8")).isEqualTo(new Platform("linux", "arm64", "v8"));
        assertThat(Platform.parse("linux/arm64").matches(new Platform("linux", "arm64", "v8"))).isTrue();
        assertThat(Platform.parse("linux/arm64/v8").matches(new Platform("linux", "arm64", null))).isTrue();
        assertThat(Platform.parse("linux/arm/v7").matches(new Platform("linux", "arm", "v6"))).isFalse();
        assertThat(Platform.parse("linux/amd64").matches(new Platform("windows", "amd64", null))).isFalse();
        assertThat(Platform.parse("linux/arm64/v8").toString()).isEqualTo("linux/arm64/v8");
        for (String bad : List.of("linux", "/amd64", "linux//", "a/b/c/d")) {
            assertThatThrownBy(() -> Platform.parse(bad)).isInstanceOf(KensaException.class)
                    .hasMessageContaining("malformed platform");
        }
    }

    private static ManifestDocument.Index index(String json) {
        return (ManifestDocument.Index) ManifestDocument.parse(Bytes.utf8(json), null, "test index");
    }

    @Test
    void selectorSkipsAttestationsAndFallsBackToASoleUnlabelledManifest() {
        ManifestDocument.Index idx = index("""
                {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
                 {"digest":"%s","platform":{"os":"unknown","architecture":"unknown"}},
                 {"digest":"%s","platform":{"os":"linux","architecture":"arm64","variant":"v8"}},
                 {"digest":"%s","platform":{"os":"linux","architecture":"amd64"}}]}""".formatted(D1, D2, D3));
        assertThat(PlatformSelector.select(idx, Platform.parse("linux/amd64"), "x").digest()).isEqualTo(Digest.parse(D3));
        assertThat(PlatformSelector.select(idx, Platform.parse("linux/arm64"), "x").digest()).isEqualTo(Digest.parse(D2));
        assertThatThrownBy(() -> PlatformSelector.select(idx, Platform.parse("unknown/unknown"), "x"))
                .hasMessage("x has no image for platform unknown/unknown (present: linux/arm64/v8, linux/amd64)");
        ManifestDocument.Index sole = index("{\"schemaVersion\":2,\"manifests\":[{\"digest\":\"" + D1 + "\"}]}");
        assertThat(PlatformSelector.select(sole, Platform.parse("linux/s390x"), "x").digest()).isEqualTo(Digest.parse(D1));
        ManifestDocument.Index none = index("{\"schemaVersion\":2,\"manifests\":[{\"digest\":\"" + D1 + "\"},{\"digest\":\"" + D2 + "\"}]}");
        assertThatThrownBy(() -> PlatformSelector.select(none, Platform.parse("linux/amd64"), "x"))
                .hasMessageContaining("(present: none)");
    }

    @Test
    void manifestDocumentKinds() {
        ManifestDocument m = ManifestDocument.parse(Bytes.utf8("""
                {"schemaVersion":2,"config":{"digest":"%s","size":2},"layers":[{"digest":"%s","size":3,
                 "mediaType":"application/vnd.oci.image.layer.v1.tar+zstd"}]}""".formatted(D1, D2)), null, "m");
        assertThat(m).isInstanceOf(ManifestDocument.Manifest.class);
        ManifestDocument.Manifest manifest = (ManifestDocument.Manifest) m;
        assertThat(manifest.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(manifest.layers()).singleElement().satisfies(l -> {
            assertThat(l.size()).isEqualTo(3);
            assertThat(l.mediaType()).endsWith("zstd");
        });
        ManifestDocument docker = ManifestDocument.parse(Bytes.utf8("{\"schemaVersion\":2,\"mediaType\":\""
                + MediaTypes.DOCKER_LIST + "\",\"manifests\":[]}"), null, "l");
        assertThat(docker).isInstanceOf(ManifestDocument.Index.class);
        assertThatThrownBy(() -> ManifestDocument.parse(Bytes.utf8("{\"schemaVersion\":2,\"mediaType\":\"text/plain\"}"), null, "w"))
                .hasMessage("w has unsupported media type text/plain");
        assertThatThrownBy(() -> ManifestDocument.parse(Bytes.utf8("[1]"), null, "w")).hasMessage("w is not a JSON object");
        assertThatThrownBy(() -> ManifestDocument.parse(Bytes.utf8("{\"schemaVersion\":2,\"config\":{},\"layers\":[]}"), null, "w"))
                .hasMessage("w config: descriptor without digest");
    }

    @Test
    void configHistoryAlignsCreatedByWithNonEmptyLayers() {
        ImageConfig c = ImageConfig.parse(Digest.parse(D1), Bytes.utf8("""
                {"architecture":"arm64","variant":"v8","os":"linux","rootfs":{"type":"layers","diff_ids":["%s","%s"]},
                 "history":[{"created_by":"ADD base"},{"created_by":"ENV X=1","empty_layer":true},{"created_by":"RUN x"}]}
                """.formatted(D2, D3)));
        assertThat(c.layerCreatedBy()).containsExactly("ADD base", "RUN x");
        assertThat(c.platform().toString()).isEqualTo("linux/arm64/v8");
        ImageConfig misaligned = ImageConfig.parse(Digest.parse(D1), Bytes.utf8("""
                {"rootfs":{"diff_ids":["%s","%s"]},"history":[{"created_by":"only one"}]}""".formatted(D2, D3)));
        assertThat(misaligned.layerCreatedBy()).containsExactly(null, null);
        assertThatThrownBy(() -> ImageConfig.parse(Digest.parse(D1), Bytes.utf8("{\"rootfs\":{\"diff_ids\":[\"nope\"]}}")))
                .isInstanceOf(KensaException.class).hasMessageContaining("malformed digest");
    }
}
