package io.kensa.report.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kensa.core.ScanReport;
import io.kensa.core.vuln.VulnerabilityFinding;
import io.kensa.report.vuln.VulnFixtures;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class GitLabReporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void formatName() {
        assertThat(new GitLabReporter().format()).isEqualTo("gitlab");
    }

    @Test
    void validatesAgainstGitLabsContainerScanningSchema() throws IOException {
        JsonNode report = write(VulnFixtures.report());

        assertThat(schemaErrors(report)).isEmpty();
        assertThat(report.path("version").asText()).isEqualTo("15.2.1");
        assertThat(report.path("vulnerabilities")).hasSize(VulnFixtures.FINDINGS.size());
    }

    @Test
    void theSchemaCatchesABrokenReport() throws IOException {
        ObjectNode report = (ObjectNode) write(VulnFixtures.report());
        ((ObjectNode) report.at("/vulnerabilities/0")).put("severity", "CRITICAL");
        ObjectNode noTime = (ObjectNode) write(VulnFixtures.report());
        ((ObjectNode) noTime.path("scan")).put("start_time", "2026-11-02T10:15:30.123Z");

        assertThat(schemaErrors(report)).isNotEmpty();
        assertThat(schemaErrors(noTime)).isNotEmpty();
    }

    @Test
    void aReportWithoutFindingsIsValid() throws IOException {
        JsonNode report = write(VulnFixtures.noFindings());

        assertThat(schemaErrors(report)).isEmpty();
        assertThat(report.path("vulnerabilities")).isEmpty();
    }

    @Test
    void theScanNamesKensaAndTheScansTime() throws IOException {
        JsonNode scan = write(VulnFixtures.report()).path("scan");

        assertThat(scan.path("type").asText()).isEqualTo("container_scanning");
        assertThat(scan.path("status").asText()).isEqualTo("success");
        assertThat(scan.at("/analyzer/id").asText()).isEqualTo("kensa");
        assertThat(scan.at("/scanner/vendor/name").asText()).isEqualTo("Kensa");
        assertThat(scan.path("start_time").asText()).isEqualTo("2026-11-02T10:15:30");
        assertThat(scan.path("end_time").asText()).isEqualTo("2026-11-02T10:15:30");
    }

    @Test
    void aVulnerabilityCarriesItsIdentifiersSolutionAndLocation() throws IOException {
        JsonNode v = write(VulnFixtures.report()).at("/vulnerabilities/0");

        assertThat(v.path("name").asText()).isEqualTo("Remote code injection in Log4j");
        assertThat(v.path("severity").asText()).isEqualTo("Critical");
        assertThat(v.path("solution").asText()).isEqualTo("Upgrade org.apache.logging.log4j:log4j-core to 2.15.0 or later.");
        JsonNode ids = v.path("identifiers");
        assertThat(ids.get(0).path("type").asText()).isEqualTo("cve");
        assertThat(ids.get(0).path("value").asText()).isEqualTo("CVE-2021-44228");
        assertThat(ids.get(0).path("url").asText()).isEqualTo("https://nvd.nist.gov/vuln/detail/CVE-2021-44228");
        assertThat(ids.get(1).path("type").asText()).isEqualTo("ghsa");
        assertThat(ids.get(1).path("name").asText()).isEqualTo("GHSA-jfh8-c2jp-5v3q");
        List<String> cwes = new ArrayList<>();
        ids.forEach(i -> {
            if (i.path("type").asText().equals("cwe")) {
                cwes.add(i.path("value").asText());
            }
        });
        assertThat(cwes).containsExactly("20", "400", "502", "917");
        assertThat(v.at("/links/0/url").asText()).isEqualTo("https://github.com/advisories/GHSA-jfh8-c2jp-5v3q");
        assertThat(v.at("/cvss_vectors/0/vector").asText()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H");
        assertThat(v.at("/cvss_vectors/0/vendor").asText()).isEqualTo("ghsa");
        JsonNode location = v.path("location");
        assertThat(location.at("/dependency/package/name").asText()).isEqualTo("org.apache.logging.log4j:log4j-core");
        assertThat(location.at("/dependency/version").asText()).isEqualTo("2.14.1");
        assertThat(location.path("operating_system").asText()).isEqualTo("debian 11.0");
        assertThat(location.path("image").asText()).isEqualTo("debian:11");
        assertThat(write(VulnFixtures.report()).has("remediations")).isFalse();
    }

    @Test
    void cvssVectorsGitLabCannotReadAreLeftOut() throws IOException {
        JsonNode vulns = write(VulnFixtures.report()).path("vulnerabilities");
        JsonNode v4 = StreamSupport.stream(vulns.spliterator(), false)
                .filter(v -> v.at("/identifiers/0/value").asText().equals("CVE-2024-52798")).findFirst().orElseThrow();
        JsonNode log4j44832 = StreamSupport.stream(vulns.spliterator(), false)
                .filter(v -> v.at("/identifiers/0/value").asText().equals("CVE-2021-44832")).findFirst().orElseThrow();

        assertThat(v4.has("cvss_vectors")).as("CVSS v4 is not in schema 15.2.1").isFalse();
        assertThat(log4j44832.path("cvss_vectors")).hasSize(3);
        assertThat(log4j44832.at("/cvss_vectors/1/vector").asText()).isEqualTo("AV:N/AC:M/Au:S/C:C/I:C/A:C");
    }

    @Test
    void idsAreStableUuidsOfTheVulnerabilityAndThePackageAndUnique() throws IOException {
        JsonNode first = write(VulnFixtures.report()).path("vulnerabilities");
        JsonNode second = write(VulnFixtures.report()).path("vulnerabilities");

        Set<String> ids = new HashSet<>();
        for (int i = 0; i < first.size(); i++) {
            String id = first.get(i).path("id").asText();
            assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(second.get(i).path("id").asText()).isEqualTo(id);
            ids.add(id);
        }
        assertThat(ids).hasSize(first.size());
        VulnerabilityFinding libssl = VulnFixtures.OPENSSL_3711_LIBSSL;
        assertThat(GitLabReporter.stableId(libssl)).isNotEqualTo(GitLabReporter.stableId(VulnFixtures.OPENSSL_3711_OPENSSL));
        assertThat(GitLabReporter.stableId(libssl).toString()).isEqualTo(java.util.UUID.nameUUIDFromBytes(
                ("CVE-2021-3711|" + VulnFixtures.LIBSSL.purl()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
    }

    @Test
    void hostileTextStaysDataAndTheReportStaysValid() throws IOException {
        JsonNode report = write(VulnFixtures.hostile());

        assertThat(schemaErrors(report)).isEmpty();
        JsonNode v = report.at("/vulnerabilities/0");
        assertThat(v.path("name").asText()).startsWith("<img src=x onerror=alert(1)>");
        assertThat(v.path("links")).as("javascript: is not a link").isEmpty();
        assertThat(v.at("/location/dependency/package/name").asText()).isEqualTo("<script>alert(\"pkg\")</script>");
    }

    @Test
    void longTextIsCutToTheSchemasLimits() throws IOException {
        VulnerabilityFinding f = VulnFixtures.LOG4SHELL;
        VulnerabilityFinding longTitle = new VulnerabilityFinding(f.id(), f.aliases(), f.packages(), f.installedVersion(),
                f.fixedVersions(), f.status(), f.severity(), f.severitySource(), f.cvss(), f.epss(), f.epssPercentile(),
                f.kev(), f.cwes(), "x".repeat(400), f.description(), f.primaryUrl(), f.dataSource(), f.matchReason());
        JsonNode report = write(VulnFixtures.inventory().withVulnerabilities(List.of(longTitle), List.of()));

        assertThat(schemaErrors(report)).isEmpty();
        assertThat(report.at("/vulnerabilities/0/name").asText()).hasSize(255).endsWith("…");
    }

    private static JsonNode write(ScanReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GitLabReporter().write(report, out);
        return JSON.readTree(out.toByteArray());
    }

    static List<String> schemaErrors(JsonNode report) throws IOException {
        try (InputStream in = GitLabReporterTest.class.getResourceAsStream("container-scanning-report-format-15.2.1.json")) {
            assertThat(in).as("GitLab's schema on the test class path").isNotNull();
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(JSON.readTree(in));
            return schema.validate(report).stream().map(Error::toString).toList();
        }
    }
}
