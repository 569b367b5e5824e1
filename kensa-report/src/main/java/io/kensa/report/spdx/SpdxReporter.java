package io.kensa.report.spdx;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kensa.core.ScanReport;
import io.kensa.report.Reporter;
import io.kensa.report.sbom.SpdxExpressions;
import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.jacksonstore.MultiFormatStore;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v2.SpdxDocument;
import org.spdx.storage.simple.InMemSpdxStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;

/**
 * An SPDX 2.3 JSON SBOM of the scanned artifact ({@code --format spdx-json}). Each document gets a new namespace
 * ({@code https://kensa.dev/spdx/NAME-UUID}); everything else follows from the report, the creation time being the
 * scan's {@link ScanReport#createdAt()}, so two runs over one report differ only in {@code documentNamespace}.
 */
public final class SpdxReporter implements Reporter {
    /**
     * The namespace the document is built under. The SPDX library keeps set members (the terms of an AND-ed
     * license) in hash maps keyed by namespace-qualified URIs, so a random namespace would shuffle them from run to
     * run; the real, unique namespace is written into the serialized document instead.
     */
    static final String BUILD_NAMESPACE = DocumentNamespace.PREFIX + "document";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public String format() {
        return "spdx-json";
    }

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        // the SPDX model registers its spec versions here; without it no document can be created (idempotent)
        SpdxModelFactory.init();
        MultiFormatStore store = new MultiFormatStore(new InMemSpdxStore(), MultiFormatStore.Format.JSON);
        // The store closes the stream it serializes to: keep the caller's open.
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            SpdxDocument doc = new SpdxDocumentBuilder(new SpdxExpressions()).build(report, store, BUILD_NAMESPACE);
            store.serialize(buffer, doc);
        } catch (InvalidSPDXAnalysisException e) {
            throw new IOException("cannot write the SPDX document: " + e.getMessage(), e);
        }
        ObjectNode json = (ObjectNode) JSON.readTree(buffer.toByteArray());
        json.put("documentNamespace", DocumentNamespace.of(report.artifact().name(), UUID.randomUUID()));
        JSON.writeValue(out, json);
        out.write('\n');
    }
}
