package io.kensa.report.spdx;

import java.util.UUID;

/**
 * SPDX document namespaces, {@code https://kensa.dev/spdx/NAME-UUID}: NAME is the scanned artifact's name with every
 * character outside {@code [A-Za-z0-9._-]} replaced by {@code -}, UUID is new for each document.
 */
final class DocumentNamespace {
    static final String PREFIX = "https://kensa.dev/spdx/";

    private DocumentNamespace() {
    }

    static String of(String artifactName, UUID uuid) {
        String name = artifactName == null ? "" : artifactName.replaceAll("[^A-Za-z0-9._-]+", "-")
                .replaceAll("^-+|-+$", "");
        return PREFIX + (name.isEmpty() ? "" : name + "-") + uuid;
    }
}
