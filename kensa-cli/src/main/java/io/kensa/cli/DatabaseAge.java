package io.kensa.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The age check of a database: older than the allowed age is a warning on stderr, never a failure. The default,
 * 5 days, is Grype's {@code max-allowed-built-age} (120 h); Grype refuses to scan past it, Kensa warns.
 */
final class DatabaseAge {
    static final String DEFAULT = "5d";

    private DatabaseAge() {
    }

    /** The warning for a database built at {@code built}, or null when it is young enough (or its age unknown). */
    static String warning(Path file, Instant built, Duration maxAge, Instant now) {
        if (built == null || maxAge == null) {
            return null;
        }
        Duration age = Duration.between(built, now);
        if (age.compareTo(maxAge) <= 0) {
            return null;
        }
        return "the database " + file + " was built " + HumanFormat.age(age) + ", more than "
                + AgeConverter.describe(maxAge) + " ago: update it with kensa db update";
    }
}
