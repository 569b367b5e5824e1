package io.kensa.analyze.inventory;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.engine.LayerResult;
import io.kensa.analyze.malware.MalwareMatch;
import io.kensa.analyze.secret.SecretMatch;
import io.kensa.core.malware.MalwareFinding;
import io.kensa.core.secret.SecretFinding;
import io.kensa.core.vuln.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Secrets and malware keep their layer; what a later layer deletes or replaces is still reported, as deleted. */
class LayerFindingsTest {
    private static final String L0 = "sha256:" + "0".repeat(64);
    private static final String L1 = "sha256:" + "1".repeat(64);
    private static final String L2 = "sha256:" + "2".repeat(64);
    private static final SecretMatch KEY = new SecretMatch("private-key", "AsymmetricPrivateKey", "HIGH",
            "Asymmetric Private Key", 1, "-----BEGIN RSA PRIVATE KEY-----****", false);
    private static final SecretMatch PAT = new SecretMatch("github-pat", "GitHub", "CRITICAL",
            "GitHub Personal Access Token", 4, "token: ghp_****", false);

    private static LayerResult layer(String diffId, List<FileResult> files, List<String> whiteouts,
                                     List<String> opaque) {
        return new LayerResult(diffId, files, whiteouts, opaque, List.of(), List.of(), files.size(), List.of(),
                Map.of());
    }

    @Test
    void deletedReplacedAndVisibleFiles() {
        Inventory inv = new InventoryBuilder().build(List.of(
                layer(L0, List.of(FileResult.ofSecrets("secret", "app/id_rsa", List.of(KEY)),
                        FileResult.ofSecrets("secret", "app/config/settings.yml", List.of(PAT)),
                        FileResult.ofSecrets("secret", "srv/old/token.txt", List.of(PAT)),
                        FileResult.ofMalware("malware", "tmp/eicar.com", List.of(new MalwareMatch("hash",
                                "EICAR-Test-File", "275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f")))),
                        List.of(), List.of()),
                layer(L1, List.of(), List.of("app/id_rsa"), List.of("srv")),
                layer(L2, List.of(FileResult.ofSecrets("secret", "app/config/settings.yml", List.of(PAT))), List.of(),
                        List.of())));

        assertThat(inv.secrets()).extracting(SecretFinding::path, SecretFinding::layer, SecretFinding::deleted)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/app/config/settings.yml", L0, true),
                        org.assertj.core.groups.Tuple.tuple("/app/config/settings.yml", L2, false),
                        org.assertj.core.groups.Tuple.tuple("/app/id_rsa", L0, true),
                        org.assertj.core.groups.Tuple.tuple("/srv/old/token.txt", L0, true));
        assertThat(inv.secrets().get(2).severity()).isEqualTo(Severity.HIGH);
        assertThat(inv.secrets().get(2).match()).isEqualTo(KEY.match());
        assertThat(inv.malware()).extracting(MalwareFinding::path, MalwareFinding::layer, MalwareFinding::deleted,
                        MalwareFinding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/tmp/eicar.com", L0, false, Severity.LOW));
        assertThat(inv.files()).extracting(VisibleFile::path, VisibleFile::layer).containsExactly(
                org.assertj.core.groups.Tuple.tuple("app/config/settings.yml", L2),
                org.assertj.core.groups.Tuple.tuple("tmp/eicar.com", L0));
    }
}
