package io.kensa.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kensa.core.ScanReport;
import io.kensa.core.license.LicenseFinding;
import io.kensa.core.malware.MalwareFinding;
import io.kensa.core.misconfig.MisconfigFinding;
import io.kensa.core.secret.SecretFinding;
import io.kensa.report.findings.FindingFixtures;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReporterFindingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everySecretHasTheContractsFieldsWithItsLayerPathLineAndMaskedMatch() throws Exception {
        JsonNode report = write(FindingFixtures.report());

        assertThat(schema().validate(report)).isEmpty();
        JsonNode secrets = report.path("secrets");
        assertThat(secrets).hasSize(FindingFixtures.SECRETS.size());
        for (int i = 0; i < secrets.size(); i++) {
            SecretFinding s = FindingFixtures.SECRETS.get(i);
            JsonNode n = secrets.get(i);
            assertThat(fieldNames(n)).as("the contract's names first").startsWith("ruleId", "severity", "path", "line",
                    "layer", "deleted", "match").contains("category", "title", "example");
            assertThat(n.path("ruleId").asText()).isEqualTo(s.ruleId());
            assertThat(n.path("severity").asText()).isEqualTo(s.severity().name());
            assertThat(n.path("path").asText()).isEqualTo(s.path());
            assertThat(n.path("line").asInt()).isEqualTo(s.line());
            assertThat(n.path("deleted").asBoolean()).isEqualTo(s.deleted());
            assertThat(n.path("match").asText()).as("exactly as the engine masked it").isEqualTo(s.match());
            assertThat(n.path("category").asText()).isEqualTo(s.category());
            assertThat(n.path("title").asText()).isEqualTo(s.title());
            assertThat(n.path("example").asBoolean()).isEqualTo(s.example());
        }
        JsonNode deleted = secrets.get(FindingFixtures.SECRETS.indexOf(FindingFixtures.RSA_KEY));
        assertThat(deleted.path("layer").asText()).isEqualTo(FindingFixtures.L2);
        assertThat(deleted.path("deleted").asBoolean()).isTrue();
        JsonNode config = secrets.get(FindingFixtures.SECRETS.indexOf(FindingFixtures.CONFIG_ENV));
        assertThat(config.has("layer")).isTrue();
        assertThat(config.path("layer").isNull()).as("the image config has no layer").isTrue();
        assertThat(config.path("path").asText()).isEqualTo("config:Env");
    }

    @Test
    void everyMisconfigurationLicenseAndMalwareFindingHasItsFields() throws Exception {
        JsonNode report = write(FindingFixtures.report());

        JsonNode misconfigs = report.path("misconfigurations");
        assertThat(misconfigs).hasSize(FindingFixtures.MISCONFIGURATIONS.size());
        for (int i = 0; i < misconfigs.size(); i++) {
            MisconfigFinding m = FindingFixtures.MISCONFIGURATIONS.get(i);
            JsonNode n = misconfigs.get(i);
            assertThat(fieldNames(n)).startsWith("id", "severity", "title");
            assertThat(n.path("id").asText()).isEqualTo(m.id());
            assertThat(n.path("severity").asText()).isEqualTo(m.severity().name());
            assertThat(n.path("title").asText()).isEqualTo(m.title());
            assertThat(n.path("source").asText()).isEqualTo(m.source());
            assertThat(n.path("remedy").asText()).isEqualTo(m.remedy());
            assertThat(texts(n.path("evidence"))).isEqualTo(m.evidence());
            assertThat(n.path("line").asInt()).isEqualTo(m.line());
            assertThat(n.path("path").isNull()).isEqualTo(m.path() == null);
            assertThat(n.path("layer").isNull()).isEqualTo(m.layer() == null);
        }
        JsonNode sudo = misconfigs.get(FindingFixtures.MISCONFIGURATIONS.indexOf(FindingFixtures.SUDO_IN_DOCKERFILE));
        assertThat(sudo.path("path").asText()).isEqualTo("Dockerfile");
        assertThat(sudo.path("line").isInt()).isTrue();
        assertThat(sudo.path("line").asInt()).isEqualTo(5);
        assertThat(sudo.path("reference").isNull()).isTrue();
        JsonNode setuid = misconfigs.get(FindingFixtures.MISCONFIGURATIONS.indexOf(FindingFixtures.SETUID));
        assertThat(setuid.path("layer").asText()).isEqualTo(FindingFixtures.L4);
        assertThat(setuid.path("reference").asText()).isEqualTo("CIS Docker Benchmark v1.6.0, 4.8");

        JsonNode licenses = report.path("licenses");
        assertThat(licenses).hasSize(FindingFixtures.LICENSES.size());
        for (int i = 0; i < licenses.size(); i++) {
            LicenseFinding l = FindingFixtures.LICENSES.get(i);
            JsonNode n = licenses.get(i);
            assertThat(fieldNames(n)).startsWith("purl", "license", "category");
            assertThat(n.path("purl").asText()).isEqualTo(l.purl());
            assertThat(n.path("license").asText()).isEqualTo(l.license());
            assertThat(n.path("category").asText()).isEqualTo(l.category());
            assertThat(n.path("packageName").asText()).isEqualTo(l.packageName());
            assertThat(n.path("severity").asText()).isEqualTo(l.severity().name());
            assertThat(n.path("layer").asText()).isEqualTo(l.layer());
            assertThat(n.path("path").asText()).isEqualTo(l.path());
            assertThat(n.path("policy").asText()).isEqualTo(l.policy());
        }

        JsonNode malware = report.path("malware");
        assertThat(malware).hasSize(FindingFixtures.MALWARE.size());
        for (int i = 0; i < malware.size(); i++) {
            MalwareFinding m = FindingFixtures.MALWARE.get(i);
            JsonNode n = malware.get(i);
            assertThat(fieldNames(n)).startsWith("path", "layer", "engine", "signature");
            assertThat(n.path("path").asText()).isEqualTo(m.path());
            assertThat(n.path("layer").asText()).isEqualTo(m.layer());
            assertThat(n.path("engine").asText()).isEqualTo(m.engine());
            assertThat(n.path("signature").asText()).isEqualTo(m.signature());
            assertThat(n.path("severity").asText()).isEqualTo(m.severity().name());
            assertThat(n.path("deleted").asBoolean()).isEqualTo(m.deleted());
            assertThat(n.path("sha256").isNull()).isEqualTo(m.sha256() == null);
        }
        assertThat(malware.findValuesAsText("sha256")).contains(FindingFixtures.EICAR_SHA256);
    }

    @Test
    void theArraysAreThereEmptyWhenNothingWasFound() throws Exception {
        JsonNode report = write(FindingFixtures.inventory());

        assertThat(schema().validate(report)).isEmpty();
        for (String kind : List.of("vulnerabilities", "secrets", "misconfigurations", "licenses", "malware")) {
            assertThat(report.path(kind).isArray()).as(kind).isTrue();
            assertThat(report.path(kind)).as(kind).isEmpty();
        }
    }

    @Test
    void theSchemaRequiresTheArraysAndCatchesBrokenFindings() throws Exception {
        Schema schema = schema();
        byte[] bytes = bytes(FindingFixtures.report());

        ObjectNode noSecrets = (ObjectNode) JSON.readTree(bytes);
        noSecrets.remove("secrets");
        assertThat(schema.validate(noSecrets)).isNotEmpty();
        ObjectNode noLayer = (ObjectNode) JSON.readTree(bytes);
        ((ObjectNode) noLayer.at("/secrets/0")).remove("layer");
        assertThat(schema.validate(noLayer)).isNotEmpty();
        ObjectNode badLayer = (ObjectNode) JSON.readTree(bytes);
        ((ObjectNode) badLayer.at("/malware/0")).put("layer", "L4");
        assertThat(schema.validate(badLayer)).isNotEmpty();
        ObjectNode badHash = (ObjectNode) JSON.readTree(bytes);
        ((ObjectNode) badHash.at("/malware/1")).put("sha256", FindingFixtures.EICAR_SHA256.toUpperCase());
        assertThat(schema.validate(badHash)).isNotEmpty();
        ObjectNode badCategory = (ObjectNode) JSON.readTree(bytes);
        ((ObjectNode) badCategory.at("/licenses/0")).put("category", "Forbidden");
        assertThat(schema.validate(badCategory)).isNotEmpty();
        ObjectNode badLine = (ObjectNode) JSON.readTree(bytes);
        ((ObjectNode) badLine.at("/misconfigurations/0")).put("line", "5");
        assertThat(schema.validate(badLine)).isNotEmpty();
        ObjectNode badSeverity = (ObjectNode) JSON.readTree(bytes);
        ((ObjectNode) badSeverity.at("/secrets/0")).put("severity", "high");
        assertThat(schema.validate(badSeverity)).isNotEmpty();
    }

    @Test
    void nothingButTheMaskedLinesOfTheSecretsIsWritten() throws Exception {
        String text = new String(bytes(FindingFixtures.report()), StandardCharsets.UTF_8);

        for (String raw : FindingFixtures.RAW_SECRETS) {
            assertThat(text).doesNotContain(raw);
        }
        for (SecretFinding s : FindingFixtures.SECRETS) {
            assertThat(text).contains("\"match\" : \"" + s.match() + "\"");
        }
    }

    private static JsonNode write(ScanReport report) throws IOException {
        return JSON.readTree(bytes(report));
    }

    private static byte[] bytes(ScanReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonReporter().write(report, out);
        return out.toByteArray();
    }

    private static Schema schema() throws IOException {
        try (InputStream in = JsonReporter.class.getResourceAsStream("kensa-report.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(JSON.readTree(in));
        }
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }
}
