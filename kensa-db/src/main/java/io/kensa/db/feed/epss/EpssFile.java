package io.kensa.db.feed.epss;

import io.kensa.db.feed.FeedWarnings;
import io.kensa.db.store.DatabaseWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One file of EPSS scores, in one of the forms the feed reads. */
interface EpssFile {
    Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,19}");
    Pattern DATE_IN_NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");

    Path path();

    /** The file relative to the feeds folder, for messages. */
    String where();

    /** Whether this is FIRST's own daily CSV (preferred over a rendition of the same day: it has percentiles). */
    boolean nativeFormat();

    /** The day and model of the scores, read from the file's head (cheap). */
    EpssSnapshot snapshot() throws IOException;

    /**
     * Loads every score into {@code db}.
     *
     * @return how many scores were loaded
     */
    long load(DatabaseWriter db, FeedWarnings warnings) throws IOException, SQLException;

    /** The date in a file name ({@code epss_scores-2023-03-07.csv.gz}) as the start of that day, or null. */
    static Instant dateInName(Path file) {
        Matcher m = DATE_IN_NAME.matcher(file.getFileName().toString());
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDate.parse(m.group(1)).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A probability or a percentile: a number in [0, 1]; null when {@code text} is not one. */
    static Double probability(String text) {
        if (text == null || text.isBlank() || text.length() > 40) {
            return null;
        }
        try {
            double d = Double.parseDouble(text.strip());
            return d >= 0.0 && d <= 1.0 ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
