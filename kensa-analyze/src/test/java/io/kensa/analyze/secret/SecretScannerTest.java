package io.kensa.analyze.secret;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The engine's behaviour: masking, one match per rule and line, examples, context rules, long and hostile input. */
class SecretScannerTest {
    // random values in the documented formats (made for these tests, valid nowhere)
    private static final String KEY_ID = "AKIA2E0A8F3B244C9986";
    private static final String SECRET_KEY = "Zr8tQ1vLw0mN5bXe7Yk2Hs9uJc4Pg6Fd3Ao/Ti+V";
    private static final String GHP = "ghp_R4nd0mT0k3nVa1u3sAr3N0tR3a1xY7zQ2pL9";
    private static final String GHP2 = "ghp_S3c0ndT0k3nVa1u3sAr3N0tR3a1xY7zQ2pL9";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<SecretMatch> scan(String path, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return SecretRuleSet.builtin().scanner().scan(path, b, b.length);
    }

    @Test
    void everySecretOfALineIsMaskedInEveryFindingOfIt() throws Exception {
        List<SecretMatch> found = scan("app/deploy.sh",
                "#!/bin/sh\nexport AWS_ACCESS_KEY_ID=" + KEY_ID + " AWS_SECRET_ACCESS_KEY=" + SECRET_KEY + "\n");
        assertThat(found).extracting(SecretMatch::ruleId, SecretMatch::line)
                .containsExactly(tuple("aws-access-key-id", 2), tuple("aws-secret-access-key", 2));
        String json = JSON.writeValueAsString(found);
        assertThat(json).doesNotContain(KEY_ID).doesNotContain(SECRET_KEY).doesNotContain(SECRET_KEY.substring(4));
        assertThat(found.getFirst().match())
                .isEqualTo("export AWS_ACCESS_KEY_ID=AKIA***** AWS_SECRET_ACCESS_KEY=Zr8t*****");
    }

    @Test
    void oneMatchPerRuleAndLine() {
        List<SecretMatch> found = scan("app/tokens.txt", GHP + " " + GHP2 + "\n" + GHP2 + "\n");
        assertThat(found).extracting(SecretMatch::ruleId, SecretMatch::line, SecretMatch::match)
                .containsExactly(tuple("github-pat", 1, "ghp_***** ghp_*****"), tuple("github-pat", 2, "ghp_*****"));
    }

    @Test
    void aPrivateKeyIsReportedAtItsHeaderAndNoKeyLineLeaves() throws Exception {
        String body1 = "MIIEowIBAAKCAQEAu3Jx9Lr0m8bQ2xWv7Kp4Zt1sYc6Hn5Gd0Fa8Eb3Dc2Ba1Zy0Xw";
        String body2 = "9Vu8Ts7Rq6Po5Nm4Lk3Ji2Hg1Fe0Dc9Ba8Zy7Xw6Vu5Ts4Rq3Po2Nm1Lk0Ji9Hg8";
        String pem = "-----BEGIN RSA PRIVATE KEY-----\n" + body1 + "\n" + body2 + "\n-----END RSA PRIVATE KEY-----\n";
        List<SecretMatch> found = scan("app/certs/server.key", "# server key\n" + pem);
        assertThat(found).extracting(SecretMatch::ruleId, SecretMatch::line, SecretMatch::match)
                .containsExactly(tuple("private-key", 2, "-----BEGIN RSA PRIVATE KEY-----"));

        // a key in a JSON string, as GCP service account files hold it: the body on the header's line is masked
        String json = "{\"type\": \"service_account\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\n" + body1
                + "\\n" + body2 + "\\n-----END PRIVATE KEY-----\\n\"}";
        List<SecretMatch> inJson = scan("app/sa.json", json);
        assertThat(inJson).extracting(SecretMatch::ruleId).containsExactly("gcp-service-account", "private-key");
        String out = JSON.writeValueAsString(inJson);
        assertThat(out).contains("-----BEGIN PRIVATE KEY-----\\\\nMI*****").doesNotContain(body1.substring(4, 30))
                .doesNotContain(body2.substring(0, 20));
    }

    @Test
    void aPemHeaderWithoutKeyMaterialIsNotAKey() {
        assertThat(scan("app/parse.py", "if line.startswith('-----BEGIN RSA PRIVATE KEY-----'):\n    read()\n"))
                .isEmpty();
        assertThat(scan("app/README.txt", "The PEM file looks like `\"-----BEGIN EC PRIVATE KEY-----\"` "
                + "base64-encoded format, and the DER format is a shorter binary form\n")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "root/.aws/credentials|aws_access_key_id = AKIAIOSFODNN7EXAMPLE|aws-access-key-id",
            "root/.aws/credentials|aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY|aws-secret-access-key",
            "app/pay.rb|Stripe.api_key = 'sk_test_BQokikJOvBiI2HlWgH4olfQ2'|stripe-secret-token",
            "app/client.txt|Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c|jwt-token",
            "app/azurite.txt|AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;|azure-storage-account-key",
            "app/hook.txt|https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX|slack-web-hook",
    })
    void publishedSamplesAreLowSeverityExamples(String path, String line, String rule) {
        assertThat(scan(path, line)).extracting(SecretMatch::ruleId, SecretMatch::severity, SecretMatch::example)
                .containsExactly(tuple(rule, "LOW", true));
    }

    @Test
    void aContextRuleGivesWayToAFormatRuleOnTheSameSecret() {
        assertThat(scan("app/config/settings.yml", "integrations:\n  github_token: " + GHP + "\n"))
                .extracting(SecretMatch::ruleId).containsExactly("github-pat");
        assertThat(scan("app/.env", "AWS_SECRET_ACCESS_KEY=" + SECRET_KEY + "\n"))
                .extracting(SecretMatch::ruleId).containsExactly("aws-secret-access-key");
    }

