package io.kensa.analyze.sbom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.core.KensaException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a CycloneDX (JSON, 1.2 to 1.6) or SPDX (JSON, 2.2 and 2.3) SBOM — Kensa's, Trivy's, Syft's — into an
 * inventory the matchers can scan. The file is bounded (size, nesting depth); anything that is neither format is
 * one line naming the file.
 */
public final class SbomReader {
    /** An SBOM of a very large image is tens of megabytes; this is far above any real one. */
    static final long MAX_BYTES = 512L << 20;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(256).build()).build());

    private SbomReader() {
    }

    public static SbomInventory read(Path file) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new KensaException(file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new KensaException(file + ": not a file");
        }
        if (size > MAX_BYTES) {
            throw new KensaException(file + ": too large for an SBOM (" + size + " bytes, limit " + MAX_BYTES + ")");
        }
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new KensaException(file + ": not a JSON SBOM (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new KensaException(file + ": not a JSON SBOM (no top-level object)");
        }
        if ("CycloneDX".equals(root.path("bomFormat").asText())) {
            return CycloneDxSbom.read(root, file);
        }
        if (root.path("spdxVersion").asText().startsWith("SPDX-")) {
            return SpdxSbom.read(root, file);
        }
        throw new KensaException(file + ": not a CycloneDX or SPDX JSON SBOM (no bomFormat or spdxVersion)");
    }
}
