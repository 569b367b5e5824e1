package io.kensa.db.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** What {@code kensa db info} shows about a database. */
public record DatabaseInfo(Path file, long bytes, int schemaVersion, Instant buildTime, String kensaVersion,
                           List<FeedRecord> feeds, long javaIndexRows) {
}
