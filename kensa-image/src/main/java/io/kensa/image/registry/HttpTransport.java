package io.kensa.image.registry;

import io.kensa.core.KensaException;
import io.kensa.core.KensaVersion;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Flow;

/**
 * Sends one logical registry request over {@link HttpClient}: follows redirects itself (bounded, never sending
 * the Authorization header to another origin, never downgrading HTTPS to HTTP), retries 429, 5xx and dropped
 * connections with exponential back-off within {@link RetryPolicy} bounds, and turns transport failures into
 * one-line {@link KensaException}s. Responses with any other status are returned to the caller.
 */
final class HttpTransport implements AutoCloseable {
    private final HttpClient http;
    private final ClientSettings settings;
    private final String userAgent = "kensa/" + KensaVersion.get();

    HttpTransport(ClientSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * One request to be sent.
     *
     * @param method        GET, HEAD, POST or PUT
     * @param uri           the target
     * @param headers       extra headers (Accept, Content-Type, …)
     * @param authorization the Authorization header for {@code uri}'s origin only, or null
     * @param what          what is fetched or sent, for error messages, e.g. "the manifest of host/repo:tag"
     * @param body          a request body (a form for POST, a blob for PUT) that can be sent again on a retry, or null
     */
    record Exchange(String method, URI uri, Map<String, String> headers, String authorization, String what,
                    HttpRequest.BodyPublisher body) {
        Exchange(String method, URI uri, Map<String, String> headers, String authorization, String what) {
            this(method, uri, headers, authorization, what, null);
        }

        /** "fetching" for reads, "sending" for requests that carry or create content, as error messages say it. */
        String doing() {
            return method.equals("GET") || method.equals("HEAD") ? "fetching" : "sending";
        }
    }

    /** Sends {@code exchange}, retrying and following redirects; the returned response's status is final. */
    RegistryResponse send(Exchange exchange) {
        RetryPolicy retry = settings.retry();
        long deadline = System.nanoTime() + retry.maxTotal().toNanos();
        int attempt = 0;
        while (true) {
            attempt++;
            Duration wait;
            String failure;
            try {
                RegistryResponse response = followRedirects(exchange);
                if (!isRetryable(response.status())) {
                    return response;
                }
                Duration asked = retryAfter(response.header("Retry-After"));
                wait = asked != null ? retry.retryAfter(asked) : retry.backoff(attempt);
                failure = exchange.uri().getAuthority() + " answered HTTP " + response.status() + describeStatus(response.status());
                response.close();
            } catch (IOException e) {
                wait = retry.backoff(attempt);
                if (!TransportErrors.isRetryable(e) || attempt >= retry.maxAttempts()
                        || System.nanoTime() + wait.toNanos() > deadline) {
                    throw TransportErrors.describe(e, exchange.uri(), exchange.doing() + " " + exchange.what(), settings, attempt);
                }
                failure = null;
            }
            if (failure != null && (attempt >= retry.maxAttempts() || System.nanoTime() + wait.toNanos() > deadline)) {
                throw new KensaException(failure + " while " + exchange.doing() + " " + exchange.what() + " (gave up after "
                        + attempt + (attempt == 1 ? " attempt)" : " attempts)"));
            }
            sleep(wait);
        }
    }

    /** The one-line error for a failure while reading a response body of {@code uri}. */
    KensaException failure(IOException e, URI uri, String what) {
        return TransportErrors.describe(e, uri, "fetching " + what, settings, 1);
    }

    private RegistryResponse followRedirects(Exchange exchange) throws IOException {
        URI current = exchange.uri();
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder builder;
            try {
                builder = HttpRequest.newBuilder(current)
                        .timeout(settings.responseTimeout())
                        .method(exchange.method(), exchange.body() == null ? HttpRequest.BodyPublishers.noBody()
                                : exchange.body())
                        .header("User-Agent", userAgent);
                exchange.headers().forEach(builder::header);
                if (exchange.authorization() != null && sameOrigin(current, exchange.uri())) {
                    builder.header("Authorization", exchange.authorization());
                }
            } catch (IllegalArgumentException e) {
                throw new KensaException("cannot request " + clip(current.toString()) + " while " + exchange.doing() + " " + exchange.what()
                        + ": " + e.getMessage());
            }
            HttpResponse<Flow.Publisher<List<ByteBuffer>>> raw;
            try {
                raw = http.send(builder.build(), HttpResponse.BodyHandlers.ofPublisher());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KensaException("interrupted while " + exchange.doing() + " " + exchange.what());
            }
            RegistryResponse response = new RegistryResponse(raw.statusCode(), raw.headers(), current,
                    new IdleTimeoutBodyStream(raw.body(), settings.readTimeout(), exchange.what()));
            String location = response.header("Location");
            if (!isRedirect(response.status()) || location == null) {
                return response;
            }
            response.close();
            if (hop >= settings.maxRedirects()) {
                throw new KensaException("too many redirects (more than " + settings.maxRedirects() + ") while "
                        + exchange.doing() + " " + exchange.what());
            }
            current = resolveRedirect(current, location, exchange.what());
        }
    }

    private static URI resolveRedirect(URI from, String location, String what) {
        URI next;
        try {
            next = from.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw new KensaException("malformed redirect location '" + clip(location) + "' while fetching " + what);
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || next.getHost() == null) {
            throw new KensaException("unsupported redirect to '" + clip(location) + "' while fetching " + what);
        }
        if ("https".equalsIgnoreCase(from.getScheme()) && scheme.equals("http")) {
            throw new KensaException("refused a redirect from HTTPS to plain HTTP (" + next.getAuthority() + ") while fetching " + what);
        }
        return next;
    }

    /** Same scheme, host and port: only then may the registry's Authorization header follow a redirect. */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static boolean isRetryable(int status) {
        return status == 429 || (status >= 500 && status <= 599 && status != 501 && status != 505);
    }

    private static String describeStatus(int status) {
        return switch (status) {
            case 429 -> " (too many requests)";
            case 500 -> " (internal server error)";
            case 502 -> " (bad gateway)";
            case 503 -> " (service unavailable)";
            case 504 -> " (gateway timeout)";
            default -> "";
        };
    }

    /** The wait a {@code Retry-After} header asks for (seconds or an HTTP date), or null. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KensaException("interrupted while waiting to retry a registry request");
        }
    }

    static String clip(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
