package io.kensa.image.layer;

/**
 * Bounds applied while reading hostile layers.
 *
 * @param maxLayerBytes   largest uncompressed layer accepted (decompression bomb guard)
 * @param maxHeaderBytes  largest tar extension header (PAX, GNU long name) accepted
 * @param maxManifestBytes largest manifest, index or config document accepted
 */
public record LayerLimits(long maxLayerBytes, int maxHeaderBytes, int maxManifestBytes) {
    public static final LayerLimits DEFAULT = new LayerLimits(32L << 30, 1 << 20, 8 << 20);

    public LayerLimits withMaxLayerBytes(long bytes) {
        return new LayerLimits(bytes, maxHeaderBytes, maxManifestBytes);
    }
}
