package io.kensa.image.testing;

import com.github.luben.zstd.ZstdOutputStream;
import io.kensa.core.Digest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/** Compression and digests of test data, in memory. */
public final class Bytes {
    private Bytes() {
    }

    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] zstd(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZstdOutputStream z = new ZstdOutputStream(out, 3)) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static Digest sha256(byte[] data) {
        try {
            return new Digest("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A copy of {@code data} cut to {@code length} bytes. */
    public static byte[] cut(byte[] data, int length) {
        return java.util.Arrays.copyOf(data, length);
    }

    /** A copy of {@code data} with the byte at {@code index} inverted. */
    public static byte[] flip(byte[] data, int index) {
        byte[] copy = data.clone();
        copy[index] = (byte) ~copy[index];
        return copy;
    }
}
