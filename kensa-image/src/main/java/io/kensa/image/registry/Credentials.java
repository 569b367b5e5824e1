package io.kensa.image.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Credentials for one registry: a user name and password, or an identity (OAuth2 refresh) token as
 * {@code docker login} stores it for some registries. {@link #toString()} never shows secrets.
 *
 * @param username      the user name, may be null with an identity token
 * @param password      the password or access token, may be null with an identity token
 * @param identityToken an OAuth2 refresh token, or null
 * @param origin        where the credentials came from (for error messages), e.g. {@code --username}
 */
public record Credentials(String username, String password, String identityToken, String origin) {

    public Credentials {
        if ((username == null || password == null) && identityToken == null) {
            throw new IllegalArgumentException("credentials need a user name and password, or an identity token");
        }
    }

    /** Credentials from a user name and a password. */
    public static Credentials basic(String username, String password, String origin) {
        return new Credentials(username, password, null, origin);
    }

    /** Whether there is a user name and password to send with HTTP Basic. */
    public boolean hasPassword() {
        return username != null && password != null;
    }

    /** The value of an {@code Authorization: Basic …} header. */
    public String basicAuthorization() {
        if (!hasPassword()) {
            throw new IllegalStateException("no user name and password");
        }
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", secret=" + (password != null || identityToken != null ? "***" : "none")
                + ", origin=" + origin + "]";
    }
}
