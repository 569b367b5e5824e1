package io.kensa.db.store;

import io.kensa.core.MavenCoordinates;

import java.util.HexFormat;
import java.util.Locale;

/** One row of the Java index: the sha1 (lower-case hex) of a published jar and its coordinates. */
public record JavaIndexEntry(String sha1, MavenCoordinates coordinates) implements Comparable<JavaIndexEntry> {

    public JavaIndexEntry {
        if (!isSha1(sha1)) {
            throw new IllegalArgumentException("not a sha1: " + sha1);
        }
        sha1 = sha1.toLowerCase(Locale.ROOT);
    }

    /** Whether {@code s} is 40 hexadecimal digits. */
    public static boolean isSha1(String s) {
        if (s == null || s.length() != 40) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    byte[] sha1Bytes() {
        return HexFormat.of().parseHex(sha1);
    }

    @Override
    public int compareTo(JavaIndexEntry o) {
        int c = sha1.compareTo(o.sha1);
        return c != 0 ? c : coordinates.toString().compareTo(o.coordinates.toString());
    }
}
