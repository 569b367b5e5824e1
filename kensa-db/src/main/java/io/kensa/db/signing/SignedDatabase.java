package io.kensa.db.signing;

import io.kensa.core.Digest;

import java.nio.charset.StandardCharsets;

/**
 * What a signature vouches for: the uncompressed database file, by its sha256 and length.
 *
 * @param digest the sha256 of the database file
 * @param size   its length in bytes
 */
public record SignedDatabase(Digest digest, long size) {
    /** The first line of every signed message: what is signed, and the version of this format. */
    public static final String MESSAGE_HEADER = "kensa-db-signature-v1";

    public SignedDatabase {
        if (!digest.algorithm().equals("sha256")) {
            throw new IllegalArgumentException("a database is signed by its sha256");
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size");
        }
    }

    /**
     * The bytes that are signed: {@code kensa-db-signature-v1\nsha256:<hex>\n<size>\n} in ASCII. A short, fixed
     * message (not the database itself) so that Ed25519, which cannot sign a stream, signs it as easily as ECDSA,
     * and so that anyone can check a signature with OpenSSL (see ARTIFACT.md).
     */
    public byte[] message() {
        return (MESSAGE_HEADER + "\n" + digest + "\n" + size + "\n").getBytes(StandardCharsets.US_ASCII);
    }
}
