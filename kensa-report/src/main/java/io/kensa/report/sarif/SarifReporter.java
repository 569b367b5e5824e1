package io.kensa.report.sarif;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kensa.core.ScanReport;
import io.kensa.report.Reporter;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The vulnerability findings as a SARIF 2.1.0 log ({@code --format sarif}) that GitHub code scanning accepts: see
 * {@link SarifLogBuilder} for the mapping.
 */
public final class SarifReporter implements Reporter {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public String format() {
        return "sarif";
    }

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        JSON.writeValue(out, new SarifLogBuilder(JSON).build(report));
        out.write('\n');
    }
}
