package io.kensa.report.vuln;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps only the links a report may print as links: absolute {@code http} and {@code https} URLs with a host. A
 * feed's {@code javascript:} or {@code data:} URL, or a malformed one, is never a link.
 */
public final class WebLinks {
    private static final int MAX_LENGTH = 2048;

    private WebLinks() {
    }

    public static Optional<String> http(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String trimmed = url.strip();
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return Optional.of(uri.toASCIIString());
            }
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
