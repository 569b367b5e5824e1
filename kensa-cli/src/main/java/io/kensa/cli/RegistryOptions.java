package io.kensa.cli;

import io.kensa.image.layer.LayerLimits;
import io.kensa.image.oci.Platform;
import io.kensa.image.source.ImageSource;
import io.kensa.image.source.RegistrySource;
import picocli.CommandLine.Option;

/** How to reach a registry: credentials and plain HTTP. */
final class RegistryOptions {
    @Option(names = "--insecure", description = "Use plain HTTP (for registries on loopback).")
    boolean insecure;

    @Option(names = "--username", paramLabel = "USER", description = "Registry user name.")
    String username;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "Registry password (or set KENSA_PASSWORD).")
    String password;

    ImageSource open(String reference, Platform platform, LayerLimits limits) {
        return RegistrySource.open(reference, options(platform, limits));
    }

    /** The registry client's options: these flags, credentials from the docker config otherwise. */
    io.kensa.image.registry.RegistryOptions options(Platform platform, LayerLimits limits) {
        String pass = password != null ? password : System.getenv("KENSA_PASSWORD");
        return new io.kensa.image.registry.RegistryOptions(platform, insecure, username, username == null ? null : pass,
                null, limits, null);
    }
}
