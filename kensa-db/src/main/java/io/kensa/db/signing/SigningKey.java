package io.kensa.db.signing;

import java.nio.file.Path;
import java.security.PrivateKey;

/**
 * A private key that signs databases.
 *
 * @param key       the key
 * @param algorithm what it signs with
 * @param source    the file it was read from, or null when made in memory
 */
public record SigningKey(PrivateKey key, SignatureAlgorithm algorithm, Path source) {
    @Override
    public String toString() {
        return "SigningKey[" + algorithm.wireName() + ", " + source + "]";
    }
}
