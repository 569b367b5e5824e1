package io.kensa.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.core.KensaException;
import io.kensa.image.layer.Blobs;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fetches a bearer token from the realm of a {@code Bearer} challenge (the distribution token protocol): a GET
 * with {@code service} and {@code scope}, with HTTP Basic credentials when there are some, or the OAuth2
 * refresh-token POST when the credentials are an identity token. Accepts {@code token} or {@code access_token}.
 */
final class TokenFetcher {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TOKEN_RESPONSE = 1 << 20;
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]+");

    private final HttpTransport transport;
    private final boolean insecure;
    private final String registry;

    TokenFetcher(HttpTransport transport, boolean insecure, String registry) {
        this.transport = transport;
        this.insecure = insecure;
        this.registry = registry;
    }

    /** A token for {@code scopes} as the challenge asks for them; {@code credentials} may be null (anonymous). */
    BearerToken fetch(AuthChallenge challenge, List<String> scopes, Credentials credentials) {
        URI realm = realm(challenge);
        String service = challenge.param("service");
        String what = "a token from " + realm.getAuthority() + " for registry " + registry;
        HttpTransport.Exchange exchange;
        if (credentials != null && credentials.identityToken() != null) {
            List<String> form = new ArrayList<>();
            form.add(param("grant_type", "refresh_token"));
            form.add(param("refresh_token", credentials.identityToken()));
            form.add(param("client_id", "kensa"));
            if (service != null) {
                form.add(param("service", service));
            }
            if (!scopes.isEmpty()) {
                form.add(param("scope", String.join(" ", scopes)));
            }
            exchange = new HttpTransport.Exchange("POST", realm,
                    Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json"), null, what,
                    java.net.http.HttpRequest.BodyPublishers.ofByteArray(String.join("&", form).getBytes(StandardCharsets.UTF_8)));
        } else {
            List<String> query = new ArrayList<>();
            if (service != null) {
                query.add(param("service", service));
            }
            for (String scope : scopes) {
                query.add(param("scope", scope));
            }
            if (credentials != null) {
                query.add(param("account", credentials.username()));
            }
            URI uri = withQuery(realm, String.join("&", query));
            exchange = new HttpTransport.Exchange("GET", uri, Map.of("Accept", "application/json"),
                    credentials != null ? credentials.basicAuthorization() : null, what);
        }
        try (RegistryResponse response = transport.send(exchange)) {
            int status = response.status();
            if (status == 401 || status == 403) {
                RegistryErrors.ApiError error = RegistryErrors.read(response);
                throw new KensaException("authentication failed for registry " + registry + ": the token service "
                        + realm.getAuthority() + " answered HTTP " + status + error.describe()
                        + (credentials == null ? "; no credentials were found for it (give --username and --password, or log in with docker login)"
                        : "; check the credentials from " + credentials.origin()));
            }
            if (status != 200) {
                RegistryErrors.ApiError error = RegistryErrors.read(response);
                throw new KensaException("token service " + realm.getAuthority() + " of registry " + registry
                        + " answered HTTP " + status + error.describe());
            }
            byte[] body;
            try {
                body = Blobs.readBounded(response.body(), MAX_TOKEN_RESPONSE, "token response of " + realm.getAuthority());
            } catch (IOException e) {
                throw transport.failure(e, realm, what);
            }
            return parse(body, realm);
        }
    }

    private BearerToken parse(byte[] body, URI realm) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new KensaException("token service " + realm.getAuthority() + " sent a response that is not JSON");
        }
        String token = text(root, "token");
        if (token == null) {
            token = text(root, "access_token");
        }
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new KensaException("token service " + realm.getAuthority() + " sent no usable token");
        }
        long expiresIn = root.path("expires_in").asLong(60);
        return BearerToken.of(token, Duration.ofSeconds(Math.max(expiresIn, 0)));
    }

    private URI realm(AuthChallenge challenge) {
        String realm = challenge.param("realm");
        if (realm == null || realm.isBlank()) {
            throw new KensaException("registry " + registry + " asked for a bearer token but named no token service (realm)");
        }
        URI uri;
        try {
            uri = new URI(realm);
        } catch (URISyntaxException e) {
            throw new KensaException("registry " + registry + " named a malformed token service realm '" + HttpTransport.clip(realm) + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new KensaException("registry " + registry + " named an unusable token service realm '" + HttpTransport.clip(realm) + "'");
        }
        if (scheme.equals("http") && !insecure) {
            throw new KensaException("registry " + registry + " named a plain-HTTP token service " + uri.getAuthority()
                    + "; refusing to send credentials without TLS (use --insecure only for a test registry)");
        }
        return uri;
    }

    private static URI withQuery(URI realm, String query) {
        if (query.isEmpty()) {
            return realm;
        }
        String base = realm.toString();
        int hash = base.indexOf('#');
        if (hash >= 0) {
            base = base.substring(0, hash);
        }
        return URI.create(base + (realm.getRawQuery() == null ? "?" : "&") + query);
    }

    private static String param(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && !v.asText().isEmpty() ? v.asText() : null;
    }
}
