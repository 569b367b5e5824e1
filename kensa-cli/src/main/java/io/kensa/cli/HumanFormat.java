package io.kensa.cli;

import java.time.Duration;
import java.util.Locale;

/** Sizes and durations as people read them. */
final class HumanFormat {
    private HumanFormat() {
    }

    /** {@code 512 B}, {@code 180.0 KiB}, {@code 1.2 MiB} … */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** {@code 0.42 s}, {@code 12.3 s}, {@code 3 min 20 s}. */
    static String duration(Duration d) {
        double s = d.toNanos() / 1e9;
        if (s < 10) {
            return String.format(Locale.ROOT, "%.2f s", s);
        }
        if (s < 120) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        return d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }

    /** {@code 2,406}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 5 minutes}, {@code 3 hours}, {@code 2 days}: how long ago, roughly. */
    static String age(Duration d) {
        if (d.isNegative()) {
            return "in the future";
        }
        long m = d.toMinutes();
        if (m < 2) {
            return "just now";
        }
        if (m < 120) {
            return m + " minutes ago";
        }
        long h = d.toHours();
        return h < 48 ? h + " hours ago" : d.toDays() + " days ago";
    }
}
