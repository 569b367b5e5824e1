package io.kensa.db.feed;

import java.util.ArrayList;
import java.util.List;

/**
 * Warnings about skipped records of one feed: all are counted, the first {@value #KEPT} are kept for display, so a
 * feed with a million bad rows costs a counter, not a million strings.
 */
public final class FeedWarnings {
    static final int KEPT = 100;

    private final List<String> kept = new ArrayList<>();
    private long count;

    /** A skipped record: {@code where} names the file (and line or record id), {@code what} the problem. */
    public synchronized void add(String where, String what) {
        count++;
        if (kept.size() < KEPT) {
            kept.add(where + ": " + what);
        }
    }

    public synchronized long count() {
        return count;
    }

    /** The first warnings, in order. */
    public synchronized List<String> first() {
        return List.copyOf(kept);
    }
}
