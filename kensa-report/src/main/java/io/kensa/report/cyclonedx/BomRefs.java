package io.kensa.report.cyclonedx;

import java.util.HashSet;
import java.util.Set;

/**
 * Hands out the {@code bom-ref}s of one BOM, each unique: the preferred value (a purl, mostly) when it is still free,
 * else the preferred value with {@code ?kensa-ref=N} or {@code &kensa-ref=N} appended (N from 2 up), so that two
 * copies of one package (same purl, different paths) still get distinct, stable references.
 */
final class BomRefs {
    private final Set<String> used = new HashSet<>();

    String allocate(String preferred) {
        if (used.add(preferred)) {
            return preferred;
        }
        String separator = preferred.startsWith("pkg:") ? (preferred.contains("?") ? "&" : "?") : "#";
        for (int n = 2; ; n++) {
            String candidate = preferred + separator + "kensa-ref=" + n;
            if (used.add(candidate)) {
                return candidate;
            }
        }
    }
}
