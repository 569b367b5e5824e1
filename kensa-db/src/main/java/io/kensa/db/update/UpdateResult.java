package io.kensa.db.update;

import io.kensa.db.signing.TrustedKey;
import io.kensa.db.store.DatabaseInfo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * What an update did.
 *
 * @param updated          true when a new database was installed, false when the one in place was already the same
 * @param source           the source it came from
 * @param target           the database file
 * @param database         the database now in place
 * @param previousBuild    the build time of the database replaced, or null (none, or unreadable)
 * @param verifiedBy       the key that verified the signature, or null with {@code --insecure-skip-signature}
 * @param downloadedBytes  compressed bytes downloaded (0 when up to date)
 * @param elapsed          how long it took
 */
public record UpdateResult(boolean updated, String source, Path target, DatabaseInfo database, Instant previousBuild,
                           TrustedKey verifiedBy, long downloadedBytes, Duration elapsed) {
}
