package io.kensa.image.registry;

import io.kensa.core.KensaException;
import io.kensa.image.layer.LayerLimits;
import io.kensa.image.oci.Platform;

import java.nio.file.Path;

/**
 * How to read an image from a registry.
 *
 * @param platform     the platform to pick from an image index; null means the host's ({@link Platform#host()})
 * @param insecure     plain HTTP instead of HTTPS (a test or local registry)
 * @param username     user name from the command line, or null
 * @param password     password or access token from the command line, or null
 * @param dockerConfig the docker config file (or its directory); null means {@code $DOCKER_CONFIG} or
 *                     {@code ~/.docker/config.json}
 * @param limits       size bounds; {@link LayerLimits#maxManifestBytes()} bounds manifests and configs
 * @param client       timeouts, retries, redirects and the credential helper search path
 */
public record RegistryOptions(Platform platform, boolean insecure, String username, String password, Path dockerConfig,
                              LayerLimits limits, ClientSettings client) {

    public RegistryOptions {
        limits = limits == null ? LayerLimits.DEFAULT : limits;
        client = client == null ? ClientSettings.DEFAULT : client;
        if (username != null && username.isEmpty()) {
            username = null;
        }
        if (password != null && password.isEmpty()) {
            password = null;
        }
        if (password != null && username == null) {
            throw new KensaException("--password needs --username");
        }
        if (username != null && password == null) {
            throw new KensaException("--username needs --password");
        }
    }

    /** HTTPS, the host's platform, credentials from the docker config, default limits and settings. */
    public static RegistryOptions defaults() {
        return new RegistryOptions(null, false, null, null, null, null, null);
    }

    public RegistryOptions withPlatform(Platform p) {
        return new RegistryOptions(p, insecure, username, password, dockerConfig, limits, client);
    }

    public RegistryOptions withInsecure(boolean plainHttp) {
        return new RegistryOptions(platform, plainHttp, username, password, dockerConfig, limits, client);
    }

    public RegistryOptions withCredentials(String user, String pass) {
        return new RegistryOptions(platform, insecure, user, pass, dockerConfig, limits, client);
    }

    public RegistryOptions withDockerConfig(Path configFileOrDir) {
        return new RegistryOptions(platform, insecure, username, password, configFileOrDir, limits, client);
    }

    public RegistryOptions withLimits(LayerLimits l) {
        return new RegistryOptions(platform, insecure, username, password, dockerConfig, l, client);
    }

    public RegistryOptions withClient(ClientSettings c) {
        return new RegistryOptions(platform, insecure, username, password, dockerConfig, limits, c);
    }

    /** The platform to pick: the requested one, else the host's. */
    public Platform effectivePlatform() {
        return platform != null ? platform : Platform.host();
    }

    @Override
    public String toString() {
        return "RegistryOptions[platform=" + platform + ", insecure=" + insecure + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + ", dockerConfig=" + dockerConfig
                + ", limits=" + limits + ", client=" + client + "]";
    }
}
