package io.kensa.db.signing;

import java.nio.file.Path;
import java.security.PublicKey;

/**
 * A public key the user trusts to sign databases.
 *
 * @param key       the key
 * @param algorithm what it verifies
 * @param source    the file it was read from, named in messages
 */
public record TrustedKey(PublicKey key, SignatureAlgorithm algorithm, Path source) {
}
