package io.kensa.db.feed;

import io.kensa.core.KensaException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it and fails with a one-line {@link KensaException} once more than {@code limit}
 * bytes came: put after a decompressor, it turns a decompression bomb into an error instead of a full disk or an
 * exhausted heap. A second, resettable window bounds one record of a stream ({@link #startRecord()}), so a single
 * endless record cannot be read into memory either.
 */
public final class CappedInputStream extends FilterInputStream {
    private final String where;
    private final long limit;
    private final long recordLimit;
    private long count;
    private long recordStart;

    /**
     * @param where       the file, for the message
     * @param limit       the most bytes the whole stream may give
     * @param recordLimit the most bytes one record may take ({@link Long#MAX_VALUE}: no record limit)
     */
    public CappedInputStream(InputStream in, String where, long limit, long recordLimit) {
        super(in);
        this.where = where;
        this.limit = limit;
        this.recordLimit = recordLimit;
    }

    public CappedInputStream(InputStream in, String where, long limit) {
        this(in, where, limit, Long.MAX_VALUE);
    }

    /** A record starts here: from now on at most the record limit may be read until the next call. */
    public void startRecord() {
        recordStart = count;
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) {
            add(skipped);
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false; // a reset would make the count wrong
    }

    private void add(long n) {
        count += n;
        if (count > limit) {
            throw new KensaException(where + ": larger than " + limit + " bytes" + " (uncompressed); refused");
        }
        if (count - recordStart > recordLimit) {
            throw new KensaException(where + ": a record larger than " + recordLimit + " bytes (near byte "
                    + recordStart + "); refused");
        }
    }
}
