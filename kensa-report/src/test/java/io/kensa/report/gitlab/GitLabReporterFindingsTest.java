package io.kensa.report.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.core.ScanReport;
import io.kensa.report.findings.FindingFixtures;
import io.kensa.report.vuln.VulnFixtures;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GitLab's container scanning schema only carries vulnerabilities (secrets have a report type of their own): the
 * other findings are left out, and the report stays valid.
 */
class GitLabReporterFindingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theOtherFindingsAreLeftOutAndTheReportStaysValid() throws IOException {
        ScanReport report = VulnFixtures.report().withSecrets(FindingFixtures.SECRETS)
                .withMisconfigurations(FindingFixtures.MISCONFIGURATIONS).withLicenses(FindingFixtures.LICENSES)
                .withMalware(FindingFixtures.MALWARE);
        byte[] bytes = write(report);
        JsonNode json = JSON.readTree(bytes);

        assertThat(GitLabReporterTest.schemaErrors(json)).isEmpty();
        assertThat(json.path("vulnerabilities")).hasSize(VulnFixtures.FINDINGS.size());
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("aws-access-key-id").doesNotContain("CIS-DI-0001").doesNotContain("EICAR");
        for (String raw : FindingFixtures.RAW_SECRETS) {
            assertThat(text).doesNotContain(raw);
        }
    }

    @Test
    void aReportWithOnlyOtherFindingsIsAValidEmptyReport() throws IOException {
        JsonNode json = JSON.readTree(write(FindingFixtures.report()));

        assertThat(GitLabReporterTest.schemaErrors(json)).isEmpty();
        assertThat(json.path("vulnerabilities")).isEmpty();
    }

    private static byte[] write(ScanReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GitLabReporter().write(report, out);
        return out.toByteArray();
    }
}
