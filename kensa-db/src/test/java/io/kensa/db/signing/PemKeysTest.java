package io.kensa.db.signing;

import io.kensa.core.KensaException;
import io.kensa.image.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keys in PEM: the JDK's and OpenSSL's, and the one-line refusals of everything else. */
class PemKeysTest {
    @TempDir
    Path dir;

    private static void refused(Path file, boolean publicKey, String message) {
        assertThatThrownBy(() -> {
            if (publicKey) {
                PemKeys.readPublicKey(file);
            } else {
                PemKeys.readPrivateKey(file);
            }
        }).isInstanceOf(KensaException.class).hasMessage(file + ": " + message);
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void keysMadeByTheJdkRoundTripThroughPem(SignatureAlgorithm algorithm) throws IOException {
        KeyPair pair = PemKeys.generate(algorithm);
        Path pub = Files.writeString(dir.resolve("k.pub"), PemKeys.pem(pair.getPublic()));
        Path key = Files.writeString(dir.resolve("k.key"), PemKeys.pem(pair.getPrivate()));
        assertThat(Files.readString(pub)).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("\n-----END PUBLIC KEY-----\n");
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("\n-----END PRIVATE KEY-----\n");
        TrustedKey trusted = PemKeys.readPublicKey(pub);
        SigningKey signing = PemKeys.readPrivateKey(key);
        assertThat(trusted.algorithm()).isEqualTo(algorithm);
        assertThat(signing.algorithm()).isEqualTo(algorithm);
        assertThat(trusted.key().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(signing.key().getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        // OpenSSL reads what we write
        assertThat(Tools.run(dir, "openssl", "pkey", "-in", key.toString(), "-pubout")).isEqualTo(Files.readString(pub));
    }

    @Test
    void keysMadeByOpenSslAreRead() {
        Tools.run(dir, "openssl", "genpkey", "-algorithm", "ed25519", "-out", "ed.key");
        Tools.run(dir, "openssl", "pkey", "-in", "ed.key", "-pubout", "-out", "ed.pub");
        Tools.run(dir, "openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec.key");
        Tools.run(dir, "openssl", "pkey", "-in", "ec.key", "-pubout", "-out", "ec.pub");
        assertThat(PemKeys.readPrivateKey(dir.resolve("ed.key")).algorithm()).isEqualTo(SignatureAlgorithm.ED25519);
        assertThat(PemKeys.readPublicKey(dir.resolve("ed.pub")).algorithm()).isEqualTo(SignatureAlgorithm.ED25519);
        assertThat(PemKeys.readPrivateKey(dir.resolve("ec.key")).algorithm()).isEqualTo(SignatureAlgorithm.ECDSA_P256_SHA256);
        assertThat(PemKeys.readPublicKey(dir.resolve("ec.pub")).algorithm()).isEqualTo(SignatureAlgorithm.ECDSA_P256_SHA256);
    }

    @Test
    void otherKeysAndFilesAreRefusedWithOneLine() throws IOException {
        Tools.run(dir, "openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "sec1.key");
        refused(dir.resolve("sec1.key"), false, "an EC private key in the SEC1 format; convert it to PKCS#8 with"
                + " openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
        Tools.run(dir, "openssl", "genpkey", "-algorithm", "ed25519", "-aes-128-cbc", "-pass", "pass:secret", "-out", "enc.key");
        refused(dir.resolve("enc.key"), false, "an encrypted private key; Kensa reads unencrypted PKCS#8 keys"
                + " (openssl pkey -in KEY -out PLAIN-KEY), kept in a secret store");
        Tools.run(dir, "openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.key");
        Tools.run(dir, "openssl", "pkey", "-in", "rsa.key", "-pubout", "-out", "rsa.pub");
        refused(dir.resolve("rsa.key"), false, "an RSA key; use an Ed25519 or an EC P-256 key (kensa db keygen)");
        refused(dir.resolve("rsa.pub"), true, "an RSA key; use an Ed25519 or an EC P-256 key (kensa db keygen)");
        Tools.run(dir, "openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384", "-out", "p384.key");
        Tools.run(dir, "openssl", "pkey", "-in", "p384.key", "-pubout", "-out", "p384.pub");
        refused(dir.resolve("p384.pub"), true, "an EC key on a curve other than P-256; use an Ed25519 or a P-256 key");
        refused(dir.resolve("p384.key"), false, "an EC key on a curve other than P-256; use an Ed25519 or a P-256 key");
        Tools.run(dir, "openssl", "genpkey", "-algorithm", "ed448", "-out", "ed448.key");
        Tools.run(dir, "openssl", "pkey", "-in", "ed448.key", "-pubout", "-out", "ed448.pub");
        refused(dir.resolve("ed448.pub"), true, "not an Ed25519 or EC P-256 public key (unreadable key data)");

        Path ed = Files.writeString(dir.resolve("ed.key"), PemKeys.pem(PemKeys.generate(SignatureAlgorithm.ED25519).getPrivate()));
        refused(ed, true, "a private key where a public key is expected (derive it with openssl pkey -in KEY -pubout)");
        Path pub = Files.writeString(dir.resolve("ed.pub"), PemKeys.pem(PemKeys.generate(SignatureAlgorithm.ED25519).getPublic()));
        refused(pub, false, "a public key where a private key is expected");
        refused(Files.writeString(dir.resolve("text"), "ssh-ed25519 AAAAC3Nza kensa@example\n"), true,
                "not a PEM file (expected a public key (-----BEGIN PUBLIC KEY-----))");
        refused(Files.writeString(dir.resolve("damaged.pub"), "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n"),
                true, "not an Ed25519 or EC P-256 public key (unreadable key data)");
        refused(Files.write(dir.resolve("huge.pub"), new byte[70_000]), true, "too large for a key file (more than 65536 bytes)");
        refused(dir.resolve("missing.pub"), true, "no such key file");
    }
}
