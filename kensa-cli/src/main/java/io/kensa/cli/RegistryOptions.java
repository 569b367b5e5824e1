package io.kensa.cli;

import io.kensa.core.KensaException;
import io.kensa.image.layer.LayerLimits;
import io.kensa.image.oci.Platform;
import io.kensa.image.source.ImageSource;
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
        throw new KensaException("registry references are not supported yet: " + reference);
    }
}
