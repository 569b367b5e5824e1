package io.kensa.image.registry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long a registry request is retried after a 429, a 5xx or a dropped connection.
 *
 * @param maxAttempts    attempts in all, the first included (1 = no retry)
 * @param initialBackoff the wait before the first retry; each later wait doubles, with jitter
 * @param maxBackoff     the longest computed wait
 * @param maxRetryAfter  the longest wait a server's {@code Retry-After} may impose
 * @param maxTotal       the longest time all attempts of one request may take together
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
                          Duration maxTotal) {
    /** Five attempts within a minute, waits from 0.5 s to 8 s, a server may ask for up to 30 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(8),
            Duration.ofSeconds(30), Duration.ofSeconds(60));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The wait before attempt {@code attempt + 1} (attempt counts from 1): exponential with equal jitter. */
    public Duration backoff(int attempt) {
        long base = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(Math.max(base, 0), maxBackoff.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0));
    }

    /** The wait a server asked for, capped at {@link #maxRetryAfter()}. */
    public Duration retryAfter(Duration asked) {
        return asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
    }
}
