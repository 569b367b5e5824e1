package io.kensa.report.cyclonedx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.core.ScanReport;
import io.kensa.report.vuln.VulnFixtures;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.vulnerability.Vulnerability;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class CycloneDxVulnerabilitiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBomWithFindingsIsValidAgainstTheCycloneDx16Schema() throws IOException {
        byte[] out = write(VulnFixtures.report());

        List<ParseException> errors = new JsonParser().validate(out, Version.VERSION_16);

        assertThat(errors).extracting(Throwable::getMessage).isEmpty();
    }

    @Test
    void theSchemaValidationCoversTheVulnerabilities() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode bom =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(write(VulnFixtures.report()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) bom.at("/vulnerabilities/0/ratings/0")).put("method", "CVSSv9");

        assertThat(new JsonParser().validate(JSON.writeValueAsBytes(bom), Version.VERSION_16)).isNotEmpty();
    }

    @Test
    void noFindingsMeansNoVulnerabilitiesAndAStillValidBom() throws IOException {
        byte[] out = write(VulnFixtures.noFindings());

        assertThat(new JsonParser().validate(out, Version.VERSION_16)).extracting(Throwable::getMessage).isEmpty();
        assertThat(JSON.readTree(out).has("vulnerabilities")).isFalse();
    }

    @Test
    void oneVulnerabilityPerIdMostUrgentFirst() throws IOException {
        JsonNode vulns = JSON.readTree(write(VulnFixtures.report())).path("vulnerabilities");

        List<String> ids = new ArrayList<>();
        vulns.forEach(v -> ids.add(v.path("id").asText()));
        assertThat(ids).containsExactly("CVE-2021-44228", "CVE-2021-45046", "CVE-2021-3711", "CVE-2020-8203",
                "CVE-2021-3712", "CVE-2024-52798", "CVE-2021-44832", "CVE-2021-22898", "CVE-2021-22924",
                "CVE-2021-22922", "CVE-2021-22923");
        assertThat(ids).as("suppressed findings are not listed").doesNotContain("CVE-2021-23337");
    }

    @Test
    void affectsNameTheBomRefOfEveryPackageInstance() throws IOException {
        JsonNode bom = JSON.readTree(write(VulnFixtures.report()));
        Map<String, String> pathByRef = new HashMap<>();
        collect(bom.path("components"), pathByRef);

        JsonNode log4shell = vuln(bom, "CVE-2021-44228");
        List<String> refs = refs(log4shell);
        assertThat(refs).hasSize(2).doesNotHaveDuplicates();
        assertThat(refs).allSatisfy(r -> assertThat(pathByRef).containsKey(r));
        assertThat(refs.stream().map(pathByRef::get)).containsExactlyInAnyOrder(
                VulnFixtures.LOG4J_JAR.paths().getFirst(), VulnFixtures.LOG4J_IN_WAR.paths().getFirst());
        assertThat(log4shell.at("/affects/0/versions/0/version").asText()).isEqualTo("2.14.1");
        assertThat(log4shell.at("/affects/0/versions/0/status").asText()).isEqualTo("affected");

        assertThat(refs(vuln(bom, "CVE-2021-3711"))).containsExactlyInAnyOrder(VulnFixtures.LIBSSL.purl(),
                VulnFixtures.OPENSSL.purl());
    }

    @Test
    void ratingsCarryEachCvssAssessmentWithItsMethodAndTheVendorSeverity() throws IOException {
        JsonNode bom = JSON.readTree(write(VulnFixtures.report()));

        JsonNode log4j44832 = vuln(bom, "CVE-2021-44832").path("ratings");
        assertThat(log4j44832).hasSize(4);
        assertThat(log4j44832.get(0).path("method").asText()).isEqualTo("CVSSv31");
        assertThat(log4j44832.get(0).path("score").asDouble()).isEqualTo(6.6);
        assertThat(log4j44832.get(0).path("vector").asText()).isEqualTo("CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:U/C:H/I:H/A:H");
        assertThat(log4j44832.get(0).path("severity").asText()).isEqualTo("medium");
        assertThat(log4j44832.get(0).at("/source/name").asText()).isEqualTo("nvd");
        assertThat(log4j44832.get(1).path("method").asText()).isEqualTo("CVSSv2");
        assertThat(log4j44832.get(1).path("vector").asText()).isEqualTo("AV:N/AC:M/Au:S/C:C/I:C/A:C");
        assertThat(log4j44832.get(2).at("/source/name").asText()).isEqualTo("ghsa");
        JsonNode vendor = log4j44832.get(3);
        assertThat(vendor.at("/source/name").asText()).isEqualTo("ghsa");
        assertThat(vendor.path("severity").asText()).isEqualTo("medium");
        assertThat(vendor.has("method")).isFalse();
        assertThat(vendor.has("score")).isFalse();

        JsonNode v4 = vuln(bom, "CVE-2024-52798").path("ratings").get(0);
        assertThat(v4.path("method").asText()).isEqualTo("CVSSv4");
        assertThat(v4.path("score").asDouble()).isEqualTo(7.7);
        JsonNode curl = vuln(bom, "CVE-2021-22922").path("ratings");
        assertThat(curl.get(1).at("/source/name").asText()).as("Debian's own rating").isEqualTo("debian");
        assertThat(curl.get(1).path("severity").asText()).isEqualTo("low");
    }

    @Test
    void theRestOfAVulnerabilityIsFilledFromTheFinding() throws IOException {
        JsonNode v = vuln(JSON.readTree(write(VulnFixtures.report())), "CVE-2021-44228");

        assertThat(v.at("/source/name").asText()).isEqualTo("osv-maven");
        assertThat(v.at("/source/url").asText()).isEqualTo("https://github.com/advisories/GHSA-jfh8-c2jp-5v3q");
        assertThat(v.path("references")).singleElement().satisfies(r -> {
            assertThat(r.path("id").asText()).isEqualTo("GHSA-jfh8-c2jp-5v3q");
            assertThat(r.at("/source/url").asText()).isEqualTo("https://github.com/advisories/GHSA-jfh8-c2jp-5v3q");
        });
        List<Integer> cwes = new ArrayList<>();
        v.path("cwes").forEach(c -> cwes.add(c.asInt()));
        assertThat(cwes).containsExactly(20, 400, 502, 917);
        assertThat(v.path("description").asText()).startsWith("Log4j versions prior to 2.16.0");
        assertThat(v.path("detail").asText()).isEqualTo("Remote code injection in Log4j");
        assertThat(v.path("recommendation").asText()).isEqualTo("Upgrade org.apache.logging.log4j:log4j-core to 2.15.0 or later.");
        assertThat(v.at("/advisories/0/url").asText()).isEqualTo("https://github.com/advisories/GHSA-jfh8-c2jp-5v3q");
        Map<String, List<String>> props = properties(v);
        assertThat(props).containsEntry("kensa:kev", List.of("true"))
                .containsEntry("kensa:kev:dateAdded", List.of("2021-12-10"))
                .containsEntry("kensa:kev:dueDate", List.of("2021-12-24"))
                .containsEntry("kensa:kev:knownRansomwareUse", List.of("Known"))
                .doesNotContainKey("kensa:epss");

        Map<String, List<String>> openssl = properties(vuln(JSON.readTree(write(VulnFixtures.report())), "CVE-2021-3711"));
        assertThat(openssl).containsEntry("kensa:epss", List.of("0.01659")).containsEntry("kensa:kev", List.of("false"));
        assertThat(openssl.get("kensa:status")).containsExactly(VulnFixtures.LIBSSL.purl() + " fixed",
                VulnFixtures.OPENSSL.purl() + " fixed");
    }

    @Test
    void theVulnerabilitiesParseBackWithTheLibrary() throws Exception {
        Bom bom = new JsonParser().parse(write(VulnFixtures.report()));

        assertThat(bom.getVulnerabilities()).hasSize(11);
        Vulnerability first = bom.getVulnerabilities().getFirst();
        assertThat(first.getId()).isEqualTo("CVE-2021-44228");
        assertThat(first.getRatings().getFirst().getMethod()).isEqualTo(Vulnerability.Rating.Method.CVSSV31);
        assertThat(first.getRatings().getFirst().getScore()).isEqualTo(10.0);
    }

    @Test
    void methodOfEachCvssVersion() {
        assertThat(CycloneDxVulnerabilities.method("2.0")).isEqualTo(Vulnerability.Rating.Method.CVSSV2);
        assertThat(CycloneDxVulnerabilities.method("3.0")).isEqualTo(Vulnerability.Rating.Method.CVSSV3);
        assertThat(CycloneDxVulnerabilities.method("3.1")).isEqualTo(Vulnerability.Rating.Method.CVSSV31);
        assertThat(CycloneDxVulnerabilities.method("4.0")).isEqualTo(Vulnerability.Rating.Method.CVSSV4);
        assertThat(CycloneDxVulnerabilities.method("5.0")).isEqualTo(Vulnerability.Rating.Method.OTHER);
    }

    private static JsonNode vuln(JsonNode bom, String id) {
        return StreamSupport.stream(bom.path("vulnerabilities").spliterator(), false)
                .filter(v -> v.path("id").asText().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> refs(JsonNode vuln) {
        List<String> out = new ArrayList<>();
        vuln.path("affects").forEach(a -> out.add(a.path("ref").asText()));
        return out;
    }

    private static void collect(JsonNode components, Map<String, String> pathByRef) {
        components.forEach(c -> {
            pathByRef.put(c.path("bom-ref").asText(), c.at("/evidence/occurrences/0/location").asText());
            collect(c.path("components"), pathByRef);
        });
    }

    private static Map<String, List<String>> properties(JsonNode node) {
        return StreamSupport.stream(node.path("properties").spliterator(), false)
                .collect(Collectors.groupingBy(p -> p.path("name").asText(),
                        Collectors.mapping(p -> p.path("value").asText(), Collectors.toList())));
    }

    private static byte[] write(ScanReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CycloneDxReporter().write(report, out);
        return out.toByteArray();
    }
}
