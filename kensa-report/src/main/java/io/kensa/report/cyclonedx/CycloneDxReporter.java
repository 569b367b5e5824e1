package io.kensa.report.cyclonedx;

import io.kensa.core.ScanReport;
import io.kensa.report.Reporter;
import io.kensa.report.sbom.SpdxExpressions;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A CycloneDX 1.6 JSON SBOM of the scanned artifact ({@code --format cyclonedx}). Two runs over the same report
 * differ only in {@code serialNumber}: the timestamp is the scan's {@link ScanReport#createdAt()}.
 */
public final class CycloneDxReporter implements Reporter {
    /** The CycloneDX specification version written. */
    public static final Version SPEC_VERSION = Version.VERSION_16;

    @Override
    public String format() {
        return "cyclonedx";
    }

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        Bom bom = new CycloneDxBomBuilder(new CycloneDxLicenses(new SpdxExpressions()))
                .build(report, "urn:uuid:" + UUID.randomUUID());
        try {
            out.write(BomGeneratorFactory.createJson(SPEC_VERSION, bom).toJsonString().getBytes(StandardCharsets.UTF_8));
        } catch (GeneratorException e) {
            throw new IOException("cannot write the CycloneDX SBOM: " + e.getMessage(), e);
        }
        out.write('\n');
    }
}
