package io.kensa.db.update;

/**
 * Bounds on what an update downloads and writes.
 *
 * @param maxCompressedBytes largest compressed download accepted
 * @param maxDatabaseBytes   largest database accepted once decompressed (a zstd bomb stops here; a signed database
 *                           is also held to the exact size its signature gives)
 */
public record UpdateLimits(long maxCompressedBytes, long maxDatabaseBytes) {
    /** 4 GiB compressed, 16 GiB decompressed: some ten times the full database of today. */
    public static final UpdateLimits DEFAULT = new UpdateLimits(4L << 30, 16L << 30);

    public UpdateLimits {
        if (maxCompressedBytes <= 0 || maxDatabaseBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public UpdateLimits withMaxDatabaseBytes(long bytes) {
        return new UpdateLimits(maxCompressedBytes, bytes);
    }
}
