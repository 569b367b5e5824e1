package io.kensa.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** A content digest such as {@code sha256:9f42…}; only sha256 and sha512 are accepted. */
public record Digest(String algorithm, String hex) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SHA512 = Pattern.compile("[0-9a-f]{128}");

    public Digest {
        if (algorithm == null || hex == null) {
            throw new KensaException("digest without algorithm or value");
        }
        Pattern p = switch (algorithm) {
            case "sha256" -> SHA256;
            case "sha512" -> SHA512;
            default -> throw new KensaException("unsupported digest algorithm: " + clip(algorithm));
        };
        if (!p.matcher(hex).matches()) {
            throw new KensaException("malformed " + algorithm + " digest: " + clip(hex));
        }
    }

    @JsonCreator
    public static Digest parse(String text) {
        if (text == null) {
            throw new KensaException("missing digest");
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new KensaException("malformed digest (no algorithm): " + clip(text));
        }
        return new Digest(text.substring(0, colon).toLowerCase(Locale.ROOT), text.substring(colon + 1));
    }

    public static Digest sha256(byte[] raw) {
        return new Digest("sha256", HexFormat.of().formatHex(raw));
    }

    /** The Java {@link java.security.MessageDigest} name of this algorithm. */
    public String javaAlgorithm() {
        return algorithm.equals("sha256") ? "SHA-256" : "SHA-512";
    }

    public String shortHex() {
        return hex.substring(0, 12);
    }

    @JsonValue
    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
