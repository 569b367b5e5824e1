package io.kensa.image.layer;

import io.kensa.core.Digest;
import io.kensa.core.KensaException;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Reading small blobs (manifests, configs, indexes) whole, bounded and digest-verified. */
public final class Blobs {
    private Blobs() {
    }

    /** Reads at most {@code limit} bytes and checks them against {@code expected}; fails with one line. */
    public static byte[] readVerified(InputStream in, Digest expected, int limit, String what) throws IOException {
        byte[] bytes = readBounded(in, limit, what);
        verify(bytes, expected, what);
        return bytes;
    }

    public static byte[] readBounded(InputStream in, int limit, String what) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new KensaException(what + " is larger than " + limit + " bytes");
        }
        return bytes;
    }

    public static void verify(byte[] bytes, Digest expected, String what) {
        Digest actual = digest(expected.algorithm(), bytes);
        if (!actual.equals(expected)) {
            throw new KensaException(what + ": digest mismatch (expected " + expected + ", got " + actual + ")");
        }
    }

    public static Digest digest(String algorithm, byte[] bytes) {
        try {
            String javaName = algorithm.equals("sha256") ? "SHA-256" : "SHA-512";
            return new Digest(algorithm, HexFormat.of().formatHex(MessageDigest.getInstance(javaName).digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
