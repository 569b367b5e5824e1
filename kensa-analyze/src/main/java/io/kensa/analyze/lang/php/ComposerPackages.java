package io.kensa.analyze.lang.php;

import com.fasterxml.jackson.databind.JsonNode;
import io.kensa.core.Package;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The package objects of Composer's {@code composer.lock} and {@code installed.json}: {@code name}
 * ({@code vendor/name}), {@code version} as Composer wrote it (tags keep their {@code v}: {@code v5.4.23}; the
 * normalised form is in {@code version_normalized}, which we do not use: Trivy and Syft report {@code version}, and
 * Composer's own version comparison ignores the {@code v}, so a matcher following Composer's rules compares
 * {@code v5.4.23} with an advisory's {@code 5.4.24} correctly), and {@code license} (an array of SPDX ids, or a
 * single string in old files).
 */
final class ComposerPackages {
    /** Most packages read from one file. */
    static final int MAX_PACKAGES = 100_000;

    private final String path;
    private final String foundBy;
    private final List<Package> packages = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    ComposerPackages(String path, String foundBy) {
        this.path = path;
        this.foundBy = foundBy;
    }

    /** Adds the packages of a JSON array; those named in {@code devNames}, or all when {@code dev}, are dev ones. */
    void addAll(JsonNode array, String what, boolean dev, Set<String> devNames) {
        if (array == null || array.isMissingNode() || array.isNull()) {
            return;
        }
        if (!array.isArray()) {
            problems.add(what + " is not an array");
            return;
        }
        int index = 0;
        for (JsonNode node : array) {
            if (packages.size() >= MAX_PACKAGES) {
                problems.add("more than " + MAX_PACKAGES + " packages; the rest is not read");
                return;
            }
            String name = text(node.get("name"));
            String version = text(node.get("version"));
            if (name == null || version == null) {
                if (problems.size() < 10) {
                    problems.add(what + "[" + index + "] has no name and version");
                }
            } else {
                Package p = Package.application("composer", name, version, licenses(node.get("license")), path,
                        foundBy);
                packages.add(dev || devNames.contains(name) ? p.withDev(true) : p);
            }
            index++;
        }
    }

    void problem(String problem) {
        problems.add(problem);
    }

    List<Package> packages() {
        return packages;
    }

    List<String> problems() {
        return problems;
    }

    private static String text(JsonNode n) {
        return n != null && n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
    }

    private static List<String> licenses(JsonNode n) {
        if (n == null) {
            return List.of();
        }
        if (n.isTextual()) {
            return n.asText().isBlank() ? List.of() : List.of(n.asText());
        }
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            for (JsonNode l : n) {
                if (l.isTextual() && !l.asText().isBlank()) {
                    out.add(l.asText());
                }
            }
        }
        return out;
    }

    /** The strings of a JSON array (the {@code dev-package-names} of installed.json). */
    static Set<String> names(JsonNode array) {
        if (array == null || !array.isArray()) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        for (JsonNode n : array) {
            if (n.isTextual()) {
                names.add(n.asText());
            }
        }
        return names;
    }
}
