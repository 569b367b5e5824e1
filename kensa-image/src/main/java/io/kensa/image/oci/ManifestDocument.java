package io.kensa.image.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.core.KensaException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A parsed manifest or image index: exactly one of the two is set. */
public sealed interface ManifestDocument {
    ObjectMapper JSON = OciJson.MAPPER;

    /** An image manifest: a config and layers. */
    record Manifest(String mediaType, Descriptor config, List<Descriptor> layers) implements ManifestDocument {
    }

    /** An image index (or Docker manifest list): one manifest per platform. */
    record Index(String mediaType, List<Descriptor> manifests) implements ManifestDocument {
    }

    /**
     * Parses a manifest or an index. {@code declaredType} is the Content-Type or descriptor media type, used
     * when the document itself does not name one; {@code where} names the document in errors.
     */
    static ManifestDocument parse(byte[] bytes, String declaredType, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new KensaException(where + " is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new KensaException(where + " is not a JSON object");
        }
        String type = root.hasNonNull("mediaType") ? root.get("mediaType").asText() : declaredType;
        if (root.path("schemaVersion").asInt(2) != 2) {
            throw new KensaException(where + " uses manifest schema version " + root.path("schemaVersion").asText()
                    + " (only schema 2 and OCI are supported)");
        }
        if (MediaTypes.isIndex(type) || (type == null && root.has("manifests"))) {
            List<Descriptor> manifests = new ArrayList<>();
            for (JsonNode m : root.path("manifests")) {
                manifests.add(Descriptor.parse(m, where));
            }
            return new Index(type == null ? MediaTypes.OCI_INDEX : type, List.copyOf(manifests));
        }
        if (MediaTypes.isManifest(type) || (type == null && root.has("config") && root.has("layers"))) {
            Descriptor config = Descriptor.parse(root.get("config"), where + " config");
            List<Descriptor> layers = new ArrayList<>();
            for (JsonNode l : root.path("layers")) {
                layers.add(Descriptor.parse(l, where + " layer"));
            }
            return new Manifest(type == null ? MediaTypes.OCI_MANIFEST : type, config, List.copyOf(layers));
        }
        throw new KensaException(where + " has unsupported media type " + (type == null ? "(none)" : type));
    }
}
