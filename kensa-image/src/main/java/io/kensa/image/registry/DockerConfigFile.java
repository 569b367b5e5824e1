package io.kensa.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.core.KensaException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Docker's client configuration ({@code ~/.docker/config.json}): inline credentials under {@code auths}
 * ({@code auth} = base64 of {@code user:password}, or {@code username}/{@code password}, or
 * {@code identitytoken}), per-registry credential helpers under {@code credHelpers}, and the default helper
 * {@code credsStore}. Keys are matched as Docker does: {@code https://index.docker.io/v1/} for Docker Hub,
 * {@code host:port} with or without a scheme and path.
 */
public final class DockerConfigFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CONFIG_BYTES = 4 << 20;
    private static final DockerConfigFile EMPTY = new DockerConfigFile(null, JSON.createObjectNode());

    private final Path file;
    private final JsonNode root;

    private DockerConfigFile(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /**
     * Where Docker keeps its config: {@code $DOCKER_CONFIG/config.json} when that variable is set, else
     * {@code ~/.docker/config.json}.
     */
    public static Path locate(Map<String, String> environment, String userHome) {
        String dir = environment.get("DOCKER_CONFIG");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir).resolve("config.json");
        }
        return Path.of(userHome, ".docker", "config.json");
    }

    /**
     * Loads a config file; a directory means its {@code config.json}. A missing file is an empty config; an
     * unreadable or malformed one fails with one line.
     */
    public static DockerConfigFile load(Path location) {
        Path file = Files.isDirectory(location) ? location.resolve("config.json") : location;
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_CONFIG_BYTES + 1);
        } catch (NoSuchFileException e) {
            return EMPTY;
        } catch (IOException e) {
            throw new KensaException("cannot read docker config " + file + ": " + e.getMessage());
        }
        if (bytes.length > MAX_CONFIG_BYTES) {
            throw new KensaException("docker config " + file + " is larger than " + MAX_CONFIG_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new KensaException("docker config " + file + " is not valid JSON");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new DockerConfigFile(file, JSON.createObjectNode());
        }
        if (!root.isObject()) {
            throw new KensaException("docker config " + file + " is not a JSON object");
        }
        return new DockerConfigFile(file, root);
    }

    /** The inline credentials stored for {@code registry} under {@code auths}, if any. */
    public Optional<Credentials> inlineCredentials(String registry) {
        JsonNode entry = lookup(root.path("auths"), registry);
        if (entry == null || !entry.isObject()) {
            return Optional.empty();
        }
        String origin = "docker config " + file;
        String identityToken = text(entry, "identitytoken");
        String auth = text(entry, "auth");
        String username = text(entry, "username");
        String password = text(entry, "password");
        if (auth != null) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new KensaException("docker config " + file + ": the auth entry for " + registry + " is not valid base64");
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw new KensaException("docker config " + file + ": the auth entry for " + registry + " is not user:password");
            }
            username = decoded.substring(0, colon);
            password = decoded.substring(colon + 1);
        }
        if (identityToken != null) {
            return Optional.of(new Credentials(username, password, identityToken, origin));
        }
        if (username != null && password != null && !password.isEmpty()) {
            return Optional.of(Credentials.basic(username, password, origin));
        }
        return Optional.empty();
    }

    /** The helper named for {@code registry} under {@code credHelpers}, if any. */
    public Optional<String> credentialHelper(String registry) {
        JsonNode helper = lookup(root.path("credHelpers"), registry);
        return helper != null && helper.isTextual() && !helper.asText().isBlank() ? Optional.of(helper.asText()) : Optional.empty();
    }

    /** The default helper ({@code credsStore}), if any. */
    public Optional<String> credentialStore() {
        return Optional.ofNullable(text(root, "credsStore")).filter(s -> !s.isBlank());
    }

    /** The file this config came from, or null for an absent file. */
    public Path file() {
        return file;
    }

    /** The server string Docker stores and passes to helpers for {@code registry}. */
    public static String serverKey(String registry) {
        return normalize(registry).equals(ImageReference.DOCKER_HUB) ? ImageReference.DOCKER_HUB_AUTH_KEY : registry;
    }

    /** Exact key first ({@link #serverKey}), then any key naming the same host[:port]. */
    private static JsonNode lookup(JsonNode map, String registry) {
        if (!map.isObject()) {
            return null;
        }
        JsonNode exact = map.get(serverKey(registry));
        if (exact != null) {
            return exact;
        }
        String wanted = normalize(registry);
        for (Map.Entry<String, JsonNode> e : map.properties()) {
            if (normalize(e.getKey()).equals(wanted)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** host[:port] in lower case, scheme and path dropped; Docker Hub's aliases become {@code docker.io}. */
    static String normalize(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        if (k.startsWith("http://")) {
            k = k.substring(7);
        } else if (k.startsWith("https://")) {
            k = k.substring(8);
        }
        int slash = k.indexOf('/');
        if (slash >= 0) {
            k = k.substring(0, slash);
        }
        return switch (k) {
            case "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com" -> ImageReference.DOCKER_HUB;
            default -> k;
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && !v.asText().isEmpty() ? v.asText() : null;
    }
}
