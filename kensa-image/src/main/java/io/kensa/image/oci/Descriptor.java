package io.kensa.image.oci;

import com.fasterxml.jackson.databind.JsonNode;
import io.kensa.core.Digest;
import io.kensa.core.KensaException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An OCI content descriptor.
 *
 * @param mediaType   media type of the referenced content
 * @param digest      its digest
 * @param size        its size in bytes
 * @param platform    for index entries, the platform; otherwise null
 * @param annotations annotations, possibly empty
 * @param urls        foreign-layer URLs, possibly empty
 */
public record Descriptor(String mediaType, Digest digest, long size, Platform platform,
                         Map<String, String> annotations, List<String> urls) {

    static Descriptor parse(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new KensaException(where + ": descriptor is not an object");
        }
        JsonNode digest = node.get("digest");
        if (digest == null || !digest.isTextual()) {
            throw new KensaException(where + ": descriptor without digest");
        }
        long size = node.path("size").asLong(-1);
        Platform platform = null;
        JsonNode p = node.get("platform");
        if (p != null && p.isObject()) {
            platform = new Platform(p.path("os").asText(""), Platform.normalizeArch(p.path("architecture").asText("")),
                    p.hasNonNull("variant") ? p.get("variant").asText() : null);
        }
        Map<String, String> annotations = new HashMap<>();
        node.path("annotations").properties().forEach(e -> annotations.put(e.getKey(), e.getValue().asText()));
        List<String> urls = new java.util.ArrayList<>();
        node.path("urls").forEach(u -> urls.add(u.asText()));
        return new Descriptor(node.path("mediaType").asText(null), Digest.parse(digest.asText()), size, platform,
                Map.copyOf(annotations), List.copyOf(urls));
    }
}
