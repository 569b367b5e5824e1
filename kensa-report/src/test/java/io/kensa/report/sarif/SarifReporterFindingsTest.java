package io.kensa.report.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.core.ScanReport;
import io.kensa.core.misconfig.MisconfigFinding;
import io.kensa.core.secret.SecretFinding;
import io.kensa.core.vuln.Severity;
import io.kensa.report.findings.FindingFixtures;
import io.kensa.report.vuln.VulnFixtures;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SarifReporterFindingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aLogWithEveryKindOfFindingValidatesAgainstTheSarif210Schema() throws IOException {
        assertThat(SarifReporterTest.schemaErrors(write(FindingFixtures.report()))).isEmpty();
        assertThat(SarifReporterTest.schemaErrors(write(FindingFixtures.hostile()))).isEmpty();
        assertThat(SarifReporterTest.schemaErrors(write(withVulnerabilities()))).isEmpty();
    }

    @Test
    void oneRulePerSecretRuleCheckLicenseCategoryAndMalwareSignatureMostSevereFirst() throws IOException {
        JsonNode rules = write(FindingFixtures.report()).at("/runs/0/tool/driver/rules");

        assertThat(ids(rules)).containsExactly("github-pat", "aws-access-key-id", "aws-secret-access-key",
                "private-key", "generic-password", "slack-webhook-url",
                "CIS-DI-0001", "DKL-DI-0001", "CIS-DI-0008", "CIS-DI-0009",
                "license/restricted", "license/unknown",
                "malware/Eicar-Signature", "malware/EICAR-Test-File");
        JsonNode aws = rules.get(1);
        assertThat(aws.at("/shortDescription/text").asText()).isEqualTo("AWS Access Key ID");
        assertThat(aws.at("/defaultConfiguration/level").asText()).as("the highest of its findings").isEqualTo("error");
        assertThat(texts(aws.at("/properties/tags"))).containsExactly("secret", "security", "CRITICAL");
        assertThat(aws.at("/properties/security-severity").asText()).isEqualTo("9.5");
        JsonNode add = rules.get(9);
        assertThat(add.at("/help/text").asText()).contains("Remedy: Use COPY for local files");
        assertThat(add.at("/helpUri").asText()).isEqualTo("https://docs.docker.com/reference/dockerfile/#add");
        assertThat(add.at("/defaultConfiguration/level").asText()).isEqualTo("note");
        JsonNode restricted = rules.get(10);
        assertThat(restricted.at("/fullDescription/text").asText()).contains("GPL-3.0-or-later", "GPL-2.0-or-later");
        assertThat(texts(restricted.at("/properties/tags"))).as("compliance, not a security alert")
                .containsExactly("license", "HIGH");
        assertThat(restricted.at("/properties").has("security-severity")).isFalse();
        assertThat(rules.get(12).at("/shortDescription/text").asText()).isEqualTo("Malware: Eicar-Signature");
    }

    @Test
    void oneResultPerFindingAtItsPathAndLineWithTheLayerAndTheMaskedLineAsSnippet() throws IOException {
        JsonNode results = write(FindingFixtures.report()).at("/runs/0/results");

        assertThat(results).as("every finding but the license the policy allows (zlib)")
                .hasSize(FindingFixtures.SECRETS.size() + FindingFixtures.MISCONFIGURATIONS.size()
                        + FindingFixtures.LICENSES.size() - 1 + FindingFixtures.MALWARE.size());
        JsonNode pat = results.get(0);
        assertThat(pat.path("ruleId").asText()).isEqualTo("github-pat");
        assertThat(pat.path("level").asText()).isEqualTo("error");
        assertThat(pat.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("app/config/settings.yml");
        assertThat(pat.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asText()).isEqualTo("ROOTPATH");
        assertThat(pat.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(4);
        assertThat(pat.at("/locations/0/physicalLocation/region/snippet/text").asText())
                .isEqualTo(FindingFixtures.GITHUB_PAT.match());
        assertThat(pat.at("/properties/layer").asText()).isEqualTo(FindingFixtures.L2);
        assertThat(pat.at("/properties/category").asText()).isEqualTo("GitHub");
        assertThat(pat.at("/message/text").asText()).contains("Match: " + FindingFixtures.GITHUB_PAT.match())
                .contains("Layer: " + FindingFixtures.L2);

        JsonNode deletedKey = result(results, "private-key");
        assertThat(deletedKey.at("/properties/deleted").asBoolean()).isTrue();
        assertThat(deletedKey.at("/message/text").asText()).contains("Deleted by a later layer");
        assertThat(deletedKey.path("level").asText()).isEqualTo("error");
        JsonNode envSecret = resultAt(results, "aws-secret-access-key", "./config:Env");
        assertThat(envSecret.at("/locations/0/physicalLocation/region/startLine").asInt())
                .as("no line: line 1 stands for the whole place, as GitHub needs a region").isEqualTo(1);
        assertThat(envSecret.at("/locations/0/physicalLocation/region").has("snippet")).isFalse();
        assertThat(envSecret.at("/properties").has("line")).isFalse();
        assertThat(envSecret.at("/properties").has("layer")).isFalse();

        JsonNode sudo = result(results, "DKL-DI-0001");
        assertThat(sudo.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("Dockerfile");
        assertThat(sudo.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(5);
        assertThat(sudo.at("/message/text").asText()).contains("Evidence: RUN sudo apt-get install -y curl");
        JsonNode root = result(results, "CIS-DI-0001");
        assertThat(root.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .as("an image-wide check is located at the image").isEqualTo("kensa-corpus/secrets-misconfig:latest");
        JsonNode setuid = result(results, "CIS-DI-0008");
        assertThat(setuid.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("usr/local/bin/netdiag");
        assertThat(setuid.at("/properties/layer").asText()).isEqualTo(FindingFixtures.L4);
        assertThat(setuid.path("level").asText()).isEqualTo("warning");

        JsonNode tar = result(results, "license/restricted");
        assertThat(tar.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
                .isEqualTo(FindingFixtures.TAR.purl());
        assertThat(tar.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("usr/share/doc/tar/copyright");
        assertThat(tar.at("/properties/policy").asText()).isEqualTo("fail");
        assertThat(tar.at("/properties/license").asText()).isEqualTo("GPL-3.0-or-later");
        assertThat(tar.at("/properties/layer").asText()).isEqualTo(FindingFixtures.L0);

        for (JsonNode r : results) {
            assertThat(r.at("/locations/0/physicalLocation/region/startLine").asInt()).as("GitHub's GH1003").isPositive();
        }
        JsonNode eicar = result(results, "malware/EICAR-Test-File");
        assertThat(eicar.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("tmp/eicar.com");
        assertThat(eicar.at("/properties/layer").asText()).isEqualTo(FindingFixtures.L4);
        assertThat(eicar.at("/properties/engine").asText()).isEqualTo("hash");
        assertThat(eicar.at("/properties/sha256").asText()).isEqualTo(FindingFixtures.EICAR_SHA256);
        assertThat(eicar.path("level").asText()).isEqualTo("note");
    }

    @Test
    void everyResultPointsAtItsRuleAndHasItsOwnStableFingerprint() throws IOException {
        JsonNode run = write(withVulnerabilities()).at("/runs/0");
        List<String> ruleIds = ids(run.at("/tool/driver/rules"));

        Set<String> fingerprints = new HashSet<>();
        for (JsonNode r : run.path("results")) {
            assertThat(ruleIds.get(r.path("ruleIndex").asInt())).isEqualTo(r.path("ruleId").asText());
            fingerprints.add(r.at("/partialFingerprints/" + SarifLogBuilder.FINGERPRINT.replace("/", "~1")).asText());
        }
        assertThat(fingerprints).hasSize(run.path("results").size());
        assertThat(ruleIds).doesNotHaveDuplicates();
        assertThat(write(withVulnerabilities()).at("/runs/0/results")).isEqualTo(run.path("results"));
    }

    @Test
    void aRuleIdAVulnerabilityAlreadyUsesGetsItsKindAsPrefix() throws IOException {
        MisconfigFinding clash = new MisconfigFinding("CVE-2021-44228", "image", Severity.HIGH, "A check named like a CVE",
                null, null, List.of(), null, 0, null);
        JsonNode run = write(VulnFixtures.report().withMisconfigurations(List.of(clash))).at("/runs/0");

        List<String> ruleIds = ids(run.at("/tool/driver/rules"));
        assertThat(ruleIds).contains("CVE-2021-44228", "misconfiguration/CVE-2021-44228").doesNotHaveDuplicates();
        JsonNode last = run.path("results").get(run.path("results").size() - 1);
        assertThat(last.path("ruleId").asText()).isEqualTo("misconfiguration/CVE-2021-44228");
        assertThat(ruleIds.get(last.path("ruleIndex").asInt())).isEqualTo("misconfiguration/CVE-2021-44228");
    }

    @Test
    void onlyTheMaskedLinesOfTheSecretsAreWritten() throws IOException {
        String text = new String(bytes(FindingFixtures.report()), StandardCharsets.UTF_8);

        for (String raw : FindingFixtures.RAW_SECRETS) {
            assertThat(text).doesNotContain(raw);
        }
        for (SecretFinding s : FindingFixtures.SECRETS) {
            assertThat(text).contains("Match: " + s.match() + "\"");
            if (s.line() > 0) {
                assertThat(text).as("the region's snippet").contains("\"text\" : \"" + s.match() + "\"");
            }
        }
    }

    @Test
    void aReportWithoutTheseFindingsHasNoRulesOrResultsForThem() throws IOException {
        JsonNode run = write(FindingFixtures.inventory()).at("/runs/0");

        assertThat(run.at("/tool/driver/rules")).isEmpty();
        assertThat(run.path("results")).isEmpty();
    }

    private static ScanReport withVulnerabilities() {
        return VulnFixtures.report().withSecrets(FindingFixtures.SECRETS)
                .withMisconfigurations(FindingFixtures.MISCONFIGURATIONS).withLicenses(FindingFixtures.LICENSES)
                .withMalware(FindingFixtures.MALWARE);
    }

    private static JsonNode result(JsonNode results, String ruleId) {
        for (JsonNode r : results) {
            if (r.path("ruleId").asText().equals(ruleId)) {
                return r;
            }
        }
        throw new AssertionError("no result of " + ruleId);
    }

    private static JsonNode resultAt(JsonNode results, String ruleId, String uri) {
        for (JsonNode r : results) {
            if (r.path("ruleId").asText().equals(ruleId)
                    && r.at("/locations/0/physicalLocation/artifactLocation/uri").asText().equals(uri)) {
                return r;
            }
        }
        throw new AssertionError("no result of " + ruleId + " at " + uri);
    }

    private static JsonNode write(ScanReport report) throws IOException {
        return JSON.readTree(bytes(report));
    }

    private static byte[] bytes(ScanReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SarifReporter().write(report, out);
        return out.toByteArray();
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
