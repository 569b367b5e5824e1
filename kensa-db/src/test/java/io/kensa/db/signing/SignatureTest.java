package io.kensa.db.signing;

import io.kensa.core.Digest;
import io.kensa.core.KensaException;
import io.kensa.image.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signing and verifying database signatures, checked against OpenSSL both ways. */
class SignatureTest {
    private static final SignedDatabase DB = new SignedDatabase(
            Digest.parse("sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"), 123_456);

    @TempDir
    Path dir;

    private record Keys(SigningKey signing, TrustedKey trusted, Path privateFile, Path publicFile) {
    }

    private Keys keys(SignatureAlgorithm algorithm, String name) throws IOException {
        KeyPair pair = PemKeys.generate(algorithm);
        Path key = Files.writeString(dir.resolve(name + ".key"), PemKeys.pem(pair.getPrivate()));
        Path pub = Files.writeString(dir.resolve(name + ".pub"), PemKeys.pem(pair.getPublic()));
        return new Keys(PemKeys.readPrivateKey(key), PemKeys.readPublicKey(pub), key, pub);
    }

    @Test
    void theSignedMessageIsFixedText() {
        assertThat(new String(DB.message(), StandardCharsets.US_ASCII)).isEqualTo(
                "kensa-db-signature-v1\nsha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n123456\n");
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void aSignatureVerifiesWithItsKeyAndWithOpenSsl(SignatureAlgorithm algorithm) throws IOException {
        Keys k = keys(algorithm, "signer");
        DatabaseSignature signature = new DatabaseSigner(k.signing()).sign(DB);
        DatabaseSignature parsed = DatabaseSignature.parse(signature.toJson(), "sig");
        assertThat(parsed.algorithm()).isEqualTo(algorithm);
        assertThat(parsed.database()).isEqualTo(DB);
        assertThat(parsed.signature()).isEqualTo(signature.signature());
        assertThat(new SignatureVerifier(List.of(k.trusted())).verify(parsed, "sig")).isEqualTo(k.trusted());

        // the documented OpenSSL check of ARTIFACT.md
        Files.write(dir.resolve("message"), DB.message());
        Files.write(dir.resolve("sig.bin"), signature.signature());
        String out = algorithm == SignatureAlgorithm.ED25519
                ? Tools.run(dir, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", k.publicFile().toString(), "-rawin",
                        "-in", "message", "-sigfile", "sig.bin")
                : Tools.run(dir, "openssl", "dgst", "-sha256", "-verify", k.publicFile().toString(), "-signature", "sig.bin",
                        "message");
        assertThat(out.strip()).isEqualTo(algorithm == SignatureAlgorithm.ED25519 ? "Signature Verified Successfully" : "Verified OK");
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void aSignatureMadeByOpenSslVerifies(SignatureAlgorithm algorithm) throws IOException {
        Keys k = keys(algorithm, "openssl");
        Files.write(dir.resolve("message"), DB.message());
        if (algorithm == SignatureAlgorithm.ED25519) {
            Tools.run(dir, "openssl", "pkeyutl", "-sign", "-inkey", k.privateFile().toString(), "-rawin", "-in", "message",
                    "-out", "sig.bin");
        } else {
            Tools.run(dir, "openssl", "dgst", "-sha256", "-sign", k.privateFile().toString(), "-out", "sig.bin", "message");
        }
        String json = "{\"mediaType\":\"" + DatabaseSignature.MEDIA_TYPE + "\",\"algorithm\":\"" + algorithm.wireName()
                + "\",\"database\":{\"digest\":\"" + DB.digest() + "\",\"size\":" + DB.size() + "},\"signature\":\""
                + Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("sig.bin"))) + "\"}";
        DatabaseSignature parsed = DatabaseSignature.parse(json.getBytes(StandardCharsets.UTF_8), "sig");
        assertThat(new SignatureVerifier(List.of(k.trusted())).verify(parsed, "sig")).isEqualTo(k.trusted());
    }

