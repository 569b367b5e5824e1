package io.kensa.image.registry;

import io.kensa.core.Digest;
import io.kensa.image.oci.ManifestDocument;

/**
 * A manifest or index read from a registry, its digest verified.
 *
 * @param digest    the digest of {@code bytes} (the pinned digest, else the registry's Docker-Content-Digest, else
 *                  computed)
 * @param mediaType the Content-Type the registry sent, may be null
 * @param bytes     the document exactly as served
 * @param document  the parsed manifest or index
 */
public record FetchedManifest(Digest digest, String mediaType, byte[] bytes, ManifestDocument document) {
}
