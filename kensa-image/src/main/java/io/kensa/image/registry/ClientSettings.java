package io.kensa.image.registry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Transport settings of the registry client: every network wait is bounded.
 *
 * @param connectTimeout   longest wait for a TCP/TLS connection
 * @param responseTimeout  longest wait for the response headers of one request
 * @param readTimeout      longest wait for the next bytes of a response body (a stalled body fails)
 * @param retry            retries of 429, 5xx and dropped connections
 * @param maxRedirects     redirects followed per request (blob storage)
 * @param helperSearchPath where {@code docker-credential-*} helpers are looked up; null means {@code $PATH}
 * @param helperTimeout    longest run of a credential helper
 */
public record ClientSettings(Duration connectTimeout, Duration responseTimeout, Duration readTimeout,
                             RetryPolicy retry, int maxRedirects, List<Path> helperSearchPath, Duration helperTimeout) {
    /** Connect 15 s, headers 60 s, body idle 60 s, {@link RetryPolicy#DEFAULT}, 5 redirects, helpers from $PATH for 15 s. */
    public static final ClientSettings DEFAULT = new ClientSettings(Duration.ofSeconds(15), Duration.ofSeconds(60),
            Duration.ofSeconds(60), RetryPolicy.DEFAULT, 5, null, Duration.ofSeconds(15));

    public ClientSettings {
        helperSearchPath = helperSearchPath == null ? null : List.copyOf(helperSearchPath);
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative");
        }
    }

    public ClientSettings withRetry(RetryPolicy policy) {
        return new ClientSettings(connectTimeout, responseTimeout, readTimeout, policy, maxRedirects, helperSearchPath, helperTimeout);
    }

    public ClientSettings withTimeouts(Duration connect, Duration response, Duration read) {
        return new ClientSettings(connect, response, read, retry, maxRedirects, helperSearchPath, helperTimeout);
    }

    public ClientSettings withHelperSearchPath(List<Path> path) {
        return new ClientSettings(connectTimeout, responseTimeout, readTimeout, retry, maxRedirects, path, helperTimeout);
    }
}
