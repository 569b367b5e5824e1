package io.kensa.db.build.maven;

import io.kensa.core.KensaVersion;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * GETs files from a Maven repository: bounded bodies, retries with exponential back-off (with jitter) on 429, 5xx
 * and dropped connections, {@code Retry-After} honoured up to the back-off cap. 404 and 410 are answers (the file
 * is absent), not failures.
 */
final class RepositoryClient implements AutoCloseable {
    private final HttpClient http;
    private final CrawlSettings settings;
    private final String userAgent = "kensa/" + KensaVersion.get();

    RepositoryClient(CrawlSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** A file's bytes, or null when the repository does not have it (404, 410). */
    byte[] get(URI uri, int maxBytes) throws FetchException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("User-Agent", userAgent).GET().build();
        for (int attempt = 1; ; attempt++) {
            String failure;
            Duration wait = backoff(attempt);
            try {
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                try (InputStream body = response.body()) {
                    if (status == 200) {
                        return readBounded(body, maxBytes, uri);
                    }
                }
                if (status == 404 || status == 410) {
                    return null;
                }
                failure = "HTTP " + status;
                if (status != 429 && status < 500) {
                    throw new FetchException(uri + ": " + failure);
                }
                Duration asked = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
                if (asked != null) {
                    wait = asked.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : asked;
                }
            } catch (TooLargeException e) {
                throw new FetchException(e.getMessage());
            } catch (IOException e) {
                failure = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                        : e.getMessage().replace('\n', ' ');
            }
            if (attempt >= settings.maxAttempts()) {
                throw new FetchException(uri + ": " + failure
                        + (attempt > 1 ? " (gave up after " + attempt + " attempts)" : ""));
            }
            Thread.sleep(wait);
        }
    }

    private Duration backoff(int attempt) {
        long base = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.max(0, Math.min(base, settings.maxBackoff().toMillis()));
        long half = capped / 2;
        return Duration.ofMillis(half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0));
    }

    /** {@code Retry-After} in seconds (the form repositories use); null when absent or another form. */
    private static Duration retryAfter(String value) {
        if (value == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.strip());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static byte[] readBounded(InputStream in, int maxBytes, URI uri) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new TooLargeException(uri + ": response larger than " + maxBytes + " bytes");
        }
        return bytes;
    }

    @Override
    public void close() {
        http.close();
    }

    /** A request that failed for good (after its retries). */
    static final class FetchException extends Exception {
        FetchException(String message) {
            super(message);
        }
    }

    private static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }
}
