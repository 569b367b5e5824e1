package io.kensa.db.feed;

import io.kensa.db.store.DatabaseWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * One publisher's data, read in the format its publisher serves, into the database being built. A feed skips a
 * malformed record with a warning naming the file (and line or record id) via {@link FeedWarnings}; a malformed
 * archive or file as a whole (not the format at all, unreadable) fails the build by throwing a one-line
 * {@link io.kensa.core.KensaException}. Register each feed in {@link FeedRegistry#defaults()}.
 */
public interface Feed {

    /** A short stable name, e.g. {@code maven-sha1-index}; the key of the feed's row in the {@code feeds} table. */
    String id();

    /** Where the feed's data lives, relative to the feeds folder (or a URL), for messages and {@code db info}. */
    String source();

    /**
     * Whether {@code feedsDir} holds this feed's data. Cheap: a look at a path or two. {@code feedsDir} is null when
     * the build has no feeds folder: a feed read from the folder answers false, one that fetches its data (a Maven
     * repository crawl) true.
     */
    boolean presentIn(Path feedsDir);

    /** Reads the feed from {@code feedsDir} (null when there is none) into {@code db}. */
    FeedResult load(Path feedsDir, DatabaseWriter db, FeedWarnings warnings) throws IOException, SQLException;

    /** Called once the database is in place: a feed that kept progress for a resumed build discards it. */
    default void built() throws IOException {
    }
}
