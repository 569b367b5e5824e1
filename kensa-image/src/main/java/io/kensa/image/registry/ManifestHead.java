package io.kensa.image.registry;

import io.kensa.core.Digest;

/**
 * What a {@code HEAD} of a manifest tells: enough to know whether a tag moved, without reading the manifest.
 *
 * @param digest    the registry's Docker-Content-Digest, or null when it sends none
 * @param mediaType the media type, may be null
 * @param size      the Content-Length, or -1
 */
public record ManifestHead(Digest digest, String mediaType, long size) {
}
