package io.kensa.core;

/**
 * A layer as the report lists it.
 *
 * @param diffId    sha256 of the uncompressed tar
 * @param digest    digest of the blob as stored or transferred (compressed)
 * @param size      size of the blob in bytes
 * @param createdBy the history line that created the layer
 * @param cached    whether the layer's analysis came from the cache
 */
public record LayerSummary(String diffId, String digest, long size, String createdBy, boolean cached) {
}
