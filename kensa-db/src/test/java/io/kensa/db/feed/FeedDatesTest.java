package io.kensa.db.feed;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The date-times the feeds write, each as its publisher writes it. */
class FeedDatesTest {
    @Test
    void eachPublishersForm() {
        // NVD: local time meant as UTC, milliseconds
        assertThat(FeedDates.instant("2021-12-28T20:15:08.400")).isEqualTo(Instant.parse("2021-12-28T20:15:08.400Z"));
        // CISA KEV: an instant with 4 fraction digits
        assertThat(FeedDates.instant("2025-08-25T17:04:19.9796Z")).isEqualTo(Instant.parse("2025-08-25T17:04:19.9796Z"));
        // EPSS: an offset without a colon
        assertThat(FeedDates.instant("2023-03-07T00:00:00+0000")).isEqualTo(Instant.parse("2023-03-07T00:00:00Z"));
        // JVN: an offset with a colon, sometimes no seconds
        assertThat(FeedDates.instant("2018-03-13T11:57:52+09:00")).isEqualTo(Instant.parse("2018-03-13T02:57:52Z"));
        assertThat(FeedDates.instant("2025-04-11T23:52+09:00")).isEqualTo(Instant.parse("2025-04-11T14:52:00Z"));
        // a date alone: its start, UTC
        assertThat(FeedDates.instant("2021-12-10")).isEqualTo(Instant.parse("2021-12-10T00:00:00Z"));
        assertThat(FeedDates.date(" 2021-12-10 ")).isEqualTo(LocalDate.of(2021, 12, 10));
    }

    @Test
    void notADate() {
        assertThat(FeedDates.instant(null)).isNull();
        assertThat(FeedDates.instant(" ")).isNull();
        assertThat(FeedDates.instant("yesterday")).isNull();
        assertThat(FeedDates.instant("2021-13-01T00:00:00Z")).isNull();
        assertThat(FeedDates.instant("2021-12-10T00:00:00+0000" + "0".repeat(100))).isNull();
        assertThat(FeedDates.date("25/08/2025")).isNull();
        assertThat(FeedDates.date(null)).isNull();
    }
}
