package io.kensa.report.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import io.kensa.core.vuln.VulnerabilityFinding;
import io.kensa.report.vuln.VulnFixtures;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class SarifReporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void formatName() {
        assertThat(new SarifReporter().format()).isEqualTo("sarif");
    }

    @Test
    void validatesAgainstTheSarif210Schema() throws IOException {
        JsonNode log = write(VulnFixtures.report());

        assertThat(schemaErrors(log)).isEmpty();
        assertThat(log.path("version").asText()).isEqualTo("2.1.0");
        assertThat(log.path("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(log.path("runs")).hasSize(1);
    }

    @Test
    void theSchemaCatchesABrokenLog() throws IOException {
        ObjectNode log = (ObjectNode) write(VulnFixtures.report());
        ((ObjectNode) log.at("/runs/0/results/0")).put("level", "critical");

        assertThat(schemaErrors(log)).isNotEmpty();
    }

    @Test
    void aReportWithoutFindingsIsAValidLogWithNoRulesAndNoResults() throws IOException {
        JsonNode log = write(VulnFixtures.noFindings());

        assertThat(schemaErrors(log)).isEmpty();
        assertThat(log.at("/runs/0/tool/driver/rules")).isEmpty();
        assertThat(log.at("/runs/0/results")).isEmpty();
        assertThat(log.at("/runs/0/tool/driver/name").asText()).isEqualTo("Kensa");
    }

    @Test
    void oneRulePerVulnerabilityMostUrgentFirst() throws IOException {
        JsonNode rules = write(VulnFixtures.report()).at("/runs/0/tool/driver/rules");

        assertThat(ids(rules)).containsExactly("CVE-2021-44228", "CVE-2021-45046", "CVE-2021-3711", "CVE-2020-8203",
                "CVE-2021-3712", "CVE-2024-52798", "CVE-2021-44832", "CVE-2021-22898", "CVE-2021-22924",
                "CVE-2021-22922", "CVE-2021-22923");
        JsonNode log4shell = rules.get(0);
        assertThat(log4shell.at("/shortDescription/text").asText()).isEqualTo("Remote code injection in Log4j");
        assertThat(log4shell.at("/fullDescription/text").asText()).startsWith("Log4j versions prior to 2.16.0");
        assertThat(log4shell.at("/defaultConfiguration/level").asText()).isEqualTo("error");
        assertThat(log4shell.at("/helpUri").asText()).isEqualTo("https://github.com/advisories/GHSA-jfh8-c2jp-5v3q");
        assertThat(log4shell.at("/help/text").asText()).contains("fixed in 2.15.0")
                .contains("https://github.com/advisories/GHSA-jfh8-c2jp-5v3q");
        assertThat(log4shell.at("/help/markdown").asText())
                .contains("[CVE-2021-44228](https://github.com/advisories/GHSA-jfh8-c2jp-5v3q)")
                .contains("**Vulnerability CVE-2021-44228**");
        assertThat(texts(log4shell.at("/properties/tags"))).contains("security", "vulnerability", "CRITICAL", "kev");
        JsonNode curl = rules.get(10);
        assertThat(curl.at("/shortDescription/text").asText()).as("no title: the id").isEqualTo("CVE-2021-22923");
        assertThat(curl.at("/help/text").asText()).contains("no fixed version").contains("No fixed version yet.");
    }

    @Test
    void securitySeverityIsTheHighestCvssScoreAsAStringAsGitHubReadsIt() throws IOException {
        JsonNode rules = write(VulnFixtures.report()).at("/runs/0/tool/driver/rules");
        Map<String, String> byId = new HashMap<>();
        rules.forEach(r -> byId.put(r.path("id").asText(), r.at("/properties/security-severity").asText(null)));

        assertThat(byId).containsEntry("CVE-2021-44228", "10.0")
                .containsEntry("CVE-2021-3711", "9.8")
                .containsEntry("CVE-2021-44832", "8.5")
                .containsEntry("CVE-2024-52798", "7.7")
                .containsEntry("CVE-2021-22898", "3.1");
        rules.forEach(r -> {
            JsonNode s = r.at("/properties/security-severity");
            assertThat(s.isTextual()).as(r.path("id").asText()).isTrue();
            assertThat(Double.parseDouble(s.asText())).isBetween(0.0, 10.0);
        });
    }

    @Test
    void oneResultPerFindingPerPackageLocationWithItsRuleAndLevel() throws IOException {
        JsonNode run = write(VulnFixtures.report()).at("/runs/0");
        JsonNode results = run.path("results");
        List<String> ruleIds = ids(run.at("/tool/driver/rules"));

        int expected = VulnFixtures.FINDINGS.stream().mapToInt(f -> f.packages().size()).sum();
        assertThat(results).hasSize(expected).hasSize(15);
        for (JsonNode r : results) {
            assertThat(r.path("ruleId").asText()).isNotEmpty();
            assertThat(ruleIds.get(r.path("ruleIndex").asInt())).isEqualTo(r.path("ruleId").asText());
            assertThat(r.at("/message/text").asText()).isNotBlank();
        }
        Map<String, String> levels = new HashMap<>();
        results.forEach(r -> levels.put(r.path("ruleId").asText(), r.path("level").asText()));
        assertThat(levels).containsEntry("CVE-2021-44228", "error")
                .containsEntry("CVE-2021-3712", "error")
                .containsEntry("CVE-2021-44832", "warning")
                .containsEntry("CVE-2021-22898", "note");
    }

    @Test
    void eachLocationIsThePackagePathInTheImageAndItsPurl() throws IOException {
        JsonNode results = write(VulnFixtures.report()).at("/runs/0/results");

        List<String> log4shellUris = new ArrayList<>();
        for (JsonNode r : results) {
            JsonNode location = r.at("/locations/0");
            if (r.path("ruleId").asText().equals("CVE-2021-44228")) {
                log4shellUris.add(location.at("/physicalLocation/artifactLocation/uri").asText());
                assertThat(location.at("/logicalLocations/0/fullyQualifiedName").asText())
                        .isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
            }
            if (r.path("ruleId").asText().equals("CVE-2021-3712")) {
                assertThat(location.at("/physicalLocation/artifactLocation/uri").asText()).isEqualTo("var/lib/dpkg/status");
                assertThat(location.at("/logicalLocations/0/fullyQualifiedName").asText()).isEqualTo(VulnFixtures.LIBSSL.purl());
                assertThat(location.at("/logicalLocations/0/kind").asText()).isEqualTo("package");
            }
            assertThat(location.at("/physicalLocation/artifactLocation/uriBaseId").asText()).isEqualTo("ROOTPATH");
            assertThat(location.at("/physicalLocation/region/startLine").asInt()).isEqualTo(1);
        }
        assertThat(log4shellUris).containsExactly("app/webapps/shop.war!/WEB-INF/lib/log4j-core-2.14.1.jar",
                "app/lib/log4j-core-2.14.1.jar");
    }

    @Test
    void gitHubCodeScanningRequirements() throws IOException {
        JsonNode log = write(VulnFixtures.report());
        JsonNode run = log.at("/runs/0");

        // https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
        assertThat(log.path("runs").size()).isLessThanOrEqualTo(20);
        assertThat(run.at("/tool/driver/name").asText()).isNotBlank();
        assertThat(run.at("/tool/driver/rules").size()).isLessThanOrEqualTo(25_000);
        assertThat(run.path("results").size()).isLessThanOrEqualTo(25_000);
        for (JsonNode rule : run.at("/tool/driver/rules")) {
            assertThat(rule.at("/shortDescription/text").asText()).isNotBlank().hasSizeLessThanOrEqualTo(1024);
            assertThat(rule.at("/fullDescription/text").asText()).isNotBlank();
            assertThat(rule.at("/help/text").asText()).isNotBlank();
            assertThat(rule.at("/properties/tags").size()).isLessThanOrEqualTo(20);
        }
        Set<String> fingerprints = new HashSet<>();
        for (JsonNode r : run.path("results")) {
            assertThat(r.path("locations").size()).isBetween(1, 1000);
            String uri = r.at("/locations/0/physicalLocation/artifactLocation/uri").asText();
            assertThat(URI.create(uri).isAbsolute()).as("relative to the image root: " + uri).isFalse();
            fingerprints.add(r.at("/partialFingerprints/" + SarifLogBuilder.FINGERPRINT.replace("/", "~1")).asText());
        }
        assertThat(fingerprints).as("one distinct fingerprint per result").hasSize(run.path("results").size())
                .allSatisfy(f -> assertThat(f).matches("[0-9a-f]{64}"));
    }

    @Test
    void fingerprintsAreTheSameInEveryRun() throws IOException {
        JsonNode first = write(VulnFixtures.report()).at("/runs/0/results");
        JsonNode second = write(VulnFixtures.report()).at("/runs/0/results");

        assertThat(first).isEqualTo(second);
    }

    @Test
    void pathsThatAreNotUriSafeAreEncodedAndStillValid() throws IOException {
        Package odd = Package.application("npm", "odd", "1.0.0", List.of(),
                "opt/my app/100%/naïve:dir/node_modules/odd/package.json", "package.json")
                .withPurl("pkg:npm/odd@1.0.0").withLayer(VulnFixtures.APP_LAYER);
        Package colon = Package.application("npm", "colon", "1.0.0", List.of(), "c:/tools/x/package.json", "package.json")
                .withPurl("pkg:npm/colon@1.0.0").withLayer(VulnFixtures.APP_LAYER);
        VulnerabilityFinding f = new VulnerabilityFinding("GHSA-p6mc-m468-83gw", List.of(), List.of(odd, colon), "1.0.0",
                List.of(), null, null, null, List.of(), null, null, null, List.of(), null, null, null, null, null);
        ScanReport report = VulnFixtures.inventory().withVulnerabilities(List.of(f), List.of());

        JsonNode log = write(report);

        assertThat(schemaErrors(log)).isEmpty();
        JsonNode results = log.at("/runs/0/results");
        assertThat(results.at("/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("opt/my%20app/100%25/na%C3%AFve:dir/node_modules/odd/package.json");
        assertThat(results.at("/1/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("./c:/tools/x/package.json");
        assertThat(results.at("/0/level").asText()).as("unknown severity").isEqualTo("note");
        assertThat(log.at("/runs/0/tool/driver/rules/0/properties").has("security-severity")).isFalse();
    }

    @Test
    void aVendorSeverityWithoutCvssGetsAScoreInItsGitHubBand() throws IOException {
        VulnerabilityFinding highNoCvss = new VulnerabilityFinding("CVE-2021-3712", List.of(),
                List.of(VulnFixtures.LIBSSL), "1.1.1k-1", List.of("1.1.1k-1+deb11u1"),
                io.kensa.core.vuln.VulnerabilityStatus.FIXED, io.kensa.core.vuln.Severity.HIGH, "debian", List.of(), null,
                null, null, List.of(), null, null, null, "osv-debian", null);

        JsonNode rule = write(VulnFixtures.inventory().withVulnerabilities(List.of(highNoCvss), List.of()))
                .at("/runs/0/tool/driver/rules/0");

        assertThat(rule.at("/properties/security-severity").asText()).isEqualTo("8.0");
    }

    @Test
    void suppressedFindingsAreNotResults() throws IOException {
        JsonNode results = write(VulnFixtures.report()).at("/runs/0/results");

        assertThat(StreamSupport.stream(results.spliterator(), false).map(r -> r.path("ruleId").asText()))
                .doesNotContain("CVE-2021-23337");
    }

    private static JsonNode write(ScanReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SarifReporter().write(report, out);
        return JSON.readTree(out.toByteArray());
    }

    static List<String> schemaErrors(JsonNode log) throws IOException {
        try (InputStream in = SarifReporterTest.class.getResourceAsStream("sarif-schema-2.1.0.json")) {
            assertThat(in).as("SARIF 2.1.0 schema on the test class path").isNotNull();
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(JSON.readTree(in));
            return schema.validate(log).stream().map(Error::toString).toList();
        }
    }

    private static List<String> ids(JsonNode rules) {
        List<String> out = new ArrayList<>();
        rules.forEach(r -> out.add(r.path("id").asText()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
