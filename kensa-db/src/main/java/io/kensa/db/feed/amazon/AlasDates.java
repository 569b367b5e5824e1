package io.kensa.db.feed.amazon;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The dates of {@code updateinfo.xml}: {@code 2024-01-03 23:20:00} (Amazon, UTC), a plain date, or seconds since
 * the epoch (some createrepo versions); null when none of these.
 */
final class AlasDates {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private AlasDates() {
    }

    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            if (t.chars().allMatch(Character::isDigit) && t.length() <= 12) {
                return Instant.ofEpochSecond(Long.parseLong(t));
            }
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return LocalDateTime.parse(t.length() > 19 ? t.substring(0, 19) : t, DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }
}
