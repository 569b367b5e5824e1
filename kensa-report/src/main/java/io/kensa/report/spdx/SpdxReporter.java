package io.kensa.report.spdx;

import io.kensa.core.ScanReport;
import io.kensa.report.Reporter;
import io.kensa.report.sbom.SpdxExpressions;
import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.jacksonstore.MultiFormatStore;
import org.spdx.library.model.v2.SpdxDocument;
import org.spdx.storage.simple.InMemSpdxStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;

/**
 * An SPDX 2.3 JSON SBOM of the scanned artifact ({@code --format spdx-json}). Each document gets a new namespace
 * ({@code https://kensa.dev/spdx/NAME-UUID}); everything else follows from the report, the creation time being the
 * scan's {@link ScanReport#createdAt()}.
 */
public final class SpdxReporter implements Reporter {

    @Override
    public String format() {
        return "spdx-json";
    }

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        MultiFormatStore store = new MultiFormatStore(new InMemSpdxStore(), MultiFormatStore.Format.JSON_PRETTY);
        // The store closes the stream it serializes to: keep the caller's open.
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            String namespace = DocumentNamespace.of(report.artifact().name(), UUID.randomUUID());
            SpdxDocument doc = new SpdxDocumentBuilder(new SpdxExpressions()).build(report, store, namespace);
            store.serialize(buffer, doc);
        } catch (InvalidSPDXAnalysisException e) {
            throw new IOException("cannot write the SPDX document: " + e.getMessage(), e);
        }
        buffer.writeTo(out);
        out.write('\n');
    }
}