    @Test
    void forgedAndAlteredSignaturesAreRefused() throws IOException {
        Keys trusted = keys(SignatureAlgorithm.ED25519, "trusted");
        Keys other = keys(SignatureAlgorithm.ED25519, "other");
        Keys ecdsa = keys(SignatureAlgorithm.ECDSA_P256_SHA256, "ecdsa");
        SignatureVerifier verifier = new SignatureVerifier(List.of(trusted.trusted()));

        DatabaseSignature forged = new DatabaseSigner(other.signing()).sign(DB);
        assertThatThrownBy(() -> verifier.verify(forged, "sig")).isInstanceOf(KensaException.class)
                .hasMessage("sig: the signature does not verify with the trusted key " + trusted.publicFile()
                        + " (forged, or signed with another key)");

        // a genuine signature moved onto another database
        DatabaseSignature genuine = new DatabaseSigner(trusted.signing()).sign(DB);
        DatabaseSignature moved = new DatabaseSignature(SignatureAlgorithm.ED25519,
                new SignedDatabase(DB.digest(), DB.size() + 1), genuine.signature());
        assertThatThrownBy(() -> verifier.verify(moved, "sig")).hasMessageContaining("does not verify");

        // a signature of another kind than any trusted key
        DatabaseSignature byEcdsa = new DatabaseSigner(ecdsa.signing()).sign(DB);
        assertThatThrownBy(() -> verifier.verify(byEcdsa, "sig")).isInstanceOf(KensaException.class)
                .hasMessage("sig: signed with ecdsa-p256-sha256, but no trusted key (--db-public-key) is of that kind: "
                        + trusted.publicFile());
        // a document claiming ECDSA with an Ed25519 signature is not verified as Ed25519
        DatabaseSignature relabelled = new DatabaseSignature(SignatureAlgorithm.ECDSA_P256_SHA256, DB, genuine.signature());
        assertThatThrownBy(() -> new SignatureVerifier(List.of(trusted.trusted(), ecdsa.trusted())).verify(relabelled, "sig"))
                .hasMessage("sig: the signature does not verify with the trusted key " + ecdsa.publicFile()
                        + " (forged, or signed with another key)");
        // several trusted keys: any one that verifies will do (key rotation)
        assertThat(new SignatureVerifier(List.of(other.trusted(), trusted.trusted())).verify(genuine, "sig"))
                .isEqualTo(trusted.trusted());
    }

    @Test
    void malformedDocumentsAreOneLine() {
        String ok = "\"mediaType\":\"" + DatabaseSignature.MEDIA_TYPE + "\"";
        String db = "\"database\":{\"digest\":\"" + DB.digest() + "\",\"size\":1}";
        assertMalformed("not json", "sig: not a Kensa database signature (not JSON)");
        assertMalformed("{\"algorithm\":\"ed25519\"}", "sig: not a Kensa database signature (mediaType is not "
                + DatabaseSignature.MEDIA_TYPE + ")");
        assertMalformed("{" + ok + ",\"algorithm\":\"rsa\"," + db + ",\"signature\":\"AAAA\"}",
                "sig: unsupported signature algorithm 'rsa' (supported: ed25519, ecdsa-p256-sha256)");
        assertMalformed("{" + ok + ",\"algorithm\":\"ed25519\",\"database\":{\"size\":1},\"signature\":\"AAAA\"}",
                "sig: malformed Kensa database signature (database digest or size missing)");
        assertMalformed("{" + ok + ",\"algorithm\":\"ed25519\",\"database\":{\"digest\":\"sha256:" + "a".repeat(64)
                        + "\",\"size\":-5},\"signature\":\"AAAA\"}",
                "sig: malformed Kensa database signature (database digest or size missing)");
        assertMalformed("{" + ok + ",\"algorithm\":\"ed25519\",\"database\":{\"digest\":\"sha512:" + "a".repeat(128)
                + "\",\"size\":1},\"signature\":\"AAAA\"}", "sig: malformed Kensa database signature (the digest must be sha256)");
        assertMalformed("{" + ok + ",\"algorithm\":\"ed25519\"," + db + ",\"signature\":\"!!\"}",
                "sig: malformed Kensa database signature (signature is not base64)");
        assertMalformed("{" + ok + ",\"algorithm\":\"ed25519\"," + db + ",\"signature\":\"\"}",
                "sig: malformed Kensa database signature (signature of 0 bytes)");
        assertMalformed(" ".repeat(DatabaseSignature.MAX_BYTES + 1),
                "sig: not a Kensa database signature (larger than 16384 bytes)");
    }

    private static void assertMalformed(String json, String message) {
        assertThatThrownBy(() -> DatabaseSignature.parse(json.getBytes(StandardCharsets.UTF_8), "sig"))
                .isInstanceOf(KensaException.class).hasMessage(message);
    }
}
