package io.kensa.match.vex;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.core.KensaException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a VEX document in any of the three formats, told apart by their content:
 * <ul>
 *   <li>OpenVEX ({@code "@context": "https://openvex.dev/ns/…"}), {@link OpenVexParser};</li>
 *   <li>CycloneDX ({@code "bomFormat": "CycloneDX"} with {@code vulnerabilities[].analysis}),
 *       {@link CycloneDxVexParser};</li>
 *   <li>CSAF 2.0 ({@code document.csaf_version}; the {@code csaf_vex} profile and also security advisories, whose
 *       product statuses mean the same), {@link CsafVexParser}.</li>
 * </ul>
 * The file is bounded in size, nesting depth and string length. A file that is not JSON, too large, or none of
 * the three formats is a {@link KensaException} (one line, naming the file); a statement that cannot be used is a
 * warning of the document.
 */
public final class VexDocuments {
    /** Largest VEX file read: Red Hat's per-CVE CSAF VEX files reach a few MB, the largest tens of MB. */
    public static final long MAX_BYTES = 64L << 20;
    private static final int MAX_DEPTH = 64;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(8 << 20)
                    .maxNameLength(64 << 10)
                    .maxNumberLength(100)
                    .maxDocumentLength(MAX_BYTES)
                    .build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private VexDocuments() {
    }

    /** The document in {@code file}. */
    public static VexDocument read(Path file) {
        String source = file.toString();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new KensaException("VEX file " + source + ": not found");
        } catch (IOException e) {
            throw new KensaException("VEX file " + source + ": cannot be read: " + e.getMessage(), e);
        }
        if (size > MAX_BYTES) {
            throw new KensaException("VEX file " + source + ": " + size + " bytes, more than the " + MAX_BYTES
                    + " read");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, source);
        } catch (IOException e) {
            throw new KensaException("VEX file " + source + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** The document read from {@code in} (at most {@link #MAX_BYTES}); {@code source} names it in messages. */
    public static VexDocument parse(InputStream in, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new KensaException("VEX file " + source + ": not valid JSON: " + e.getOriginalMessage()
                    + location(e), e);
        } catch (IOException e) {
            throw new KensaException("VEX file " + source + ": cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new KensaException("VEX file " + source + ": not a JSON object");
        }
        ParseWarnings warnings = new ParseWarnings(source);
        if (OpenVexParser.recognises(root)) {
            return OpenVexParser.parse(root, source, warnings);
        }
        if (CycloneDxVexParser.recognises(root)) {
            return CycloneDxVexParser.parse(root, source, warnings);
        }
        if (CsafVexParser.recognises(root)) {
            return CsafVexParser.parse(root, source, warnings);
        }
        throw new KensaException("VEX file " + source + ": not an OpenVEX, CycloneDX or CSAF document (no OpenVEX "
                + "@context, no bomFormat CycloneDX, no document.csaf_version)");
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
}
