package io.kensa.image.source;

import io.kensa.core.Digest;

/**
 * One layer of an image.
 *
 * @param digest    digest of the blob as stored (compressed); equals diffId for uncompressed layers
 * @param diffId    sha256 of the uncompressed tar, from the image config
 * @param size      blob size in bytes, -1 when the source does not say
 * @param mediaType the manifest's media type, may be null (docker archives)
 * @param createdBy the history line that created the layer, may be null
 */
public record LayerRef(Digest digest, Digest diffId, long size, String mediaType, String createdBy) {
}
