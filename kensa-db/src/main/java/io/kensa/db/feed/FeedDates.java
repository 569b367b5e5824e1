package io.kensa.db.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * The date-times feeds write, read into instants. Publishers differ: NVD writes local times meant as UTC
 * ({@code 2021-12-28T20:15:08.400}), CISA a {@code Z} instant, EPSS an offset without a colon
 * ({@code 2023-03-07T00:00:00+0000}), JVN an offset with one and sometimes no seconds
 * ({@code 2025-04-11T23:52+09:00}), and some only a date (read as its start, UTC).
 */
public final class FeedDates {
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    private FeedDates() {
    }

    /** The instant {@code text} names, or null when it is blank or not a date. */
    public static Instant instant(String text) {
        if (text == null || text.isBlank() || text.length() > 64) {
            return null;
        }
        String s = text.strip();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            TemporalAccessor t = DATE_TIME.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
            return t instanceof OffsetDateTime o ? o.toInstant() : ((LocalDateTime) t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The date {@code text} names ({@code YYYY-MM-DD}), or null when it is blank or not a date. */
    public static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
