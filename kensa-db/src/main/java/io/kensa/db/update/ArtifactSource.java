package io.kensa.db.update;

import java.io.InputStream;

/**
 * Where a database artifact is read from: a registry, a URL or a file. A source fails with one-line
 * {@link io.kensa.core.KensaException}s, also while its streams are read.
 */
public interface ArtifactSource extends AutoCloseable {
    /** Where it is, for messages: a reference, a URL or a path. */
    String name();

    /**
     * The signature document (at most {@link io.kensa.db.signing.DatabaseSignature#MAX_BYTES}), or null when the
     * source has none.
     */
    byte[] signature();

    /**
     * The zstd-compressed database, as a stream the source checks as far as it can (a registry blob against its
     * digest and size, at its end) and that never yields more than {@code limits.maxCompressedBytes()}.
     */
    InputStream openDatabase(UpdateLimits limits);

    @Override
    void close();
}
