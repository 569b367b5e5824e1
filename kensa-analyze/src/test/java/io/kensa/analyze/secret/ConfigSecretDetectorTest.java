package io.kensa.analyze.secret;

import io.kensa.core.Digest;
import io.kensa.core.ScanReport;
import io.kensa.core.secret.SecretFinding;
import io.kensa.core.vuln.Severity;
import io.kensa.image.oci.ImageConfig;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Credentials in an image config in Docker's format: Env by name, labels, and build arguments in history lines. */
class ConfigSecretDetectorTest {
    private static final ScanReport EMPTY = new ScanReport(null, null, List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of(), List.of());

    private static ImageConfig config() throws Exception {
        byte[] bytes;
        try (InputStream in = ConfigSecretDetectorTest.class.getResourceAsStream("/secret/image-config.json")) {
            bytes = in.readAllBytes();
        }
        return ImageConfig.parse(Digest.sha256(MessageDigest.getInstance("SHA-256").digest(bytes)), bytes);
    }

    @Test
    void envLabelsAndHistoryAreScanned() throws Exception {
        ScanReport report = new ConfigSecretDetector(SecretRuleSet.builtin()).apply(EMPTY, null, config());
        assertThat(report.secrets())
                .extracting(SecretFinding::path, SecretFinding::line, SecretFinding::ruleId, SecretFinding::severity,
                        SecretFinding::layer, SecretFinding::deleted, SecretFinding::match)
                .containsExactly(
                        tuple("config:Env", 4, "generic-secret-assignment", Severity.HIGH, null, false,
                                "API_TOKEN=Zr8t*****"),
                        tuple("config:Labels", 2, "gitlab-pat", Severity.CRITICAL, null, false,
                                "com.corp.deploy-token=glpa*****"),
                        tuple("config:history[2]", 1, "npm-access-token", Severity.CRITICAL, null, false,
                                "RUN |1 NPM_TOKEN=npm_***** /bin/sh -c cat > /root/.npmrc <<EOF"));
        assertThat(report.secrets().toString()).doesNotContain("Zr8tQ1vLw0mN5bXe7Yk2Hs9u")
                .doesNotContain("Qx7vB2nL9mK4pR8tZr8t");
    }

    @Test
    void existingFindingsAreKept() throws Exception {
        SecretFinding inLayer = new SecretFinding("github-pat", "GitHub", Severity.CRITICAL, "GitHub PAT", "/app/x", 1,
                "sha256:9f428b2ec8a9b34000042ed7904ba9c0cc3c877b639a784f32beb4a35859275a", false, "ghp_*****", false);
        ScanReport report = new ConfigSecretDetector(SecretRuleSet.builtin())
                .apply(EMPTY.withSecrets(List.of(inLayer)), null, config());
        assertThat(report.secrets()).hasSize(4).first().isEqualTo(inLayer);
    }
}
