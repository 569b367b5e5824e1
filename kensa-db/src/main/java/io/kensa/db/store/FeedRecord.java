package io.kensa.db.store;

import java.time.Instant;

/**
 * What one feed contributed to a database: its id, where it was read from, the date of its data (null when the
 * feed does not say), the records it gave and the malformed records it skipped.
 */
public record FeedRecord(String id, String source, Instant snapshot, long records, long warnings) {
}
