package io.kensa.image.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.core.Digest;
import io.kensa.core.KensaException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of an OCI / Docker image config that Kensa uses, plus the raw JSON for later checks.
 *
 * @param digest       the config's digest (the image id)
 * @param os           e.g. linux
 * @param architecture e.g. amd64
 * @param variant      e.g. v8, may be null
 * @param diffIds      rootfs.diff_ids, bottom layer first
 * @param history      history entries, including empty layers
 * @param raw          the whole config document
 */
public record ImageConfig(Digest digest, String os, String architecture, String variant, List<Digest> diffIds,
                          List<HistoryEntry> history, JsonNode raw) {
    private static final ObjectMapper JSON = OciJson.MAPPER;

    /** Parses a config blob whose digest the caller has verified. */
    public static ImageConfig parse(Digest digest, byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new KensaException("image config " + digest + " is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new KensaException("image config " + digest + " is not a JSON object");
        }
        JsonNode ids = root.path("rootfs").path("diff_ids");
        if (!ids.isArray()) {
            throw new KensaException("image config " + digest + " has no rootfs.diff_ids");
        }
        List<Digest> diffIds = new ArrayList<>();
        for (JsonNode id : ids) {
            diffIds.add(Digest.parse(id.asText()));
        }
        List<HistoryEntry> history = new ArrayList<>();
        for (JsonNode h : root.path("history")) {
            history.add(new HistoryEntry(text(h, "created"), text(h, "created_by"), text(h, "comment"),
                    h.path("empty_layer").asBoolean(false)));
        }
        return new ImageConfig(digest, text(root, "os"), text(root, "architecture"), text(root, "variant"),
                List.copyOf(diffIds), List.copyOf(history), root);
    }

    /**
     * The created_by line of each non-empty layer, aligned with {@link #diffIds()}; all null when the history
     * does not list exactly one non-empty entry per layer.
     */
    public List<String> layerCreatedBy() {
        List<String> nonEmpty = new ArrayList<>();
        for (HistoryEntry h : history) {
            if (!h.emptyLayer()) {
                nonEmpty.add(h.createdBy());
            }
        }
        List<String> aligned = new ArrayList<>();
        for (int i = 0; i < diffIds.size(); i++) {
            aligned.add(nonEmpty.size() == diffIds.size() ? nonEmpty.get(i) : null);
        }
        return aligned;
    }

    public Platform platform() {
        return new Platform(os == null ? "linux" : os, Platform.normalizeArch(architecture == null ? "" : architecture), variant);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
