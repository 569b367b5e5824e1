package io.kensa.image.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kensa.core.KensaException;
import io.kensa.image.layer.LayerLimits;
import io.kensa.image.oci.Platform;
import io.kensa.image.testing.Bytes;
import io.kensa.image.testing.Corpus;
import io.kensa.image.testing.DockerArchive;
import io.kensa.image.testing.TarBuilder;
import io.kensa.image.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Damaged and hostile archives and layouts: each is refused with one line, before any layer is read. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LocalImagesHostileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALPINE = "alpine311-apk.docker.tar";

    @TempDir
    Path dir;

    private static String refused(Path input) {
        return refused(input.toString(), null);
    }

    private static String refused(String input, Platform platform) {
        KensaException e = catchThrowableOfType(KensaException.class, () -> {
            try (ImageSource ignored = LocalImages.open(input, platform, LayerLimits.DEFAULT)) {
                // opened: the test fails below
            }
        });
        assertThat(e).as("opening %s must fail with a KensaException", input).isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r");
        return e.getMessage();
    }

    /** The alpine corpus archive with its files altered by {@code change}. */
    private Path alteredAlpine(Consumer<Map<String, byte[]>> change) {
        Map<String, byte[]> files = new LinkedHashMap<>(DockerArchive.readTar(Corpus.image(ALPINE)));
        change.accept(files);
        return DockerArchive.writeTar(dir.resolve("altered.tar"), files);
    }

    private static String name(Map<String, byte[]> files, String suffix) {
        return files.keySet().stream().filter(n -> n.endsWith(suffix)).findFirst().orElseThrow();
    }

    private static byte[] editManifest(byte[] manifest, Consumer<ObjectNode> edit) {
        try {
            ArrayNode arr = (ArrayNode) JSON.readTree(manifest);
            edit.accept((ObjectNode) arr.get(0));
            return JSON.writeValueAsBytes(arr);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void unalteredCopyOpens() throws IOException {
        Path copy = alteredAlpine(f -> {
        });
        try (ImageSource src = LocalImages.open(copy.toString(), null, LayerLimits.DEFAULT)) {
            assertThat(src.layers()).hasSize(1);
        }
    }

    @Test
    void manifestNamingAMissingLayer() {
        Path p = alteredAlpine(f -> f.put("manifest.json", editManifest(f.get("manifest.json"),
                m -> ((ArrayNode) m.get("Layers")).set(0, JSON.getNodeFactory().textNode("nothere/layer.tar")))));
        assertThat(refused(p)).isEqualTo(p + ": layer nothere/layer.tar named by manifest.json is missing from the archive");
    }

    @Test
    void layerFileRemoved() {
        Path p = alteredAlpine(f -> f.remove(name(f, ".tar.gz")));
        assertThat(refused(p)).contains("named by manifest.json is missing from the archive");
    }

    @Test
    void manifestLayerPathEscapingTheArchive() {
        Path p = alteredAlpine(f -> f.put("manifest.json", editManifest(f.get("manifest.json"),
                m -> ((ArrayNode) m.get("Layers")).set(0, JSON.getNodeFactory().textNode("../../../etc/passwd")))));
        assertThat(refused(p)).contains("is missing from the archive");
    }

    @Test
    void layerCountDiffersFromDiffIds() {
        Path p = alteredAlpine(f -> f.put("manifest.json", editManifest(f.get("manifest.json"),
                m -> ((ArrayNode) m.get("Layers")).removeAll())));
        assertThat(refused(p)).isEqualTo(p + ": manifest.json lists 0 layers but the config has 1 diff_ids");
        Path two = alteredAlpine(f -> f.put("manifest.json", editManifest(f.get("manifest.json"),
                m -> ((ArrayNode) m.get("Layers")).add(m.get("Layers").get(0).asText()))));
        assertThat(refused(two)).contains("manifest.json lists 2 layers but the config has 1 diff_ids");
    }

    @Test
    void configDigestMismatch() {
        Path p = alteredAlpine(f -> {
            String config = name(f, ".json");
            if (config.equals("manifest.json")) {
                throw new AssertionError();
            }
            byte[] bytes = f.get(config).clone();
            bytes[bytes.length - 2] = ' ';
            f.put(config, bytes);
        });
        assertThat(refused(p)).contains("digest mismatch (expected sha256:9697d6728d2b");
    }

    @Test
    void configMissingOrManifestBroken() {
        Path noConfig = alteredAlpine(f -> f.remove(f.keySet().stream().filter(n -> n.endsWith(".json")
                && !n.equals("manifest.json")).findFirst().orElseThrow()));
        assertThat(refused(noConfig)).contains("names config").contains("which is not in the archive");
        Path badJson = alteredAlpine(f -> f.put("manifest.json", Bytes.utf8("[{\"Config\": ")));
        assertThat(refused(badJson)).isEqualTo(badJson + ": manifest.json is not valid JSON");
        Path empty = alteredAlpine(f -> f.put("manifest.json", Bytes.utf8("[]")));
        assertThat(refused(empty)).isEqualTo(empty + ": manifest.json lists no image");
        Path object = alteredAlpine(f -> f.put("manifest.json", Bytes.utf8("{\"Config\": \"x\"}")));
        assertThat(refused(object)).isEqualTo(object + ": manifest.json lists no image");
    }

    @Test
    void configThatIsNotAnImageConfig() {
        byte[] notConfig = Bytes.utf8("{\"rootfs\": {}}");
        String name = Bytes.sha256(notConfig).hex() + ".json";
        Path p = alteredAlpine(f -> {
            f.put(name, notConfig);
            f.put("manifest.json", editManifest(f.get("manifest.json"), m -> m.put("Config", name)));
        });
        assertThat(refused(p)).contains("has no rootfs.diff_ids");
    }

    @Test
    void notImages() throws IOException {
        Path missing = dir.resolve("missing.tar");
        assertThat(refused(missing)).isEqualTo(missing + ": no such file or directory");
        Path empty = Files.createFile(dir.resolve("empty.tar"));
        assertThat(refused(empty)).isEqualTo(empty + ": empty file, not an image archive");
        byte[] random = new byte[100_000];
        new Random(1).nextBytes(random);
        Path junk = Files.write(dir.resolve("junk.tar"), random);
        assertThat(refused(junk)).startsWith(junk + ": not an image archive (").contains("tar");
        Path gz = Files.write(dir.resolve("image.tar.gz"), Bytes.gzip(Files.readAllBytes(Corpus.image(ALPINE))));
        assertThat(refused(gz)).contains("gzip-compressed");
        Path plainTar = Files.write(dir.resolve("plain.tar"), TarBuilder.layer().file("hello", "world").build());
        assertThat(refused(plainTar)).isEqualTo(plainTar + ": not an image archive (no manifest.json or index.json)");
        Path emptyDir = Files.createDirectories(dir.resolve("emptydir"));
        assertThat(refused(emptyDir)).isEqualTo(emptyDir + ": not an OCI image layout (no index.json)");
        Path truncated = Files.write(dir.resolve("truncated.tar"),
                Bytes.cut(Files.readAllBytes(Corpus.image(ALPINE)), 3000));
        assertThat(refused(truncated)).contains("truncated");
    }

    @Test
    void dockerArchiveWithSymlinkedLayerPathsLikeDocker25() throws IOException {
        byte[] layerTar = TarBuilder.layer().file("etc/alpine-release", "3.20.0\n").build();
        byte[] blob = Bytes.gzip(layerTar);
        DockerArchive img = new DockerArchive().rawLayer(blob, Bytes.sha256(layerTar), "unused");
        byte[] config = img.config();
        String blobPath = "blobs/sha256/" + Bytes.sha256(blob).hex();
        String configPath = "blobs/sha256/" + Bytes.sha256(config).hex();
        String manifest = "[{\"Config\":\"" + configPath + "\",\"Layers\":[\"abc123/layer.tar\"]}]";
        byte[] archive = TarBuilder.layer()
                .file(blobPath, blob)
                .file(configPath, config)
                .symlink("abc123/layer.tar", "../" + blobPath)
                .file("manifest.json", manifest)
                .build();
        Path p = Files.write(dir.resolve("docker25.tar"), archive);
        try (ImageSource src = LocalImages.open(p.toString(), null, LayerLimits.DEFAULT)) {
            assertThat(src.layers()).hasSize(1);
            assertThat(src.config().digest()).isEqualTo(Bytes.sha256(config));
            try (InputStream in = src.openBlob(src.layers().getFirst())) {
                assertThat(in.readAllBytes()).isEqualTo(blob);
            }
        }
        // a link loop never resolves
        byte[] loop = TarBuilder.layer()
                .file(configPath, config)
                .symlink("a/layer.tar", "../b/layer.tar")
                .symlink("b/layer.tar", "../a/layer.tar")
                .file("manifest.json", manifest.replace("abc123", "a"))
                .build();
        Path l = Files.write(dir.resolve("loop.tar"), loop);
        assertThat(refused(l)).contains("layer a/layer.tar named by manifest.json is missing");
    }

    // ---- OCI layouts ----

    private Path copyOfMultiarch() {
        Path copy = dir.resolve("multi.oci");
        Tools.run(dir, "cp", "-r", Corpus.image("multiarch-distroless.oci").toString(), copy.toString());
        Tools.run(dir, "chmod", "-R", "u+w", copy.toString());
        return copy;
    }

    @Test
    void ociLayoutMissingALayerBlob() throws IOException {
        Path copy = copyOfMultiarch();
        // the amd64 distroless static layer
        Files.delete(copy.resolve("blobs/sha256/b1e1bc7fdd33e01ca92b3b30ae40ec8871fa9c2e27cafa6b1100b4c2d10b6e16"));
        String msg = refused(copy.toString(), Platform.parse("linux/amd64"));
        assertThat(msg).isEqualTo(copy + ": blob sha256:b1e1bc7fdd33e01ca92b3b30ae40ec8871fa9c2e27cafa6b1100b4c2d10b6e16"
                + " named by the manifest is missing");
        // the arm64 image does not need that blob
        try (ImageSource arm = LocalImages.open(copy.toString(), Platform.parse("linux/arm64"), LayerLimits.DEFAULT)) {
            assertThat(arm.layers()).hasSize(2);
        }
    }

    @Test
    void ociLayoutWithAlteredManifestOrConfig() throws IOException {
        Path copy = copyOfMultiarch();
        Path index = copy.resolve("blobs/sha256/bcb7f322ccca6456fc746eeca1c533d12300c45fda8db351deec9eed21961750");
        String text = Files.readString(index);
        Files.writeString(index, text.replace("\"size\":560", "\"size\":561"));
        assertThat(refused(copy.toString(), null)).contains("blob sha256:bcb7f322ccca").contains("digest mismatch");
    }

    @Test
    void ociLayoutConfigDigestMismatch() throws IOException {
        Path copy = copyOfMultiarch();
        // find the amd64 config: the manifest a3d703bc… names it
        String manifest = Files.readString(copy.resolve(
                "blobs/sha256/a3d703bc7fa0673b6f4789ec138c45592f41360df28f030e8b8d36e68278a706"));
        var m = JSON.readTree(manifest);
        String configHex = m.get("config").get("digest").asText().substring(7);
        Path config = copy.resolve("blobs/sha256/" + configHex);
        Files.writeString(config, Files.readString(config) + " ");
        assertThat(refused(copy.toString(), Platform.parse("linux/amd64")))
                .isEqualTo(copy + ": blob sha256:" + configHex + ": digest mismatch (expected sha256:" + configHex
                        + ", got " + Bytes.sha256(Files.readAllBytes(config)) + ")");
        Files.delete(config);
        assertThat(refused(copy.toString(), Platform.parse("linux/amd64"))).isEqualTo(copy + ": blob sha256:" + configHex + " is missing");
    }

    @Test
    void ociLayoutWithBrokenIndex() throws IOException {
        Path copy = copyOfMultiarch();
        Files.writeString(copy.resolve("index.json"), "{\"schemaVersion\": 2, \"manifests\": []}");
        assertThat(refused(copy.toString(), null)).isEqualTo(copy + ": index.json lists no image");
        Files.writeString(copy.resolve("index.json"), "not json");
        assertThat(refused(copy.toString(), null)).isEqualTo(copy + ": index.json is not valid JSON");
        Files.writeString(copy.resolve("index.json"), "{\"schemaVersion\": 1, \"manifests\": []}");
        assertThat(refused(copy.toString(), null)).contains("schema version 1");
        Files.writeString(copy.resolve("index.json"), "{\"schemaVersion\": 2, \"manifests\": [{\"digest\": \"md5:abc\"}]}");
        assertThat(refused(copy.toString(), null)).contains("unsupported digest algorithm: md5");
        Files.writeString(copy.resolve("index.json"),
                "{\"schemaVersion\": 2, \"manifests\": [{\"digest\": \"sha256:../../../../etc/passwd\"}]}");
        assertThat(refused(copy.toString(), null)).contains("malformed sha256 digest");
        Files.delete(copy.resolve("index.json"));
        Files.createSymbolicLink(copy.resolve("index.json"), Path.of("/etc/hostname"));
        assertThat(refused(copy.toString(), null)).isEqualTo(copy + ": not an OCI image layout (no index.json)");
    }
}
