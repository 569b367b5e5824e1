package io.kensa.image.registry;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    @Test
    void backOffGrowsExponentiallyWithJitterUpToTheCap() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(5), Duration.ofSeconds(60));
        for (int i = 0; i < 50; i++) {
            assertThat(p.backoff(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(p.backoff(2)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
            assertThat(p.backoff(3)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(p.backoff(9)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
            assertThat(p.backoff(60)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        }
        assertThat(p.retryAfter(Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.retryAfter(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertThat(HttpTransport.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(HttpTransport.retryAfter(" 0 ")).isEqualTo(Duration.ZERO);
        assertThat(HttpTransport.retryAfter(null)).isNull();
        assertThat(HttpTransport.retryAfter("soon")).isNull();
        assertThat(HttpTransport.retryAfter("-1")).isNull();
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        assertThat(HttpTransport.retryAfter(inTenSeconds)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
        assertThat(HttpTransport.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
    }

    @Test
    void onlyTransientStatusesAreRetried() {
        assertThat(HttpTransport.isRetryable(429)).isTrue();
        assertThat(HttpTransport.isRetryable(500)).isTrue();
        assertThat(HttpTransport.isRetryable(502)).isTrue();
        assertThat(HttpTransport.isRetryable(503)).isTrue();
        assertThat(HttpTransport.isRetryable(504)).isTrue();
        assertThat(HttpTransport.isRetryable(501)).isFalse();
        assertThat(HttpTransport.isRetryable(404)).isFalse();
        assertThat(HttpTransport.isRetryable(401)).isFalse();
    }
}
