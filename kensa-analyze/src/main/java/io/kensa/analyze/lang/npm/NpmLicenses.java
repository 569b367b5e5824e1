package io.kensa.analyze.lang.npm;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The license strings of a {@code package.json} or lock-file entry: {@code license} as a string (an SPDX
 * expression, usually) or as the legacy object {@code {"type": …}}, and the legacy {@code licenses} array of strings
 * or objects.
 */
final class NpmLicenses {
    private static final int MAX_LICENSES = 32;

    private NpmLicenses() {
    }

    static List<String> of(JsonNode manifest) {
        Set<String> out = new LinkedHashSet<>();
        add(manifest.get("license"), out);
        add(manifest.get("licenses"), out);
        return List.copyOf(out);
    }

    private static void add(JsonNode node, Set<String> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (out.size() >= MAX_LICENSES) {
                    return;
                }
                add(element.isArray() ? null : element, out);
            }
            return;
        }
        JsonNode value = node.isObject() ? node.get("type") : node;
        if (value != null && value.isTextual() && !value.textValue().isBlank()) {
            out.add(value.textValue().strip());
        }
    }
}
