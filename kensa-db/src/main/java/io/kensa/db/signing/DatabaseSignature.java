package io.kensa.db.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kensa.core.Digest;
import io.kensa.core.KensaException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A signature document ({@value #MEDIA_TYPE}): the algorithm, the database it vouches for, and the signature of
 * {@link SignedDatabase#message()}, in base64.
 * <pre>
 * {"mediaType":"application/vnd.kensa.db.signature.v1+json","algorithm":"ed25519",
 *  "database":{"digest":"sha256:…","size":123},"signature":"…"}
 * </pre>
 *
 * @param algorithm what made the signature
 * @param database  what it vouches for
 * @param signature the raw signature (64 bytes for Ed25519, DER for ECDSA)
 */
public record DatabaseSignature(SignatureAlgorithm algorithm, SignedDatabase database, byte[] signature) {
    public static final String MEDIA_TYPE = "application/vnd.kensa.db.signature.v1+json";
    /** A signature document is a few hundred bytes; anything much larger is not one. */
    public static final int MAX_BYTES = 16 * 1024;
    private static final int MAX_SIGNATURE_BYTES = 512;
    private static final ObjectMapper JSON = new ObjectMapper();

    public DatabaseSignature {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The document, as stored beside the database. */
    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("mediaType", MEDIA_TYPE);
        root.put("algorithm", algorithm.wireName());
        ObjectNode db = root.putObject("database");
        db.put("digest", database.digest().toString());
        db.put("size", database.size());
        root.put("signature", Base64.getEncoder().encodeToString(signature));
        try {
            return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a signature document; {@code where} names it in the one-line errors. */
    public static DatabaseSignature parse(byte[] bytes, String where) {
        if (bytes.length > MAX_BYTES) {
            throw new KensaException(where + ": not a Kensa database signature (larger than " + MAX_BYTES + " bytes)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new KensaException(where + ": not a Kensa database signature (not JSON)");
        }
        if (root == null || !root.isObject() || !MEDIA_TYPE.equals(root.path("mediaType").asText(null))) {
            throw new KensaException(where + ": not a Kensa database signature (mediaType is not " + MEDIA_TYPE + ")");
        }
        SignatureAlgorithm algorithm;
        try {
            algorithm = SignatureAlgorithm.byName(root.path("algorithm").asText(null));
        } catch (KensaException e) {
            throw new KensaException(where + ": " + e.getMessage());
        }
        JsonNode db = root.path("database");
        JsonNode size = db.path("size");
        if (!db.path("digest").isTextual() || !size.canConvertToLong() || !size.isIntegralNumber() || size.asLong() < 0) {
            throw new KensaException(where + ": malformed Kensa database signature (database digest or size missing)");
        }
        Digest digest;
        try {
            digest = Digest.parse(db.path("digest").asText());
        } catch (KensaException e) {
            throw new KensaException(where + ": malformed Kensa database signature (" + e.getMessage() + ")");
        }
        if (!digest.algorithm().equals("sha256")) {
            throw new KensaException(where + ": malformed Kensa database signature (the digest must be sha256)");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(root.path("signature").asText(""));
        } catch (IllegalArgumentException e) {
            throw new KensaException(where + ": malformed Kensa database signature (signature is not base64)");
        }
        if (signature.length == 0 || signature.length > MAX_SIGNATURE_BYTES) {
            throw new KensaException(where + ": malformed Kensa database signature (signature of " + signature.length
                    + " bytes)");
        }
        return new DatabaseSignature(algorithm, new SignedDatabase(digest, size.asLong()), signature);
    }
}
