package io.kensa.image.registry;

import io.kensa.core.KensaException;
import io.kensa.image.layer.Blobs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * GETs plain {@code http(s)://} URLs (files published on a web server, not through the registry API) with the
 * registry client's transport: bounded waits, retries of 429/5xx/dropped connections, redirects followed without
 * downgrading HTTPS, and one-line errors. No credentials are sent.
 */
public final class UrlFetcher implements AutoCloseable {
    private final HttpTransport transport;

    public UrlFetcher(ClientSettings settings) {
        this.transport = new HttpTransport(settings);
    }

    /** Checks that {@code text} is an absolute http or https URL; fails with one line naming {@code option}. */
    public static URI parse(String text, String option) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (java.net.URISyntaxException e) {
            throw new KensaException(option + ": not a URL: " + HttpTransport.clip(text));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new KensaException(option + ": not an http:// or https:// URL: " + HttpTransport.clip(text));
        }
        return uri;
    }

    /**
     * Opens the body of {@code uri}; {@code what} names it in errors. Fails at once on a status other than 200 or
     * when the server announces more than {@code maxBytes}; the caller bounds what it reads.
     */
    public InputStream open(URI uri, String what, long maxBytes) {
        InputStream in = openIfExists(uri, what, maxBytes);
        if (in == null) {
            throw new KensaException(uri.getAuthority() + " answered HTTP 404" + describe(404) + " while fetching " + what);
        }
        return in;
    }

    /** Like {@link #open}, but null when the server answers 404 (not found) or 410 (gone). */
    public InputStream openIfExists(URI uri, String what, long maxBytes) {
        RegistryResponse response = transport.send(new HttpTransport.Exchange("GET", uri, Map.of(), null, what));
        int status = response.status();
        if (status == 404 || status == 410) {
            response.close();
            return null;
        }
        if (status != 200) {
            response.close();
            throw new KensaException(uri.getAuthority() + " answered HTTP " + status + describe(status)
                    + " while fetching " + what);
        }
        long length = response.contentLength();
        if (length > maxBytes) {
            response.close();
            throw new KensaException(what + " is larger than " + maxBytes + " bytes (" + length + " announced)");
        }
        return response.body();
    }

    /** Reads the body of {@code uri} whole: at most {@code limit} bytes; null when it does not exist (404, 410). */
    public byte[] readIfExists(URI uri, String what, int limit) {
        try (InputStream in = openIfExists(uri, what, limit)) {
            return in == null ? null : Blobs.readBounded(in, limit, what);
        } catch (IOException e) {
            throw transport.failure(e, uri, what);
        }
    }

    /** The one-line error for a failure while reading the body of {@code uri}. */
    public KensaException failure(IOException e, URI uri, String what) {
        return transport.failure(e, uri, what);
    }

    private static String describe(int status) {
        return switch (status) {
            case 401 -> " (unauthorized)";
            case 403 -> " (forbidden)";
            case 404 -> " (not found)";
            case 410 -> " (gone)";
            default -> "";
        };
    }

    @Override
    public void close() {
        transport.close();
    }
}
