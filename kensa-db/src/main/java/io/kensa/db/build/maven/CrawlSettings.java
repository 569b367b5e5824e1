package io.kensa.db.build.maven;

import java.time.Duration;

/**
 * How a crawl talks to the repository.
 *
 * @param concurrency    requests in flight at most
 * @param maxAttempts    attempts per request in all (1 = no retry); 429, 5xx and dropped connections are retried
 * @param initialBackoff the wait before the first retry; each later wait doubles (with jitter) up to maxBackoff
 * @param maxBackoff     the longest wait between attempts, also the cap on a server's {@code Retry-After}
 * @param timeout        connect timeout, and the longest wait for a response
 * @param maxFailures    requests that may fail for good before the crawl stops asking (a repository that is down
 *                       is not hammered with every remaining request)
 */
public record CrawlSettings(int concurrency, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                            Duration timeout, int maxFailures) {
    /** Eight requests in flight, four attempts each with waits from 0.5 s to 8 s. */
    public static final CrawlSettings DEFAULT = new CrawlSettings(8, 4, Duration.ofMillis(500), Duration.ofSeconds(8),
            Duration.ofSeconds(30), 20);

    public CrawlSettings {
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("concurrency must be between 1 and 64");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public CrawlSettings withConcurrency(int n) {
        return new CrawlSettings(n, maxAttempts, initialBackoff, maxBackoff, timeout, maxFailures);
    }
}
