package io.kensa.db.model;

/**
 * One event of an affected range, as OSV defines them: {@code introduced} (0 means "from the first version"),
 * {@code fixed}, {@code last_affected} and {@code limit}.
 */
public record RangeEvent(Kind kind, String version) {
    public enum Kind { INTRODUCED, FIXED, LAST_AFFECTED, LIMIT }

    public static RangeEvent introduced(String v) {
        return new RangeEvent(Kind.INTRODUCED, v);
    }

    public static RangeEvent fixed(String v) {
        return new RangeEvent(Kind.FIXED, v);
    }

    public static RangeEvent lastAffected(String v) {
        return new RangeEvent(Kind.LAST_AFFECTED, v);
    }

    public static RangeEvent limit(String v) {
        return new RangeEvent(Kind.LIMIT, v);
    }
}
