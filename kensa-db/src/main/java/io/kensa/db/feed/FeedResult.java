package io.kensa.db.feed;

import java.time.Instant;

/**
 * What a feed loaded.
 *
 * @param records  the records it gave (malformed ones, skipped, are not counted)
 * @param snapshot the date of the data (the publisher's, or the file's modification time when the format has none);
 *                 null when unknown
 */
public record FeedResult(long records, Instant snapshot) {
}
