package io.kensa.db.build;

import java.time.Instant;
import java.util.List;

/** What one feed gave a build: records, the date of its data, and its warnings (all counted, the first kept). */
public record FeedReport(String id, String source, long records, Instant snapshot, long warningCount,
                         List<String> firstWarnings) {
}
