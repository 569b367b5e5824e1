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

    /** A name or message from a feed, fit for a one-line message: control characters replaced, cut at 200. */
    public static String printable(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 200));
        s.codePoints().limit(200).forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return s.length() > 200 ? b + "…" : b.toString();
    }
}
