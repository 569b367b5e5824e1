package io.kensa.image.oci;

import io.kensa.core.KensaException;

import java.util.List;
import java.util.stream.Collectors;

/** Picks the manifest of one platform out of an image index. */
public final class PlatformSelector {
    private PlatformSelector() {
    }

    /**
     * The first manifest of {@code index} that runs on {@code wanted}; attestation manifests (platform
     * unknown/unknown) are never chosen. Fails with one line listing the platforms present.
     */
    public static Descriptor select(ManifestDocument.Index index, Platform wanted, String where) {
        List<Descriptor> candidates = index.manifests().stream()
                .filter(d -> d.platform() != null && !"unknown".equals(d.platform().os()))
                .toList();
        for (Descriptor d : candidates) {
            if (wanted.matches(d.platform())) {
                return d;
            }
        }
        if (candidates.isEmpty() && index.manifests().size() == 1) {
            return index.manifests().getFirst();
        }
        String present = candidates.stream().map(d -> d.platform().toString()).distinct().collect(Collectors.joining(", "));
        throw new KensaException(where + " has no image for platform " + wanted + " (present: "
                + (present.isEmpty() ? "none" : present) + ")");
    }
}
