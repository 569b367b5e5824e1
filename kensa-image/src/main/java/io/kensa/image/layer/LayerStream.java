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
 * recognised from the bytes themselves (gzip, zstd or none), whatever the media type says. Compressed layers are
 * inflated on a second thread ({@link InflaterPump}) while the caller hashes and parses; close the stream to
 * stop that thread early.
 */
public final class LayerStream extends InputStream {
    private static final int BUFFER = 1 << 16;
    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};
    private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};

    private final LayerRef layer;
    private final long maxBytes;
    private final HashingInputStream raw;
    /** The tar bytes for an uncompressed layer; null when a pump inflates. */
    private final InputStream plain;
    private final InflaterPump pump;
    private final MessageDigest diffDigest;
    private volatile Digest rawDigest;
    private InflaterPump.Chunk chunk;
    private int chunkPos;
    private boolean ended;
    private long count;

    private LayerStream(LayerRef layer, HashingInputStream raw, InputStream plain, InputStream decompressed,
                        long maxBytes) {
        this.layer = layer;
        this.raw = raw;
        this.plain = plain;
        this.maxBytes = maxBytes;
        this.diffDigest = plain != null ? null : sha256();
        this.pump = decompressed == null ? null : new InflaterPump(decompressed, this::drainRaw);
    }

    /** Wraps the raw blob bytes of {@code layer}. */
    public static LayerStream open(InputStream blob, LayerRef layer, LayerLimits limits) throws IOException {
        HashingInputStream raw = new HashingInputStream(blob, sha256());
        BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER);
        buffered.mark(8);
        byte[] head = buffered.readNBytes(4);
        buffered.reset();
        InputStream decompressed;
        try {
            if (startsWith(head, GZIP_MAGIC)) {
                decompressed = new GZIPInputStream(buffered, BUFFER);
            } else if (startsWith(head, ZSTD_MAGIC)) {
                decompressed = new ZstdInputStreamNoFinalizer(buffered);
            } else {
                return new LayerStream(layer, raw, buffered, null, limits.maxLayerBytes());
            }
        } catch (IOException e) {
            throw translate(layer, e);
        }
        LayerStream stream = new LayerStream(layer, raw, null, decompressed, limits.maxLayerBytes());
        stream.pump.start();
        return stream;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = plain != null ? plain.read(buf, off, len) : fromPump(buf, off, len);
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

    private int fromPump(byte[] buf, int off, int len) throws IOException {
        while (chunk == null || chunkPos >= chunk.length()) {
            if (ended) {
                return -1;
            }
            chunk = pump.take();
            chunkPos = 0;
            if (chunk.failure() != null) {
                ended = true;
                throw translate(layer, chunk.failure());
            }
            if (chunk == InflaterPump.Chunk.END) {
                ended = true;
                return -1;
            }
        }
        int n = Math.min(len, chunk.length() - chunkPos);
        System.arraycopy(chunk.data(), chunkPos, buf, off, n);
        chunkPos += n;
        return n;
    }

    /** Runs on the pump thread once the decompressed data ends: trailing bytes count in the blob digest. */
    private void drainRaw() {
        byte[] scratch = new byte[BUFFER];
        try {
            while (raw.read(scratch, 0, scratch.length) >= 0) {
                // drain
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        rawDigest = Digest.sha256(raw.digest());
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
        return rawDigest;
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
        if (plain != null) {
            drainRaw();
        }
        Digest diffId = plain != null ? rawDigest : Digest.sha256(diffDigest.digest());
        if (layer.digest() != null && !layer.digest().equals(rawDigest)) {
            throw new KensaException("blob " + layer.digest() + ": digest mismatch (content is " + rawDigest + ")");
        }
        if (!layer.diffId().equals(diffId)) {
            throw new KensaException(name(layer) + ": diffID mismatch (config says " + layer.diffId()
                    + ", content is " + diffId + ")");
        }
    }

    @Override
    public void close() throws IOException {
        if (pump != null) {
            pump.stop();
        }
        raw.close();
    }

    /** One line naming the layer for a failure of its compressed data. */
    private static RuntimeException translate(LayerRef layer, Throwable t) throws IOException {
        Throwable c = t instanceof java.io.UncheckedIOException u ? u.getCause() : t;
        switch (c) {
            case KensaException k -> throw k;
            case ZipException z -> throw new KensaException(name(layer) + ": corrupt gzip data (" + z.getMessage() + ")");
            case java.io.EOFException e ->
                    throw new KensaException(name(layer) + ": truncated (unexpected end of compressed data)");
            case IOException io when io.getClass().getName().startsWith("com.github.luben.zstd") ->
                    throw new KensaException(name(layer) + ": corrupt zstd data (" + io.getMessage() + ")");
            case IOException io -> throw new IOException(io.getMessage(), io);
            case RuntimeException r -> throw r;
            case Error err -> throw err;
            default -> throw new IOException(c);
        }
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
