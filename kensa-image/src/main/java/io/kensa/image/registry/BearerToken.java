package io.kensa.image.registry;

import java.time.Duration;
import java.time.Instant;

/**
 * A bearer token from a registry's token service, with the time it stops being used.
 *
 * @param value     the token
 * @param expiresAt when the token is no longer sent (a little before it really expires)
 */
record BearerToken(String value, Instant expiresAt) {
    private static final Duration MARGIN = Duration.ofSeconds(10);

    /** A token valid for {@code lifetime} from now (at least a minute, as the distribution spec says). */
    static BearerToken of(String value, Duration lifetime) {
        Duration life = lifetime.compareTo(Duration.ofSeconds(60)) < 0 ? Duration.ofSeconds(60) : lifetime;
        return new BearerToken(value, Instant.now().plus(life).minus(MARGIN));
    }

    boolean usable() {
        return Instant.now().isBefore(expiresAt);
    }

    String authorization() {
        return "Bearer " + value;
    }

    @Override
    public String toString() {
        return "BearerToken[***, expiresAt=" + expiresAt + "]";
    }
}
