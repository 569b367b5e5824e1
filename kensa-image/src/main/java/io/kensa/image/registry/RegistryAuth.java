package io.kensa.image.registry;

import io.kensa.core.KensaException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The authentication state of one registry: answers {@code WWW-Authenticate} challenges (Basic with the user's
 * credentials; Bearer by fetching a token from the realm) and remembers the answer, so that later requests
 * send it at once: Basic for every request, a bearer token per scope until it expires.
 */
final class RegistryAuth {
    private final String registry;
    private final Supplier<Optional<Credentials>> credentialSource;
    private final TokenFetcher tokens;
    private final Map<String, BearerToken> tokensByScope = new ConcurrentHashMap<>();
    private volatile boolean basic;
    private volatile Optional<Credentials> credentials;

    /**
     * @param registry          the registry's name, for messages
     * @param credentialSource  looks credentials up; called at most once, on the first challenge
     * @param tokens            fetches bearer tokens
     */
    RegistryAuth(String registry, Supplier<Optional<Credentials>> credentialSource, TokenFetcher tokens) {
        this.registry = registry;
        this.credentialSource = credentialSource;
        this.tokens = tokens;
    }

    /** The Authorization header to send at once for a request needing {@code scope}, or null (anonymous). */
    String authorizationFor(String scope) {
        if (basic) {
            return credentials().map(Credentials::basicAuthorization).orElse(null);
        }
        BearerToken token = tokensByScope.get(scope);
        if (token != null && token.usable()) {
            return token.authorization();
        }
        return null;
    }

    /**
     * Answers the challenges of a 401 to a request needing {@code scope}: the Authorization header to retry with.
     * Fails with one line when the registry wants credentials that the user has not given.
     */
    String answer(List<AuthChallenge> challenges, String scope) {
        AuthChallenge bearer = challenges.stream().filter(AuthChallenge::isBearer).findFirst().orElse(null);
        if (bearer != null) {
            List<String> scopes = scopes(bearer, scope);
            BearerToken token = tokens.fetch(bearer, scopes, credentials().orElse(null));
            tokensByScope.put(scope, token);
            return token.authorization();
        }
        if (challenges.stream().anyMatch(AuthChallenge::isBasic)) {
            Credentials c = credentials().filter(Credentials::hasPassword).orElseThrow(() -> new KensaException(
                    "registry " + registry + " requires authentication and no credentials were found for it;"
                            + " give --username and --password, or log in with docker login"));
            basic = true;
            return c.basicAuthorization();
        }
        String schemes = challenges.isEmpty() ? "none" : String.join(", ", challenges.stream().map(AuthChallenge::scheme).toList());
        throw new KensaException("registry " + registry + " requires an unsupported authentication scheme (" + schemes + ")");
    }

    /** Forgets the token for {@code scope} (it was refused). */
    void forget(String scope) {
        tokensByScope.remove(scope);
    }

    /** Whether credentials were found for this registry (looking them up if not done yet). */
    boolean hasCredentials() {
        return credentials().isPresent();
    }

    /** Where the credentials in use came from, e.g. "--username/--password", or null. */
    String credentialOrigin() {
        return credentials().map(Credentials::origin).orElse(null);
    }

    private Optional<Credentials> credentials() {
        Optional<Credentials> c = credentials;
        if (c == null) {
            synchronized (this) {
                if (credentials == null) {
                    credentials = credentialSource.get();
                }
                c = credentials;
            }
        }
        return c;
    }

    /**
     * The scopes to ask the token service for: the challenge's (space separated) and ours. A registry names the
     * scope of the request at hand (pull for the HEAD that precedes an upload), so a client about to push asks for
     * push rights at once and one token serves the whole push.
     */
    private static List<String> scopes(AuthChallenge bearer, String scope) {
        String asked = bearer.param("scope");
        java.util.LinkedHashSet<String> scopes = new java.util.LinkedHashSet<>();
        if (asked != null && !asked.isBlank()) {
            scopes.addAll(List.of(asked.trim().split("\\s+")));
        }
        if (scope != null) {
            scopes.add(scope);
        }
        return List.copyOf(scopes);
    }
}
