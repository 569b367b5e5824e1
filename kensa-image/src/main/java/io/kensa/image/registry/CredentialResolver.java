package io.kensa.image.registry;

import java.util.Optional;

/**
 * Finds the credentials for a registry: those given on the command line first; else the docker config's
 * credential helper for that registry ({@code credHelpers}), its inline {@code auths} entry, then its default
 * helper ({@code credsStore}).
 */
final class CredentialResolver {
    private final Credentials explicit;
    private final DockerConfigFile config;
    private final CredentialHelper helpers;

    /**
     * @param explicit credentials from the command line, or null
     * @param config   the docker config (possibly empty)
     * @param helpers  runs credential helpers
     */
    CredentialResolver(Credentials explicit, DockerConfigFile config, CredentialHelper helpers) {
        this.explicit = explicit;
        this.config = config;
        this.helpers = helpers;
    }

    /** The credentials for {@code registry} (as named in the image reference), if any. */
    Optional<Credentials> resolve(String registry) {
        if (explicit != null) {
            return Optional.of(explicit);
        }
        String server = DockerConfigFile.serverKey(registry);
        Optional<String> helper = config.credentialHelper(registry);
        if (helper.isPresent()) {
            Optional<Credentials> found = helpers.get(helper.get(), server);
            if (found.isPresent()) {
                return found;
            }
        }
        Optional<Credentials> inline = config.inlineCredentials(registry);
        if (inline.isPresent()) {
            return inline;
        }
        Optional<String> store = config.credentialStore();
        if (store.isPresent()) {
            return helpers.get(store.get(), server);
        }
        return Optional.empty();
    }
}
