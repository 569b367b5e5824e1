package io.kensa.image.source;

import io.kensa.image.oci.ImageConfig;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Where an image comes from: an archive, a layout, a registry. A source yields the verified image config,
 * the ordered layers and a way to open each layer's blob. Implementations verify the digest of every
 * manifest and config they read; layer blobs are verified by {@link io.kensa.image.layer.LayerStreams}.
 */
public interface ImageSource extends AutoCloseable {

    /** The name the user gave (a reference or a path). */
    String name();

    /** The image config, its digest verified. */
    ImageConfig config();

    /** The manifest digests that identify the image in a registry, empty if none. */
    List<String> repoDigests();

    /**
     * The names the source gives the image ({@code RepoTags} of a {@code docker save} archive, e.g.
     * {@code nginx:1.27}), empty if none.
     */
    default List<String> repoTags() {
        return List.of();
    }

    /** The layers in order, bottom first; empty layers of the history are not listed. */
    List<LayerRef> layers();

    /** Opens the raw (possibly compressed) bytes of a layer blob; the caller verifies and decompresses. */
    InputStream openBlob(LayerRef layer) throws IOException;

    @Override
    void close() throws IOException;
}
