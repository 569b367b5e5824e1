package io.kensa.db.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kensa.core.Digest;
import io.kensa.core.KensaException;
import io.kensa.image.oci.MediaTypes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The OCI image manifest of a database artifact: written by {@code kensa db push}, read by {@code kensa db update}.
 *
 * @param config    the config blob
 * @param database  the zstd-compressed database
 * @param signature the signature document, or null (an unsigned artifact, usable only with
 *                  {@code --insecure-skip-signature})
 */
public record ArtifactManifest(Blob config, Blob database, Blob signature) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A blob of the artifact: media type, digest and size, as its descriptor says. */
    public record Blob(String mediaType, Digest digest, long size) {
    }

    /** The manifest's bytes, as pushed: an OCI 1.1 artifact manifest with file names for ORAS. */
    public byte[] toJson(Instant created) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", 2);
        root.put("mediaType", MediaTypes.OCI_MANIFEST);
        root.put("artifactType", ArtifactFormat.ARTIFACT_TYPE);
        root.set("config", descriptor(config, null));
        var layers = root.putArray("layers");
        layers.add(descriptor(database, ArtifactFormat.DATABASE_FILE));
        if (signature != null) {
            layers.add(descriptor(signature, ArtifactFormat.DATABASE_FILE + ArtifactFormat.SIGNATURE_SUFFIX));
        }
        root.putObject("annotations").put(ArtifactFormat.CREATED_ANNOTATION, created.toString());
        try {
            return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode descriptor(Blob blob, String title) {
        ObjectNode d = JSON.createObjectNode();
        d.put("mediaType", blob.mediaType());
        d.put("digest", blob.digest().toString());
        d.put("size", blob.size());
        if (title != null) {
            d.putObject("annotations").put(ArtifactFormat.TITLE_ANNOTATION, title);
        }
        return d;
    }

    /**
     * Reads a manifest (already digest-verified and size-bounded by the registry client); fails with one line when
     * it is not a Kensa database artifact. {@code where} names it, e.g. the reference.
     */
    public static ArtifactManifest parse(byte[] bytes, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new KensaException(where + " is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new KensaException(where + " is not a JSON object");
        }
        String mediaType = root.path("mediaType").asText(null);
        if (MediaTypes.isIndex(mediaType) || root.has("manifests")) {
            throw new KensaException(where + " is an image index, not a Kensa database artifact");
        }
        String artifactType = root.path("artifactType").asText(null);
        Blob config = blob(root.path("config"), where + " config");
        if (!ArtifactFormat.ARTIFACT_TYPE.equals(artifactType) && !ArtifactFormat.CONFIG_MEDIA_TYPE.equals(config.mediaType())) {
            throw new KensaException(where + " is not a Kensa database artifact (artifactType "
                    + (artifactType == null ? "missing" : clip(artifactType)) + ", config " + clip(config.mediaType())
                    + "; expected " + ArtifactFormat.ARTIFACT_TYPE + ")");
        }
        List<Blob> databases = new ArrayList<>();
        List<Blob> signatures = new ArrayList<>();
        for (JsonNode layer : root.path("layers")) {
            Blob b = blob(layer, where + " layer");
            if (ArtifactFormat.DATABASE_MEDIA_TYPE.equals(b.mediaType())) {
                databases.add(b);
            } else if (ArtifactFormat.SIGNATURE_MEDIA_TYPE.equals(b.mediaType())) {
                signatures.add(b);
            }
        }
        if (databases.size() != 1) {
            throw new KensaException(where + " has " + databases.size() + " layers of type "
                    + ArtifactFormat.DATABASE_MEDIA_TYPE + ", expected one");
        }
        if (signatures.size() > 1) {
            throw new KensaException(where + " has " + signatures.size() + " signature layers, expected one");
        }
        return new ArtifactManifest(config, databases.getFirst(), signatures.isEmpty() ? null : signatures.getFirst());
    }

    private static Blob blob(JsonNode node, String where) {
        if (node == null || !node.isObject() || !node.path("digest").isTextual() || !node.path("size").isIntegralNumber()
                || node.path("size").asLong() < 0) {
            throw new KensaException(where + ": malformed descriptor (digest or size missing)");
        }
        Digest digest;
        try {
            digest = Digest.parse(node.path("digest").asText());
        } catch (KensaException e) {
            throw new KensaException(where + ": " + e.getMessage());
        }
        return new Blob(node.path("mediaType").asText(null), digest, node.path("size").asLong());
    }

    private static String clip(String s) {
        return s == null ? "none" : s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }
}