    @Test
    void linesAreCountedInCrlfFilesAndControlCharactersNeverReachTheExcerpt() {
        List<SecretMatch> found = scan("app/win.ini", "[db]\r\nhost=db\r\npassword=Qx7vB2nL9mK4pR8t\r\n");
        assertThat(found).extracting(SecretMatch::ruleId, SecretMatch::line, SecretMatch::match)
                .containsExactly(tuple("generic-secret-assignment", 3, "password=Qx7v*****"));
        List<SecretMatch> tab = scan("app/a.env", "DB_PASSWORD=\tQx7vB2nL9mK4pR8t \u0007 \u001b\n");
        assertThat(tab.getFirst().match()).isEqualTo("DB_PASSWORD= Qx7v*****");
    }

    @Test
    void keywordsIgnoreCase() {
        assertThat(scan("root/.aws/credentials", "Aws_Secret_Access_Key=" + SECRET_KEY))
                .extracting(SecretMatch::ruleId).containsExactly("aws-secret-access-key");
    }

    @Test
    void aSecretInAHugeLineIsFoundAndTheExcerptStaysShort() {
        StringBuilder minified = new StringBuilder();
        for (int i = 0; minified.length() < 1 << 20; i++) {
            minified.append("var a").append(i).append("=function(b){return b+").append(i).append("};");
        }
        int middle = minified.length() / 2;
        minified.insert(middle, "var t=\"" + GHP + "\";");
        List<SecretMatch> found = scan("app/static/app.min.js", minified.toString());
        assertThat(found).extracting(SecretMatch::ruleId, SecretMatch::line).containsExactly(tuple("github-pat", 1));
        assertThat(found.getFirst().match()).contains("var t=\"ghp_*****\";").hasSizeLessThanOrEqualTo(200);
    }

    @Test
    void randomTokensNextToAFoundSecretAreMaskedToo() {
        String other = "Qm9vN3RoZXJUb2tlbjEyMzQ1Njc4OWFiY2Rl";
        List<SecretMatch> found = scan("app/notes.txt", "deploy with " + GHP + " then use " + other + " for the cache");
        assertThat(found).hasSize(1);
        assertThat(found.getFirst().match()).isEqualTo("deploy with ghp_***** then use Qm9v***** for the cache");
    }

    @Test
    void aFileFullOfSecretsGivesABoundedNumberOfFindings() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            b.append(String.format("ghp_%036d%n", i));
        }
        assertThat(scan("app/dump.txt", b.toString())).hasSize(SecretScanner.MAX_MATCHES_PER_FILE);
        assertThat(scan("app/dump.txt", "key".repeat(1 << 20))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "app/.env|DB_PASSWORD=${DB_PASSWORD}",
            "app/.env|DB_PASSWORD=<your-password>",
            "app/.env|DB_PASSWORD=changeme",
            "app/config.yml|  password: \"{{ .Values.db.password }}\"",
            "app/config.yml|  password: !vault |",
            "app/config.yml|secret_name: my-app-secret",
            "app/config.yml|token_type: Bearer",
            "app/config.json|\"tokenizer_class\": \"BertTokenizer\",",
            "app/config.json|\"output_token\": \"LastEvaluatedKey\",",
            "app/app.properties|spring.datasource.password_file=/run/secrets/db-password",
            "app/app.properties|jwt.public_key=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA",
            "app/settings.xml|<password>{COQLCE6DU6GtcS5P=}</password>",
            "app/settings.ini|cache_key = Zr8tQ1vLw0mN5bXe7Yk2",
            "app/config.yml|mode: \"true|false\"",
            "app/config.yml|aws_secret_access_key: AWS_SECRET_ACCESS_KEY",
            "app/main.py|DB_PASSWORD = 'Qx7vB2nL9mK4pR8t'",
            "app/node_modules/debug/.coveralls.yml|repo_token: SIAeZjKYlHK74rbcFvNHMUzjRiMpflxve",
    })
    void placeholdersReferencesNamesAndCodeAreNotPasswords(String path, String line) {
        assertThat(scan(path, line)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "app/.env|STRIPE_KEY=Zr8tQ1vLw0mN5bXe7Yk2|generic-secret-assignment",
            "app/config.yml|  db_pass: Qx7vB2nL9mK4pR8t|generic-secret-assignment",
            "app/config.json|{\"clientSecret\": \"Qx7vB2nL9mK4pR8t\"}|generic-secret-assignment",
            "app/settings.xml|<password>Qx7vB2nL9mK4pR8t</password>|generic-secret-assignment",
            "app/app.toml|api_key = \"Qx7vB2nL9mK4pR8t\"|generic-secret-assignment",
            "app/config.yml|url: mysql://root:Qx7vB2nL9mK4@db:3306/app|url-credentials",
    })
    void passwordsAssignedInConfigurationFilesAreFound(String path, String line, String rule) {
        assertThat(scan(path, line)).extracting(SecretMatch::ruleId).containsExactly(rule);
    }

    @Test
    void aBareKeyNameCountsInEnvironmentFilesOnly() {
        assertThat(scan("app/config.yml", "STRIPE_KEY: Zr8tQ1vLw0mN5bXe7Yk2")).isEmpty();
        assertThat(scan("app/.env.production", "STRIPE_KEY=Zr8tQ1vLw0mN5bXe7Yk2")).hasSize(1);
        assertThat(scan("config:Env", "NGINX_GPGKEY=573BFD6B3D8FBC641079A6ABABF5BD827BD9BF62")).isEmpty();
        assertThat(scan("config:Env", "GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D")).isEmpty();
    }
}
