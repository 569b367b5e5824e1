package io.kensa.image.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.core.Digest;
import io.kensa.core.KensaException;
import io.kensa.image.layer.Blobs;
import io.kensa.image.layer.LayerLimits;
import io.kensa.image.oci.ImageConfig;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code docker save} archive: {@code manifest.json} names the config and the layer files. Works for the
 * classic layout ({@code <id>/layer.tar}, {@code <digest>.tar.gz}) and the OCI-shaped one of Docker 25+
 * ({@code blobs/sha256/<hex>}).
 */
public final class DockerArchiveSource extends ResolvedImageSource {
    private static final ObjectMapper JSON = io.kensa.image.oci.OciJson.MAPPER;
    /** A file named after its content digest: {@code <hex>}, {@code <hex>.json}, {@code <hex>.tar[.gz]}, {@code blobs/sha256/<hex>}. */
    private static final Pattern DIGEST_NAME = Pattern.compile("(?:.*/)?(?:sha256/)?([0-9a-f]{64})(?:\\.json|\\.tar|\\.tar\\.gz|\\.tar\\.zst)?");

    /** Most RepoTags kept, and the longest one. */
    private static final int MAX_TAGS = 64;
    private static final int MAX_TAG_LENGTH = 512;

    private final BlobStore store;
    private final List<String> layerPaths;
    private final List<String> repoTags;

    private DockerArchiveSource(String name, BlobStore store, ImageConfig config, List<LayerRef> layers,
                                List<String> layerPaths, List<String> repoTags) {
        super(name, config, layers, List.of());
        this.store = store;
        this.layerPaths = layerPaths;
        this.repoTags = repoTags;
    }

    static DockerArchiveSource open(String name, BlobStore store, LayerLimits limits) throws IOException {
        JsonNode manifest;
        try (InputStream in = store.open("manifest.json")) {
            manifest = JSON.readTree(Blobs.readBounded(in, limits.maxManifestBytes(), name + ": manifest.json"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new KensaException(name + ": manifest.json is not valid JSON");
        }
        if (manifest == null || !manifest.isArray() || manifest.isEmpty() || !manifest.get(0).isObject()) {
            throw new KensaException(name + ": manifest.json lists no image");
        }
        JsonNode image = manifest.get(0);
        String configPath = image.path("Config").asText("");
        if (configPath.isEmpty() || !store.exists(configPath)) {
            throw new KensaException(name + ": manifest.json names config '" + configPath + "', which is not in the archive");
        }
        byte[] configBytes;
        try (InputStream in = store.open(configPath)) {
            configBytes = Blobs.readBounded(in, limits.maxManifestBytes(), name + ": config " + configPath);
        }
        Digest configDigest = digestFromName(configPath);
        if (configDigest != null) {
            Blobs.verify(configBytes, configDigest, name + ": config " + configPath);
        } else {
            configDigest = Blobs.digest("sha256", configBytes);
        }
        ImageConfig config = ImageConfig.parse(configDigest, configBytes);
        JsonNode layerNodes = image.path("Layers");
        if (layerNodes.size() != config.diffIds().size()) {
            throw new KensaException(name + ": manifest.json lists " + layerNodes.size() + " layers but the config has "
                    + config.diffIds().size() + " diff_ids");
        }
        List<String> createdBy = config.layerCreatedBy();
        List<LayerRef> layers = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < layerNodes.size(); i++) {
            String path = layerNodes.get(i).asText("");
            if (!store.exists(path)) {
                throw new KensaException(name + ": layer " + path + " named by manifest.json is missing from the archive");
            }
            layers.add(new LayerRef(digestFromName(path), config.diffIds().get(i), store.size(path), null, createdBy.get(i)));
            paths.add(path);
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode t : image.path("RepoTags")) {
            if (t.isTextual() && t.asText().length() <= MAX_TAG_LENGTH && tags.size() < MAX_TAGS) {
                tags.add(t.asText());
            }
        }
        return new DockerArchiveSource(name, store, config, List.copyOf(layers), List.copyOf(paths), List.copyOf(tags));
    }

    @Override
    public List<String> repoTags() {
        return repoTags;
    }

    private static Digest digestFromName(String path) {
        Matcher m = DIGEST_NAME.matcher(path);
        return m.matches() ? new Digest("sha256", m.group(1)) : null;
    }

    @Override
    public InputStream openBlob(LayerRef layer) throws IOException {
        return store.open(layerPaths.get(layers().indexOf(layer)));
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
