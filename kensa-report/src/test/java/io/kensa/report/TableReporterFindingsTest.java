package io.kensa.report;

import io.kensa.core.ScanReport;
import io.kensa.core.secret.SecretFinding;
import io.kensa.report.findings.FindingFixtures;
import io.kensa.report.vuln.VulnFixtures;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TableReporterFindingsTest {

    @Test
    void oneSectionPerKindAfterTheVulnerabilitiesEachWithItsCountsBySeverity() throws IOException {
        ScanReport report = VulnFixtures.report().withSecrets(FindingFixtures.SECRETS)
                .withMisconfigurations(FindingFixtures.MISCONFIGURATIONS).withLicenses(FindingFixtures.LICENSES)
                .withMalware(FindingFixtures.MALWARE);
        List<String> lines = write(report).lines().toList();

        int vulnerabilities = indexOfStart(lines, "Vulnerabilities: ");
        int secrets = lines.indexOf("Secrets: 9 (CRITICAL: 4, HIGH: 1, MEDIUM: 2, LOW: 2, UNKNOWN: 0)");
        int misconfigs = lines.indexOf("Misconfigurations: 4 (CRITICAL: 0, HIGH: 2, MEDIUM: 1, LOW: 1, UNKNOWN: 0)");
        int licenses = lines.indexOf(
                "Licenses: 4 (CRITICAL: 0, HIGH: 2, MEDIUM: 0, LOW: 1, UNKNOWN: 1); policy: 1 fail, 2 warn, 1 allow");
        int malware = lines.indexOf("Malware: 2 (CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 2, UNKNOWN: 0)");
        assertThat(vulnerabilities).isPositive().isLessThan(secrets);
        assertThat(secrets).isLessThan(misconfigs);
        assertThat(misconfigs).isLessThan(licenses);
        assertThat(licenses).isLessThan(malware);
    }

    @Test
    void secretsAreGroupedByFileTheMostSevereFirstWithLayerDeletionAndTheMaskedLineUnderEachRow() throws IOException {
        List<String> lines = write(FindingFixtures.report()).lines().toList();

        List<String> files = List.of("/app/config/settings.yml (L2)", "/root/.aws/credentials (L2)",
                "config:Env (image config)", "/app/id_rsa (L2, deleted by a later layer)",
                "/app/.env (L2, deleted by a later layer)");
        int previous = -1;
        for (String file : files) {
            int at = lines.indexOf(file);
            assertThat(at).as(file).isGreaterThan(previous);
            assertThat(lines.get(at + 1)).isEqualTo("=".repeat(file.length()));
            previous = at;
        }
        int aws = lines.indexOf("/root/.aws/credentials (L2)");
        assertThat(lines.get(aws + 2)).isEqualTo("Total: 4 (CRITICAL: 2, HIGH: 0, MEDIUM: 0, LOW: 2, UNKNOWN: 0)");
        assertThat(lines.get(aws + 4)).matches("SEVERITY +RULE +CATEGORY +LINE +TITLE");
        assertThat(lines.get(aws + 6)).matches("CRITICAL +aws-access-key-id +AWS +6 +AWS Access Key ID");
        assertThat(lines.get(aws + 7)).isEqualTo("    " + FindingFixtures.AWS_KEY_ID.match());
        assertThat(lines.get(aws + 8)).matches("CRITICAL +aws-secret-access-key +AWS +7 +AWS Secret Access Key");
        assertThat(lines.get(aws + 9)).isEqualTo("    " + FindingFixtures.AWS_SECRET.match());
        assertThat(lines.get(aws + 10)).matches("LOW +aws-access-key-id +AWS +2 +AWS Access Key ID \\[example]");
        int key = lines.indexOf("/app/id_rsa (L2, deleted by a later layer)");
        assertThat(lines.get(key + 6)).matches("HIGH +private-key +AsymmetricPrivateKey +1 +Asymmetric Private Key");
        assertThat(lines.get(key + 7)).isEqualTo("    -----BEGIN RSA PRIVATE KEY-----");
        int config = lines.indexOf("config:Env (image config)");
        assertThat(lines.get(config + 6)).as("no line: the column is empty")
                .matches("CRITICAL +aws-secret-access-key +AWS +AWS Secret Access Key");
    }

    @Test
    void everyMaskedLineAppearsAsGivenAndNothingOfTheRawValues() throws IOException {
        String text = write(FindingFixtures.report());

        for (SecretFinding s : FindingFixtures.SECRETS) {
            // a terminal line: leading white space goes, as everywhere in the table
            assertThat(text).contains("\n    " + s.match().strip() + "\n");
        }
        for (String raw : FindingFixtures.RAW_SECRETS) {
            assertThat(text).doesNotContain(raw);
        }
    }

    @Test
    void misconfigurationsAreOneListWithWhereEachFiredAndItsEvidenceRemedyAndReference() throws IOException {
        List<String> lines = write(FindingFixtures.report()).lines().toList();
        int at = indexOfStart(lines, "Misconfigurations: ");

        assertThat(lines.get(at + 2)).matches("SEVERITY +ID +WHERE +TITLE");
        assertThat(lines.get(at + 4)).matches("HIGH +CIS-DI-0001 +image config +Create a user for the container");
        assertThat(lines.get(at + 5)).isEqualTo("    * Config.User is not set: the container runs as root");
        assertThat(lines.get(at + 6)).isEqualTo(
                "    remedy: Add a USER instruction with a non-root user after the packages are installed.");
        assertThat(lines.get(at + 7)).isEqualTo("    reference: CIS Docker Benchmark v1.6.0, 4.1");
        assertThat(lines.get(at + 8)).matches("HIGH +DKL-DI-0001 +Dockerfile:5 +Avoid sudo command");
        assertThat(lines.get(at + 9)).isEqualTo("    * RUN sudo apt-get install -y curl");
        assertThat(lines.get(at + 11)).matches(
                "MEDIUM +CIS-DI-0008 +/usr/local/bin/netdiag \\(L4\\) +Confirm safety of setuid/setgid files");
        assertThat(lines.get(at + 15)).matches("LOW +CIS-DI-0009 +layer L1 +Use COPY instead of ADD in Dockerfile");
        assertThat(lines.get(at + 16)).isEqualTo(
                "    * ADD https://downloads.example.com/netdiag/install.sh /opt/netdiag/install.sh");
    }

    @Test
    void licensesAreOneListMostSevereAndFailingFirst() throws IOException {
        List<String> lines = write(FindingFixtures.report()).lines().toList();
        int at = indexOfStart(lines, "Licenses: ");

        assertThat(lines.get(at + 2)).matches("SEVERITY +POLICY +CATEGORY +LICENSE +PACKAGE +LAYER +PATH");
        assertThat(lines.get(at + 4)).matches(
                "HIGH +fail +restricted +GPL-3\\.0-or-later +tar +L0 +/usr/share/doc/tar/copyright");
        assertThat(lines.get(at + 5)).matches(
                "HIGH +warn +restricted +GPL-2\\.0-or-later +dpkg +L0 +/usr/share/doc/dpkg/copyright");
        assertThat(lines.get(at + 6)).matches("LOW +allow +notice +Zlib +zlib1g +L0 +/usr/share/doc/zlib1g/copyright");
        assertThat(lines.get(at + 7)).matches(
                "UNKNOWN +warn +unknown +LicenseRef-base-files-copyright +base-files +L0 +/usr/share/doc/base-files/copyright");
    }

    @Test
    void malwareListsEachEngineWithTheLayerPathAndHash() throws IOException {
        List<String> lines = write(FindingFixtures.report()).lines().toList();
        int at = indexOfStart(lines, "Malware: ");

        assertThat(lines.get(at + 2)).matches("SEVERITY +ENGINE +SIGNATURE +LAYER +PATH");
        assertThat(lines.get(at + 4)).matches("LOW +clamav +Eicar-Signature +L4 +/tmp/eicar\\.com");
        assertThat(lines.get(at + 5)).matches("LOW +hash +EICAR-Test-File +L4 +/tmp/eicar\\.com");
        assertThat(lines.get(at + 6)).isEqualTo("    sha256: " + FindingFixtures.EICAR_SHA256);
    }

    @Test
    void aDeletedMalwareFileSaysSo() throws IOException {
        var deleted = new io.kensa.core.malware.MalwareFinding("/tmp/eicar.com", FindingFixtures.L2, "hash",
                "EICAR-Test-File", io.kensa.core.vuln.Severity.LOW, FindingFixtures.EICAR_SHA256, true);
        List<String> lines = write(FindingFixtures.inventory().withMalware(List.of(deleted))).lines().toList();

        assertThat(lines).anySatisfy(l -> assertThat(l).matches("LOW +hash +EICAR-Test-File +L2, deleted +/tmp/eicar\\.com"));
    }

    @Test
    void aKindWithoutFindingsHasNoSectionAtAll() throws IOException {
        String nothing = write(FindingFixtures.inventory());
        assertThat(nothing).doesNotContain("Secrets").doesNotContain("Misconfigurations").doesNotContain("Licenses")
                .doesNotContain("Malware").doesNotContain("SEVERITY").contains("OS packages: 4");

        String secretsOnly = write(FindingFixtures.inventory().withSecrets(List.of(FindingFixtures.DB_PASSWORD)));
        assertThat(secretsOnly).contains("Secrets: 1 (CRITICAL: 0, HIGH: 0, MEDIUM: 1, LOW: 0, UNKNOWN: 0)")
                .doesNotContain("Misconfigurations").doesNotContain("Licenses").doesNotContain("Malware");
    }

    @Test
    void theRowsFitIn120ColumnsAndControlCharactersCannotReachTheTerminal() throws IOException {
        String text = write(FindingFixtures.hostile());

        assertThat(text).doesNotContain("\u001b").doesNotContain("\u0001").doesNotContain("\r").doesNotContain("\u0007");
        assertThat(text.lines()).as("the match's line break does not start a line").noneMatch(l -> l.startsWith("line2"));
        assertThat(text).contains("    TOKEN=abcd**** ]]> [31mred line2 </failure><script>alert('match')</script>");
        assertThat(write(FindingFixtures.report()).lines().filter(l -> !l.startsWith("    ")))
                .allSatisfy(l -> assertThat(TerminalText.width(l)).as(l).isLessThanOrEqualTo(120));
    }

    private static int indexOfStart(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static String write(ScanReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TableReporter().write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
