package io.kensa.db.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kensa.core.KensaException;
import io.kensa.db.store.DatabaseInfo;
import io.kensa.db.store.FeedRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The artifact's config blob ({@value ArtifactFormat#CONFIG_MEDIA_TYPE}): what the database is, readable before it
 * is downloaded. It is not signed: an update reads only {@link #schemaVersion()} from it, to skip a database this
 * Kensa could not read; everything else is checked on the database itself once its signature is verified.
 *
 * @param schemaVersion the database's schema version
 * @param built         when it was built, or null
 * @param kensaVersion  the Kensa that built it, or null
 * @param feeds         the feeds it was built from, as {@code [{"id","records","snapshot"}]}
 */
public record ArtifactConfig(int schemaVersion, Instant built, String kensaVersion, JsonNode feeds) {
    public static final int MAX_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The config describing {@code info}. */
    public static ArtifactConfig of(DatabaseInfo info) {
        var feeds = JSON.createArrayNode();
        for (FeedRecord f : info.feeds()) {
            ObjectNode n = feeds.addObject();
            n.put("id", f.id());
            n.put("records", f.records());
            if (f.snapshot() != null) {
                n.put("snapshot", f.snapshot().toString());
            }
        }
        return new ArtifactConfig(info.schemaVersion(), info.buildTime(), info.kensaVersion(), feeds);
    }

    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", schemaVersion);
        if (built != null) {
            root.put("built", built.toString());
        }
        if (kensaVersion != null) {
            root.put("kensaVersion", kensaVersion);
        }
        root.set("feeds", feeds == null ? JSON.createArrayNode() : feeds);
        try {
            return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a config; {@code where} names it in one-line errors. */
    public static ArtifactConfig parse(byte[] bytes, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new KensaException(where + ": not a Kensa database config (not JSON)");
        }
        if (root == null || !root.isObject() || !root.path("schemaVersion").isIntegralNumber()) {
            throw new KensaException(where + ": not a Kensa database config (no schemaVersion)");
        }
        Instant built = null;
        if (root.path("built").isTextual()) {
            try {
                built = Instant.parse(root.path("built").asText());
            } catch (DateTimeParseException e) {
                built = null;
            }
        }
        return new ArtifactConfig(root.path("schemaVersion").asInt(), built, root.path("kensaVersion").asText(null),
                root.path("feeds"));
    }
}
