package io.kensa.image.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;

/**
 * A registry response whose status is final (no redirect, no retry left to do): the caller reads or closes the body.
 *
 * @param status  the HTTP status
 * @param headers the response headers
 * @param uri     the URI that answered (after redirects)
 * @param body    the body, failing if the server stalls
 */
record RegistryResponse(int status, HttpHeaders headers, URI uri, InputStream body) implements AutoCloseable {

    /** A header value, or null. */
    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The Content-Length, or -1. */
    long contentLength() {
        return headers.firstValueAsLong("Content-Length").orElse(-1);
    }

    /** The media type of Content-Type without parameters, or null. */
    String mediaType() {
        String type = header("Content-Type");
        if (type == null) {
            return null;
        }
        int semi = type.indexOf(';');
        return (semi >= 0 ? type.substring(0, semi) : type).trim();
    }

    /** Reads at most {@code limit} bytes of the body (for error documents), never failing. */
    byte[] bodyPrefix(int limit) {
        try (InputStream in = body) {
            return in.readNBytes(limit);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // closing a response body that failed already
        }
    }
}
