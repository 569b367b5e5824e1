package io.kensa.image.testing;

import java.io.ByteArrayOutputStream;

/**
 * Decompression bombs made quickly: one compressed member of 16 MiB of zeros, repeated (gzip members and zstd
 * frames may be concatenated), so a gigabyte of output costs about a megabyte and a few milliseconds to make.
 */
public final class Bombs {
    private static final int CHUNK = 16 << 20;

    private Bombs() {
    }

    /** gzip of {@code total} zero bytes (a multiple of 16 MiB). */
    public static byte[] gzipZeros(long total) {
        return repeat(Bytes.gzip(new byte[CHUNK]), total);
    }

    /** zstd of {@code total} zero bytes (a multiple of 16 MiB). */
    public static byte[] zstdZeros(long total) {
        return repeat(Bytes.zstd(new byte[CHUNK]), total);
    }

    /**
     * A gzip'ed layer tar whose single file {@code bomb} claims and holds {@code total} zero bytes: a valid tar as far
     * as it goes (the end-of-archive blocks are never reached by a reader with a sane limit).
     */
    public static byte[] gzipTarBomb(long total) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Bytes.gzip(RawTar.header("bomb", '0', total, null)));
        out.writeBytes(gzipZeros(total));
        out.writeBytes(Bytes.gzip(new byte[1024]));
        return out.toByteArray();
    }

    private static byte[] repeat(byte[] member, long total) {
        if (total % CHUNK != 0) {
            throw new IllegalArgumentException("total must be a multiple of 16 MiB");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long i = 0; i < total / CHUNK; i++) {
            out.writeBytes(member);
        }
        return out.toByteArray();
    }
}
