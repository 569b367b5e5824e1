package io.kensa.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kensa.core.ScanReport;
import io.kensa.core.secret.SecretFinding;
import io.kensa.report.findings.FindingFixtures;
import io.kensa.report.vuln.VulnFixtures;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every registered format, on the fixture with findings and on the same image with none: the output is valid for
 * its format (its schema where it has one, well-formed XML for junit and html), and the caller's stream is left
 * open.
 */
class EveryFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"table", "json", "sarif", "cyclonedx", "spdx-json", "junit", "gitlab", "html"})
    void aReportWithNoFindingsIsStillValid(String format) throws Exception {
        assertValid(format, VulnFixtures.noFindings());
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "json", "sarif", "cyclonedx", "spdx-json", "junit", "gitlab", "html"})
    void aReportWithFindingsIsValid(String format) throws Exception {
        assertValid(format, VulnFixtures.report());
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "json", "sarif", "cyclonedx", "spdx-json", "junit", "gitlab", "html"})
    void aHostileReportIsStillValid(String format) throws Exception {
        assertValid(format, VulnFixtures.hostile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "json", "sarif", "cyclonedx", "spdx-json", "junit", "gitlab", "html"})
    void aReportWithEveryKindOfFindingIsValid(String format) throws Exception {
        assertValid(format, FindingFixtures.report());
        assertValid(format, VulnFixtures.report().withSecrets(FindingFixtures.SECRETS)
                .withMisconfigurations(FindingFixtures.MISCONFIGURATIONS).withLicenses(FindingFixtures.LICENSES)
                .withMalware(FindingFixtures.MALWARE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "json", "sarif", "cyclonedx", "spdx-json", "junit", "gitlab", "html"})
    void aHostileReportOfEveryKindIsStillValid(String format) throws Exception {
        assertValid(format, FindingFixtures.hostile());
    }

    /**
     * What the acceptance check asks of every format that shows secrets: each masked line is there as the engine
     * masked it (a table line loses its leading white space), and no raw value the masks hide.
     */
    @ParameterizedTest
    @ValueSource(strings = {"table", "json", "sarif", "cyclonedx", "junit", "html"})
    void everyFormatThatShowsSecretsShowsTheirMaskedLinesAndNothingMore(String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReporterRegistry.defaults().get(format).write(FindingFixtures.report(), out);
        String text = out.toString(StandardCharsets.UTF_8);

        for (String raw : FindingFixtures.RAW_SECRETS) {
            assertThat(text).doesNotContain(raw);
        }
        for (SecretFinding s : FindingFixtures.SECRETS) {
            assertThat(text).contains(format.equals("table") ? s.match().strip() : s.match());
        }
    }

    private static void assertValid(String format, ScanReport report) throws Exception {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        ReporterRegistry.defaults().get(format).write(report, out);
        byte[] bytes = out.toByteArray();

        assertThat(closed[0]).as("the caller's stream is left open").isFalse();
        assertThat(bytes).isNotEmpty();
        switch (format) {
            case "table" -> assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("OS packages:");
            case "json" -> assertThat(schemaErrors("/io/kensa/report/kensa-report.schema.json",
                    SpecificationVersion.DRAFT_2020_12, JSON.readTree(bytes))).isEmpty();
            case "sarif" -> assertThat(schemaErrors("/io/kensa/report/sarif/sarif-schema-2.1.0.json",
                    SpecificationVersion.DRAFT_7, JSON.readTree(bytes))).isEmpty();
            case "gitlab" -> assertThat(schemaErrors("/io/kensa/report/gitlab/container-scanning-report-format-15.2.1.json",
                    SpecificationVersion.DRAFT_7, JSON.readTree(bytes))).isEmpty();
            case "spdx-json" -> assertThat(schemaErrors("/io/kensa/report/spdx/spdx-schema.json",
                    SpecificationVersion.DRAFT_2019_09, JSON.readTree(bytes))).isEmpty();
            case "cyclonedx" -> assertThat(new JsonParser().validate(bytes, Version.VERSION_16))
                    .extracting(Throwable::getMessage).isEmpty();
            case "junit", "html" -> assertThat(parseXml(bytes).getDocumentElement().getTagName())
                    .isEqualTo(format.equals("junit") ? "testsuites" : "html");
            default -> throw new AssertionError("no check for format " + format);
        }
    }

    private static List<String> schemaErrors(String resource, SpecificationVersion dialect, JsonNode doc)
            throws IOException {
        try (InputStream in = EveryFormatTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return SchemaRegistry.withDefaultDialect(dialect).getSchema(JSON.readTree(in)).validate(doc).stream()
                    .map(Error::toString).toList();
        }
    }

    private static org.w3c.dom.Document parseXml(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }
}
