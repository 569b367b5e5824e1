package io.kensa.analyze.secret;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.testing.MemoryFileEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretAnalyzerTest {
    private static final String TEXT = "[ci]\naws_access_key_id = AKIA2E0A8F3B244C9986\n";
    private final SecretAnalyzer analyzer = new SecretAnalyzer(SecretRuleSet.builtin());

    @Test
    void identity() {
        assertThat(analyzer.id()).isEqualTo("secret");
        assertThat(analyzer.followsLinks()).isFalse();
    }

    @Test
    void aTextFileGivesItsMaskedSecrets() throws IOException {
        FileResult r = analyzer.analyze(MemoryFileEntry.of("root/.aws/credentials", TEXT));
        assertThat(r.analyzer()).isEqualTo("secret");
        assertThat(r.path()).isEqualTo("root/.aws/credentials");
        assertThat(r.skipped()).isNull();
        assertThat(r.secrets()).extracting(SecretMatch::ruleId, SecretMatch::line, SecretMatch::match)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("aws-access-key-id", 2,
                        "aws_access_key_id = AKIA*****"));
        assertThat(analyzer.analyze(MemoryFileEntry.of("app/empty", ""))).isNull();
        assertThat(analyzer.analyze(MemoryFileEntry.of("app/readme.txt", "nothing to see\n"))).isNull();
    }

    @Test
    void binaryFilesAreSkippedByTheirFirstBytes() throws IOException {
        // an ELF executable (the JVM's launcher) and gzip data, both real formats; the text inside does not matter
        byte[] elf = Files.readAllBytes(Path.of(System.getProperty("java.home"), "bin", "java"));
        assertThat(analyzer.analyze(new MemoryFileEntry("usr/local/bin/tool", elf)).skipped()).isEqualTo("binary");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(TEXT.getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(analyzer.analyze(new MemoryFileEntry("app/creds.bak", gz.toByteArray())).skipped())
                .isEqualTo("binary");
        byte[] withNul = (TEXT + "\0").getBytes(StandardCharsets.US_ASCII);
        assertThat(analyzer.analyze(new MemoryFileEntry("app/creds", withNul)).skipped()).isEqualTo("binary");
    }

    @Test
    void filesOverTheSizeLimitAreSkipped() throws IOException {
        SecretAnalyzer small = new SecretAnalyzer(SecretRuleSet.builtin(), 16);
        assertThat(small.analyze(MemoryFileEntry.of("root/.aws/credentials", TEXT)).skipped())
                .isEqualTo("over size limit");
        assertThat(analyzer.analyze(MemoryFileEntry.of("root/.aws/credentials", TEXT)).skipped()).isNull();
        assertThatThrownBy(() -> new SecretAnalyzer(SecretRuleSet.builtin(), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"root/.aws/credentials", "app/.env", "app/id_rsa", "etc/ssl/private/server.key",
            "opt/app/config/settings.yml", "home/app/.docker/config.json", "root/.git-credentials",
            "usr/local/bin/deploy.sh", "srv/www/index.php", "app/.venv/lib/python3.11/site-packages/pkg/cfg.py"})
    void wantsTheFilesOfTheImage(String path) {
        assertThat(analyzer.wants(path, 0644)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"usr/share/doc/openssl/README", "usr/lib/python3/dist-packages/jwt/api.py",
            "usr/include/openssl/pem.h", "usr/share/locale/de/LC_MESSAGES/x.mo", "app/locales/en.yml",
            "app/node_modules/ws/test/fixtures/key.pem", "go/src/app/auth_test.go", "app/tests/conftest.py",
            "app/config/settings.example.yml", "app/vendor/aws/credentials.php", "app/README.md",
            "app/static/logo.png", "app/lib/app.jar", "usr/local/go/src/crypto/tls/testdata/x.pem",
            "usr/local/lib/python3.12/test/keycert.pem", "opt/yarn-v1.22.19/lib/cli.js"})
    void leavesOutTheAllowedPaths(String path) {
        assertThat(analyzer.wants(path, 0644)).isFalse();
    }

    @Test
    void theVersionFollowsTheRulesAndTheSizeLimit() {
        int base = analyzer.version();
        assertThat(new SecretAnalyzer(SecretRuleSet.builtin()).version()).isEqualTo(base);
        assertThat(new SecretAnalyzer(SecretRuleSet.builtin(), 1 << 20).version()).isNotEqualTo(base);
        SecretRuleSet fewer = new SecretRuleSet(SecretRuleSet.builtin().rules().subList(1, 10),
                SecretRuleSet.builtin().allowRules());
        assertThat(new SecretAnalyzer(fewer).version()).isNotEqualTo(base);
    }
}
