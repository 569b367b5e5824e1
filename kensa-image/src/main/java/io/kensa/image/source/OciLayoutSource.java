package io.kensa.image.source;

import io.kensa.core.KensaException;
import io.kensa.image.layer.Blobs;
import io.kensa.image.layer.LayerLimits;
import io.kensa.image.oci.Descriptor;
import io.kensa.image.oci.ImageConfig;
import io.kensa.image.oci.ManifestDocument;
import io.kensa.image.oci.Platform;
import io.kensa.image.oci.PlatformSelector;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An OCI image layout ({@code oci-layout}, {@code index.json}, {@code blobs/}), either a directory or a tar
 * of one (an OCI archive). Every blob read is verified against its descriptor's digest.
 */
public final class OciLayoutSource extends ResolvedImageSource {
    private static final String REF_NAME = "org.opencontainers.image.ref.name";
    private static final int MAX_NESTING = 4;

    private final BlobStore store;

    private OciLayoutSource(String name, BlobStore store, ImageConfig config, List<LayerRef> layers) {
        super(name, config, layers, List.of());
        this.store = store;
    }

    /**
     * Opens the image of the layout named {@code refName} (any when null) for {@code platform} (when the layout
     * holds an index; null means the host's).
     */
    static OciLayoutSource open(String name, BlobStore store, String refName, Platform platform, LayerLimits limits)
            throws IOException {
        if (!store.exists("index.json")) {
            throw new KensaException(name + ": not an OCI image layout (no index.json)");
        }
        byte[] indexBytes;
        try (InputStream in = store.open("index.json")) {
            indexBytes = Blobs.readBounded(in, limits.maxManifestBytes(), name + ": index.json");
        }
        ManifestDocument top = ManifestDocument.parse(indexBytes, null, name + ": index.json");
        if (!(top instanceof ManifestDocument.Index index)) {
            throw new KensaException(name + ": index.json is not an image index");
        }
        List<Descriptor> entries = index.manifests();
        if (refName != null) {
            entries = entries.stream().filter(d -> refName.equals(d.annotations().get(REF_NAME))).toList();
            if (entries.isEmpty()) {
                throw new KensaException(name + ": no image named '" + refName + "' in the layout");
            }
        }
        if (entries.isEmpty()) {
            throw new KensaException(name + ": index.json lists no image");
        }
        Platform wanted = platform == null ? Platform.host() : platform;
        Descriptor chosen = entries.size() == 1 ? entries.getFirst()
                : PlatformSelector.select(new ManifestDocument.Index(index.mediaType(), entries), wanted, name);
        for (int depth = 0; depth < MAX_NESTING; depth++) {
            ManifestDocument doc = ManifestDocument.parse(readBlob(store, chosen, limits, name), chosen.mediaType(),
                    name + ": manifest " + chosen.digest());
            switch (doc) {
                case ManifestDocument.Index nested -> chosen = PlatformSelector.select(nested, wanted, name);
                case ManifestDocument.Manifest manifest -> {
                    return fromManifest(name, store, manifest, chosen, limits);
                }
            }
        }
        throw new KensaException(name + ": image indexes nested more than " + MAX_NESTING + " deep");
    }

    private static OciLayoutSource fromManifest(String name, BlobStore store, ManifestDocument.Manifest manifest,
                                                Descriptor manifestDescriptor, LayerLimits limits) throws IOException {
        ImageConfig config = ImageConfig.parse(manifest.config().digest(), readBlob(store, manifest.config(), limits, name));
        if (manifest.layers().size() != config.diffIds().size()) {
            throw new KensaException(name + ": manifest lists " + manifest.layers().size() + " layers but the config has "
                    + config.diffIds().size() + " diff_ids");
        }
        List<String> createdBy = config.layerCreatedBy();
        List<LayerRef> layers = new ArrayList<>();
        for (int i = 0; i < manifest.layers().size(); i++) {
            Descriptor d = manifest.layers().get(i);
            if (!store.exists(blobPath(d))) {
                throw new KensaException(name + ": blob " + d.digest() + " named by the manifest is missing");
            }
            layers.add(new LayerRef(d.digest(), config.diffIds().get(i), d.size(), d.mediaType(), createdBy.get(i)));
        }
        return new OciLayoutSource(name, store, config, layers);
    }

    private static byte[] readBlob(BlobStore store, Descriptor d, LayerLimits limits, String name) throws IOException {
        String path = blobPath(d);
        if (!store.exists(path)) {
            throw new KensaException(name + ": blob " + d.digest() + " is missing");
        }
        try (InputStream in = store.open(path)) {
            return Blobs.readVerified(in, d.digest(), limits.maxManifestBytes(), name + ": blob " + d.digest());
        }
    }

    private static String blobPath(Descriptor d) {
        return "blobs/" + d.digest().algorithm() + "/" + d.digest().hex();
    }

    @Override
    public InputStream openBlob(LayerRef layer) throws IOException {
        return store.open("blobs/" + layer.digest().algorithm() + "/" + layer.digest().hex());
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
