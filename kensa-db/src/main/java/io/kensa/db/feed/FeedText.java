package io.kensa.db.feed;

/** Bits of feed text quoted in warnings: cut short, so a huge bad field costs a line, not a megabyte. */
public final class FeedText {
    private static final int MAX = 80;

    private FeedText() {
    }

    /** {@code s} cut to 80 characters (with an ellipsis when cut); "" for null. */
    public static String clip(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > MAX ? s.substring(0, MAX) + "…" : s;
    }
}
