package io.kensa.db.update;

import io.kensa.core.Digest;
import io.kensa.core.KensaException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Function;

/**
 * Counts and hashes (sha256) what is read through it, and fails with one line the moment more than a limit is read,
 * or at the end when the bytes are not the expected ones (when expected digest and size are given). Failures of
 * the stream beneath become one-line errors through {@code failure}, so that a stream reading this one (zstd)
 * tells its own errors apart.
 */
final class VerifyingStream extends FilterInputStream {
    private final String what;
    private final long limit;
    private final String limitReason;
    private final Digest expectedDigest;
    private final long expectedSize;
    private final Function<IOException, KensaException> failure;
    private final MessageDigest sha256;
    private long count;
    private Digest digest;

    /**
     * @param what           names the stream in messages, e.g. "blob sha256:… of host/repo"
     * @param limit          most bytes accepted
     * @param limitReason    why, e.g. " (the size its descriptor gives)"
     * @param expectedDigest the sha256 the bytes must have, or null
     * @param expectedSize   the length they must have, or -1
     * @param failure        turns a read failure beneath into a one-line error
     */
    VerifyingStream(InputStream in, String what, long limit, String limitReason, Digest expectedDigest,
                    long expectedSize, Function<IOException, KensaException> failure) {
        super(in);
        this.what = what;
        this.limit = limit;
        this.limitReason = limitReason;
        this.expectedDigest = expectedDigest;
        this.expectedSize = expectedSize;
        this.failure = failure;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (digest != null) {
            return -1;
        }
        int n;
        try {
            n = in.read(b, off, (int) Math.min(len, limit - count + 1));
        } catch (IOException e) {
            throw failure.apply(e);
        }
        if (n < 0) {
            finish();
            return -1;
        }
        count += n;
        if (count > limit) {
            throw new KensaException(what + " is larger than " + limit + " bytes" + limitReason);
        }
        sha256.update(b, off, n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void finish() {
        digest = Digest.sha256(sha256.digest());
        if (expectedSize >= 0 && count != expectedSize) {
            throw new KensaException(what + (count < expectedSize ? " is truncated" : " is too long") + " (" + count
                    + " bytes, expected " + expectedSize + ")");
        }
        if (expectedDigest != null && !expectedDigest.equals(digest)) {
            throw new KensaException(what + ": digest mismatch (expected " + expectedDigest + ", got " + digest + ")");
        }
    }

    /** The bytes read so far. */
    long count() {
        return count;
    }

    /** The sha256 of everything read, once the end was reached; else null. */
    Digest digest() {
        return digest;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing a source we are done with
        }
    }
}
