package io.kensa.db.feed.ubuntu;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The tracker's dates: {@code 2024-03-11 17:15:00 UTC}, {@code 2024-03-11 17:15:00} or {@code 2024-03-11} (UTC). */
final class TrackerDates {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private TrackerDates() {
    }

    /** The instant, null when {@code text} is blank or no such date. */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.endsWith(" UTC")) {
            t = t.substring(0, t.length() - 4).strip();
        }
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return LocalDateTime.parse(t, DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
