package io.kensa.db.signing;

import io.kensa.core.KensaException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keys in PEM files, as OpenSSL writes them: a public key as {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo), a
 * private key as {@code PRIVATE KEY} (unencrypted PKCS#8). Ed25519 and EC P-256 keys are accepted; anything else
 * (RSA, other curves, SEC1 {@code EC PRIVATE KEY}, encrypted PKCS#8) is refused with one line saying what to do.
 * The JDK does the parsing; no other library is needed.
 */
public final class PemKeys {
    private static final int MAX_PEM_BYTES = 64 * 1024;
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----");

    private PemKeys() {
    }

    /** Reads a trusted public key. */
    public static TrustedKey readPublicKey(Path file) {
        byte[] der = readBlock(file, "PUBLIC KEY", "a public key (-----BEGIN PUBLIC KEY-----)");
        Key key = decode(file, new X509EncodedKeySpec(der), true);
        return new TrustedKey((PublicKey) key, SignatureAlgorithm.of(key), file);
    }

    /** Reads a private key for signing. */
    public static SigningKey readPrivateKey(Path file) {
        byte[] der = readBlock(file, "PRIVATE KEY", "a private key (-----BEGIN PRIVATE KEY-----)");
        Key key = decode(file, new PKCS8EncodedKeySpec(der), false);
        return new SigningKey((PrivateKey) key, SignatureAlgorithm.of(key), file);
    }

    /** A new key pair for {@code algorithm}. */
    public static KeyPair generate(SignatureAlgorithm algorithm) {
        try {
            return switch (algorithm) {
                case ED25519 -> KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                case ECDSA_P256_SHA256 -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec("secp256r1"));
                    yield g.generateKeyPair();
                }
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make " + algorithm.wireName() + " keys", e);
        }
    }

    /** {@code key} as PEM: {@code PUBLIC KEY} (SPKI) or {@code PRIVATE KEY} (PKCS#8). */
    public static String pem(Key key) {
        String label = key instanceof PrivateKey ? "PRIVATE KEY" : "PUBLIC KEY";
        String body = Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(key.getEncoded());
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static Key decode(Path file, KeySpec spec, boolean publicKey) {
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            try {
                KeyFactory factory = KeyFactory.getInstance(algorithm.jcaKey());
                Key key = publicKey ? factory.generatePublic(spec) : factory.generatePrivate(spec);
                if (SignatureAlgorithm.of(key) == null) {
                    throw new KensaException(file + ": an EC key on a curve other than P-256; use an Ed25519 or a P-256 key");
                }
                return key;
            } catch (GeneralSecurityException | IllegalArgumentException notThisAlgorithm) {
                // try the next algorithm
            }
        }
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (publicKey) {
                rsa.generatePublic(spec);
            } else {
                rsa.generatePrivate(spec);
            }
            throw new KensaException(file + ": an RSA key; use an Ed25519 or an EC P-256 key (kensa db keygen)");
        } catch (GeneralSecurityException notRsa) {
            throw new KensaException(file + ": not an Ed25519 or EC P-256 " + (publicKey ? "public" : "private")
                    + " key (unreadable key data)");
        }
    }

    private static byte[] readBlock(Path file, String label, String expected) {
        String text = readText(file);
        Matcher m = BLOCK.matcher(text);
        if (!m.find()) {
            throw new KensaException(file + ": not a PEM file (expected " + expected + ")");
        }
        String found = m.group(1);
        if (!found.equals(label)) {
            throw new KensaException(file + ": " + wrongLabel(found, label, expected));
        }
        try {
            return Base64.getMimeDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new KensaException(file + ": malformed PEM (the base64 between the BEGIN and END lines is damaged)");
        }
    }

    private static String wrongLabel(String found, String label, String expected) {
        return switch (found) {
            case "EC PRIVATE KEY" -> "an EC private key in the SEC1 format; convert it to PKCS#8 with"
                    + " openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8";
            case "ENCRYPTED PRIVATE KEY" -> "an encrypted private key; Kensa reads unencrypted PKCS#8 keys"
                    + " (openssl pkey -in KEY -out PLAIN-KEY), kept in a secret store";
            case "RSA PRIVATE KEY", "RSA PUBLIC KEY" -> "an RSA key; use an Ed25519 or an EC P-256 key (kensa db keygen)";
            case "PRIVATE KEY" -> "a private key where a public key is expected (derive it with"
                    + " openssl pkey -in KEY -pubout)";
            case "PUBLIC KEY" -> "a public key where a private key is expected";
            default -> "a PEM " + clip(found) + " block, expected " + expected;
        };
    }

    private static String readText(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_PEM_BYTES + 1);
            if (bytes.length > MAX_PEM_BYTES) {
                throw new KensaException(file + ": too large for a key file (more than " + MAX_PEM_BYTES + " bytes)");
            }
            return new String(bytes, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new KensaException(file + ": no such key file");
        } catch (IOException e) {
            throw new KensaException(file + ": unreadable key file (" + e.getMessage() + ")", e);
        }
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
