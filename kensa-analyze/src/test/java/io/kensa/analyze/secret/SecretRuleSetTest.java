package io.kensa.analyze.secret;

import io.kensa.core.KensaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Configuration files in Trivy's trivy-secret.yaml shape, merged with the built-in rules. */
class SecretRuleSetTest {
    private static final String GHP = "ghp_R4nd0mT0k3nVa1u3sAr3N0tR3a1xY7zQ2pL9";

    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(SecretRuleSetTest.class.getResource("/secret/" + name).toURI());
    }

    private static List<SecretMatch> scan(SecretRuleSet rules, String path, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return rules.scanner().scan(path, b, b.length);
    }

    @Test
    void customRulesAndAllowRulesAreAddedToTheBuiltinOnes() throws Exception {
        SecretRuleSet rules = SecretRuleSet.load(resource("trivy-secret.yaml"));
        assertThat(rules.rules()).hasSize(SecretRuleSet.builtin().rules().size() + 2);

        // Trivy's documented example rule: (?P<secret>) group, keywords, path .*\.sh
        String line = "export SECRET='Zr8tQ1vLw0mN5bXe'\n";
        assertThat(scan(rules, "app/run.sh", line))
                .extracting(SecretMatch::ruleId, SecretMatch::severity, SecretMatch::category, SecretMatch::match)
                .containsExactly(tuple("rule1", "HIGH", "general", "export SECRET='Zr8t*****'"));
        assertThat(scan(rules, "app/run.py", line)).isEmpty();
        assertThat(scan(rules, "app/run.sh.txt", line)).as("the rule's own allow rule").isEmpty();
        assertThat(scan(rules, "app/run.sh", "SECRET='219-09-9999'")).as("global allow regex").isEmpty();

        // a group name Java does not accept (token_value), POSIX classes, a list of paths, a lower-case severity;
        // the excerpt masks the whole value, which the generic assignment rule (given way to) found too
        String corp = "token: corp_Zr8tQ1vLw0mN5bXe7Yk2Hs9u";
        assertThat(scan(rules, "opt/corp/app.conf", corp)).extracting(SecretMatch::ruleId, SecretMatch::severity,
                SecretMatch::match).containsExactly(tuple("corp-token", "CRITICAL", "token: corp*****"));
        assertThat(scan(rules, "srv/app.txt", corp)).isEmpty();

        // allow rules by path skip whole files; the built-in markdown one is disabled
        assertThat(rules.scanner().skipsPath("app/fixtures/creds")).isTrue();
        assertThat(rules.scanner().skipsPath("app/README.md")).isFalse();
        assertThat(SecretRuleSet.builtin().scanner().skipsPath("app/README.md")).isTrue();
        assertThat(rules.allowRules()).extracting(AllowRule::id).contains("social-security-number", "fixtures",
                "usr-dirs").doesNotContain("markdown");
    }

    @Test
    void enableAndDisableSelectTheBuiltinRules() throws Exception {
        SecretRuleSet rules = SecretRuleSet.load(resource("enable-aws-only.yaml"));
        assertThat(rules.rules()).extracting(SecretRule::id)
                .containsExactly("aws-access-key-id", "aws-secret-access-key");
        assertThat(scan(rules, "app/notes.txt", GHP)).isEmpty();
        assertThat(scan(SecretRuleSet.builtin(), "app/notes.txt", GHP)).hasSize(1);
    }

    @Test
    void aCustomRuleWithABuiltinIdReplacesIt() throws IOException {
        Path f = write("rules:\n  - id: github-pat\n    category: GitHub\n    title: PAT\n    severity: LOW\n"
                + "    regex: ghp_[0-9a-zA-Z]{36}\n    keywords: [ghp_]\n");
        SecretRuleSet rules = SecretRuleSet.load(f);
        assertThat(rules.rules()).hasSameSizeAs(SecretRuleSet.builtin().rules());
        assertThat(scan(rules, "app/notes.txt", GHP)).extracting(SecretMatch::severity).containsExactly("LOW");
    }

    @Test
    void theFingerprintFollowsTheRules() throws Exception {
        int builtin = SecretRuleSet.builtin().fingerprint();
        assertThat(SecretRuleSet.builtin().fingerprint()).isEqualTo(builtin);
        int custom = SecretRuleSet.load(resource("trivy-secret.yaml")).fingerprint();
        assertThat(custom).isNotEqualTo(builtin).isEqualTo(SecretRuleSet.load(resource("trivy-secret.yaml")).fingerprint());
        Path a = write("rules:\n  - id: x\n    regex: abc[0-9]{8}\n    keywords: [abc]\n");
        Path b = write("rules:\n  - id: x\n    regex: abc[0-9]{9}\n    keywords: [abc]\n");
        assertThat(SecretRuleSet.load(a).fingerprint()).isNotEqualTo(SecretRuleSet.load(b).fingerprint());
        Path empty = write("");
        assertThat(SecretRuleSet.load(empty).fingerprint()).isEqualTo(builtin);
    }

    @Test
    void aRuleWithoutKeywordsRunsOnEveryLine() throws IOException {
        SecretRuleSet rules = SecretRuleSet.load(write("rules:\n  - id: pin\n    severity: MEDIUM\n"
                + "    regex: 'PIN (?P<secret>[0-9]{6})'\n    secret-group-name: secret\n"));
        assertThat(scan(rules, "app/a.txt", "first\nthe PIN 483920 is\n")).extracting(SecretMatch::ruleId,
                SecretMatch::line, SecretMatch::match).containsExactly(tuple("pin", 2, "the PIN ***** is"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "rules:\\n  - id: x\\n    regex: 'abc(('|rules[0] (x): regex 'abc((' is not valid: Unclosed group",
            "rules:\\n  - id: x\\n    regex: '(?U)a+'|the U (ungreedy) flag",
            "rules:\\n  - id: x\\n    regex: a\\n    severity: SEVERE|severity 'SEVERE' is not one of",
            "rules:\\n  - id: x\\n    regex: a(?P<s>b)\\n    secret-group-name: secret|secret-group-name 'secret' is not a named group",
            "rules:\\n  - regex: abc|rules[0]: id is required",
            "rules:\\n  - id: x\\n    regex: a\\n    exclude-block: {}|Trivy's exclude-block is not supported",
            "rule:\\n  - id: x|top level: unknown key 'rule'",
            "disable-rules: [no-such-rule]|disable-rules: there is no rule 'no-such-rule'",
            "enable-builtin-rules: [aws]|enable-builtin-rules: there is no built-in rule 'aws'",
            "disable-allow-rules: [docs]|disable-allow-rules: there is no allow rule 'docs'",
            "allow-rules:\\n  - id: a\\n    description: nothing|allow-rules[0] (a): needs a regex or a path",
            "rules:\\n  - id: x\\n    regex: a\\n  - id: x\\n    regex: b|the id 'x' is used twice",
            "rules: [a: [b: }|not valid YAML",
            "- just\\n- a list|expected a mapping at the top",
    })
    void aBadFileIsOneLineNamingTheFileAndTheProblem(String yaml, String problem) throws IOException {
        Path f = write(yaml.replace("\\n", "\n"));
        assertThatThrownBy(() -> SecretRuleSet.load(f)).isInstanceOf(KensaException.class)
                .hasMessageStartingWith("secret config " + f + ": ").hasMessageContaining(problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aMissingOrUnreadableFileIsAnError() throws IOException {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> SecretRuleSet.load(missing)).isInstanceOf(KensaException.class)
                .hasMessage("secret config " + missing + ": not found");
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, new byte[]{'#', ' ', (byte) 0xe9, '\n'});
        assertThatThrownBy(() -> SecretRuleSet.load(latin1)).isInstanceOf(KensaException.class)
                .hasMessageEndingWith("not UTF-8 text");
    }

    private Path write(String yaml) throws IOException {
        Path f = Files.createTempFile(dir, "secret-", ".yaml");
        Files.writeString(f, yaml);
        return f;
    }
}
