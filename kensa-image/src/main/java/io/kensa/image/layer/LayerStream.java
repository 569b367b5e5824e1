package io.kensa.image.layer;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import io.kensa.core.Digest;
import io.kensa.core.KensaException;
import io.kensa.image.source.LayerRef;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The uncompressed tar bytes of one layer blob, verified while streaming: the blob's digest over the raw bytes,
 * the diffID over the uncompressed bytes, and a ceiling on the uncompressed size (decompression bombs). Call
 * {@link #finish()} after the tar has been read: it drains what is left and checks both digests. Compression is
 * recognised from the bytes themselves (gzip, zstd or none), whatever the media type says.
 */
public final class LayerStream extends InputStream {
    private static final int BUFFER = 1 << 16;
    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};
    private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};

    private final LayerRef layer;
    private final long maxBytes;
    private final HashingInputStream raw;
    private final InputStream decompressed;
    private final MessageDigest diffDigest;
    private final boolean sameDigest;
    private long count;
    private Digest computedDigest;

    private LayerStream(LayerRef layer, HashingInputStream raw, InputStream decompressed, boolean sameDigest,
                        long maxBytes) {
        this.layer = layer;
        this.raw = raw;
        this.decompressed = decompressed;
        this.sameDigest = sameDigest;
        this.maxBytes = maxBytes;
        this.diffDigest = sameDigest ? null : sha256();
    }

    /** Wraps the raw blob bytes of {@code layer}. */
    public static LayerStream open(InputStream blob, LayerRef layer, LayerLimits limits) throws IOException {
        HashingInputStream raw = new HashingInputStream(blob, sha256());
        BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER);
        buffered.mark(8);
        byte[] head = buffered.readNBytes(4);
        buffered.reset();
        InputStream decompressed;
        boolean plain = false;
        try {
            if (startsWith(head, GZIP_MAGIC)) {
                decompressed = new GZIPInputStream(buffered, BUFFER);
            } else if (startsWith(head, ZSTD_MAGIC)) {
                decompressed = new ZstdInputStreamNoFinalizer(buffered);
            } else {
                decompressed = buffered;
                plain = true;
            }
        } catch (IOException e) {
            throw new KensaException(name(layer) + ": corrupt compressed data (" + e.getMessage() + ")");
        }
        return new LayerStream(layer, raw, decompressed, plain, limits.maxLayerBytes());
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n;
        try {
            n = decompressed.read(buf, off, len);
        } catch (ZipException e) {
            throw new KensaException(name(layer) + ": corrupt gzip data (" + e.getMessage() + ")");
        } catch (java.io.EOFException e) {
            throw new KensaException(name(layer) + ": truncated (unexpected end of compressed data)");
        } catch (IOException e) {
            if (e.getClass().getName().startsWith("com.github.luben.zstd")) {
                throw new KensaException(name(layer) + ": corrupt zstd data (" + e.getMessage() + ")");
            }
            throw e;
        }
        if (n > 0) {
            count += n;
            if (count > maxBytes) {
                throw new KensaException(name(layer) + ": uncompressed size exceeds the limit of " + maxBytes
                        + " bytes (decompression bomb?); raise it with --max-layer-size");
            }
            if (diffDigest != null) {
                diffDigest.update(buf, off, n);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(BUFFER, Math.max(n, 1))];
        long left = n;
        while (left > 0) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, left));
            if (r < 0) {
                break;
            }
            left -= r;
        }
        return n - left;
    }

    /** Uncompressed bytes read so far. */
    public long uncompressedBytes() {
        return count;
    }

    /** Digest of the raw blob, known after {@link #finish()}. */
    public Digest blobDigest() {
        return computedDigest;
    }

    /** Size of the raw blob, known after {@link #finish()}. */
    public long blobSize() {
        return raw.count();
    }

    /** Reads whatever is left and verifies the blob digest and the diffID; fails with one line naming the blob. */
    public void finish() throws IOException {
        byte[] scratch = new byte[BUFFER];
        while (read(scratch, 0, scratch.length) >= 0) {
            // drain the uncompressed stream: the diffID covers every byte, including tar padding
        }
        // trailing bytes after the compressed stream are part of the blob digest
        while (raw.read(scratch, 0, scratch.length) >= 0) {
            // drain
        }
        computedDigest = Digest.sha256(raw.digest());
        Digest diffId = sameDigest ? computedDigest : Digest.sha256(diffDigest.digest());
        if (layer.digest() != null && !layer.digest().equals(computedDigest)) {
            throw new KensaException("blob " + layer.digest() + ": digest mismatch (content is " + computedDigest + ")");
        }
        if (!layer.diffId().equals(diffId)) {
            throw new KensaException(name(layer) + ": diffID mismatch (config says " + layer.diffId()
                    + ", content is " + diffId + ")");
        }
    }

    @Override
    public void close() throws IOException {
        decompressed.close();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(LayerRef layer) {
        return "layer " + (layer.digest() != null ? layer.digest() : layer.diffId());
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Counts and hashes the raw blob bytes. */
    static final class HashingInputStream extends InputStream {
        private final InputStream in;
        private final MessageDigest digest;
        private long count;

        HashingInputStream(InputStream in, MessageDigest digest) {
            this.in = in;
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                digest.update((byte) b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                digest.update(buf, off, n);
                count += n;
            }
            return n;
        }

        byte[] digest() {
            return digest.digest();
        }

        long count() {
            return count;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

}
