package io.kensa.db.publish;

import io.kensa.core.Digest;
import io.kensa.db.artifact.ArtifactConfig;
import io.kensa.db.signing.DatabaseSignature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A database made ready to publish: compressed into a temporary file, its signature and config made. Close it to
 * delete the temporary file.
 *
 * @param compressed       the zstd-compressed database
 * @param compressedDigest its sha256
 * @param compressedSize   its length
 * @param signature        the signature document (it names the uncompressed database's digest and size)
 * @param config           the config blob's content
 */
public record PreparedArtifact(Path compressed, Digest compressedDigest, long compressedSize,
                               DatabaseSignature signature, ArtifactConfig config) implements AutoCloseable {
    @Override
    public void close() {
        try {
            Files.deleteIfExists(compressed);
        } catch (IOException ignored) {
            // a temporary file
        }
    }
}
