package io.kensa.db.publish;

import io.kensa.core.Digest;

import java.util.List;

/**
 * What a push did.
 *
 * @param reference      where the artifact is, e.g. {@code host/repo:tag}
 * @param manifestDigest the manifest's digest (pull by {@code host/repo@digest} to pin it)
 * @param uploadedBlobs  blobs sent
 * @param skippedBlobs   blobs the registry had already
 */
public record PublishResult(String reference, Digest manifestDigest, List<Digest> uploadedBlobs, List<Digest> skippedBlobs) {
}
