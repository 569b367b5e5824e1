package io.kensa.analyze.secret;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every built-in rule on a line in the credential's documented format (prefix, alphabet, length from the issuer's
 * documentation; the random part generated here) and on a near miss: one character short, a wrong prefix, a
 * placeholder, a header without a key. The finding must name the rule, and its excerpt must not hold the secret.
 */
class BuiltinRulesTest {
    private static final String UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String URLSAFE = ALNUM + "_-";
    private static final String BASE64 = ALNUM + "+/";
    private static final String HEX = "0123456789abcdef";
    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String BECH32 = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";
    private static final Random RANDOM = new Random(20261123);

    /** A rule's true positive (the secret, on its line, in a file at {@code path}) and its near miss. */
    record Row(String ruleId, String path, String secret, String line, String nearMiss) {
        @Override
        public String toString() {
            return ruleId;
        }
    }

    private static String gen(String alphabet, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static Row row(String ruleId, String path, String secret, String linePattern, String nearMiss) {
        return new Row(ruleId, path, secret, linePattern.replace("%s", secret), nearMiss);
    }

    private static String b64url(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static List<Row> rows() {
        String txt = "app/notes.txt";
        String awsSecret = gen(BASE64, 40);
        String uuid = gen(HEX, 8) + "-" + gen(HEX, 4) + "-" + gen(HEX, 4) + "-" + gen(HEX, 4) + "-" + gen(HEX, 12);
        String jwtHeader = b64url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String jwtPayload = b64url("{\"sub\":\"" + gen(LOWER_ALNUM, 12) + "\",\"iat\":1783728000}");
        String jwt = jwtHeader + "." + jwtPayload + "." + gen(URLSAFE, 43);
        String dockerAuth = Base64.getEncoder().encodeToString(("deploy:" + gen(ALNUM, 20)).getBytes(StandardCharsets.UTF_8));
        String dockerConfigJson = Base64.getEncoder().encodeToString(("{\"auths\":{\"registry.corp\":{\"auth\":\""
                + dockerAuth + "\"}}}").getBytes(StandardCharsets.UTF_8));
        return List.of(
                row("aws-access-key-id", "root/.aws/credentials", "AKIA" + gen(UPPER_DIGITS, 16),
                        "aws_access_key_id = %s", "aws_access_key_id = AIDA" + gen(UPPER_DIGITS, 16)),
                row("aws-secret-access-key", "root/.aws/credentials", awsSecret, "aws_secret_access_key = %s",
                        "aws_secret_access_key = " + gen(HEX, 40)),
                row("github-pat", txt, "ghp_" + gen(ALNUM, 36), "token %s", "token ghp_" + gen(ALNUM, 35)),
                row("github-oauth", txt, "gho_" + gen(ALNUM, 36), "oauth=%s", "oauth=gho_" + gen(ALNUM, 30)),
                row("github-app-token", txt, "ghs_" + gen(ALNUM, 36), "GH=%s;", "GH=ghx_" + gen(ALNUM, 36) + ";"),
                row("github-refresh-token", txt, "ghr_" + gen(ALNUM, 76), "refresh: %s", "refresh: ghr_" + gen(ALNUM, 20)),
                row("github-fine-grained-pat", txt, "github_pat_" + gen(ALNUM, 22) + "_" + gen(ALNUM, 59), "pat %s",
                        "pat github_pat_" + gen(ALNUM, 22) + "_" + gen(ALNUM, 58)),
                row("gitlab-pat", txt, "glpat-" + gen(URLSAFE, 20), "PRIVATE-TOKEN: %s", "PRIVATE-TOKEN: glpat-" + gen(ALNUM, 19)),
                row("gitlab-runner-token", txt, "glrt-" + gen(URLSAFE, 20), "token = \"%s\"", "token = \"glrt-" + gen(ALNUM, 9) + "\""),
                row("gitlab-deploy-token", txt, "gldt-" + gen(URLSAFE, 20), "deploy %s", "deploy gldt-" + gen(ALNUM, 10)),
                row("slack-access-token", txt, "xoxb-" + gen("0123456789", 11) + "-" + gen("0123456789", 12) + "-"
                        + gen(ALNUM, 24), "bot: %s", "bot: xoxb-12345"),
                row("slack-app-token", txt, "xapp-1-A" + gen(UPPER_DIGITS, 10) + "-" + gen("0123456789", 13) + "-"
                        + gen(HEX, 64), "app %s", "app xapp-1-" + gen(HEX, 10)),
                row("slack-web-hook", txt, "T" + gen(UPPER_DIGITS, 8) + "/B" + gen(UPPER_DIGITS, 10) + "/"
                        + gen(ALNUM, 24), "url: https://hooks.slack.com/services/%s",
                        "url: https://hooks.slack.com/services/T0/B0/" + gen(ALNUM, 8)),
                row("stripe-secret-token", txt, "sk_live_" + gen(ALNUM, 24), "Stripe.api_key = '%s'",
                        "Stripe.api_key = 'sk_live_" + gen(ALNUM, 9) + "'"),
                row("stripe-publishable-token", txt, "pk_live_" + gen(ALNUM, 24), "publishable: %s",
                        "publishable: pk_prod_" + gen(ALNUM, 24)),
                row("stripe-webhook-secret", txt, "whsec_" + gen(ALNUM, 32), "endpoint_secret = '%s'",
                        "endpoint_secret = 'whsec_" + gen(ALNUM, 10) + "'"),
                row("twilio-api-key", txt, "SK" + gen(HEX, 32), "TWILIO_API_KEY %s", "TWILIO_API_KEY SK" + gen(HEX, 31)),
                row("sendgrid-api-token", txt, "SG." + gen(URLSAFE, 22) + "." + gen(URLSAFE, 43), "key %s",
                        "key SG." + gen(ALNUM, 22) + "." + gen(ALNUM, 42)),
                row("mailgun-api-key", txt, "key-" + gen(HEX, 32), "MAILGUN %s", "MAILGUN key-" + gen(HEX, 31)),
                row("mailchimp-api-key", txt, gen(HEX, 32) + "-us12", "apikey %s", "apikey " + gen(HEX, 31) + "-us12"),
                row("npm-access-token", txt, "npm_" + gen(ALNUM, 36), "NPM %s", "NPM npm_config_cache_" + gen(ALNUM, 20)),
                row("npmrc-auth-token", "home/node/.npmrc", uuid, "//registry.npmjs.org/:_authToken=%s",
                        "//registry.npmjs.org/:_authToken=${NPM_TOKEN}"),
                row("pypi-upload-token", txt, "pypi-AgEIcHlwaS5vcmc" + gen(URLSAFE, 70), "upload %s",
                        "upload pypi-AgEIcHlwaS5vcmc" + gen(URLSAFE, 40)),
                row("pypirc-password", "root/.pypirc", gen(ALNUM, 16), "password = %s", "password = %(PYPI_PASSWORD)s"),
                row("dockerhub-pat", txt, "dckr_pat_" + gen(URLSAFE, 27), "docker login -p %s",
                        "docker login -p dckr_pat_" + gen(ALNUM, 20)),
                row("docker-config-auth", "root/.docker/config.json", dockerAuth, "\"auth\": \"%s\"",
                        "\"auth\": \"" + Base64.getEncoder().encodeToString("deployonly".getBytes(StandardCharsets.UTF_8)) + "\""),
                row("dockerconfig-secret", "deploy/pull-secret.yaml", dockerConfigJson, "  .dockerconfigjson: %s",
                        "  .dockerconfigjson: \"\""),
                row("private-key", "app/server.key", "", "-----BEGIN EC PRIVATE KEY-----\n" + gen(BASE64, 64) + "\n"
                        + gen(BASE64, 44) + "\n-----END EC PRIVATE KEY-----", "Keys start with -----BEGIN RSA PRIVATE KEY-----\nand that is all."),
                row("putty-private-key", "home/me/.ssh/id.ppk", "", "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none",
                        "PuTTY-User-Key-File-9: ssh-rsa"),
                row("jwt-token", txt, jwt, "Authorization: Bearer %s", "Authorization: Bearer "
                        + b64url("{\"kid\":\"k1\"}") + "." + jwtPayload + "." + gen(URLSAFE, 43)),
                row("gcp-service-account", "app/sa.json", "", "  \"type\": \"service_account\",\n  \"project_id\": \"p\"",
                        "{\n  \"type\": \"authorized_user\"\n}"),
                row("gcp-api-key", txt, "AIza" + gen(URLSAFE, 35), "maps key=%s&", "maps key=AIza" + gen(URLSAFE, 34) + "&"),
                row("google-oauth-client-secret", txt, "GOCSPX-" + gen(URLSAFE, 28), "client_secret %s",
                        "client_secret GOCSPX-" + gen(ALNUM, 20)),
                row("azure-storage-account-key", txt, gen(BASE64, 86) + "==",
                        "DefaultEndpointsProtocol=https;AccountName=corpstore;AccountKey=%s;EndpointSuffix=core.windows.net",
                        "DefaultEndpointsProtocol=https;AccountName=corpstore;AccountKey=" + gen(BASE64, 85) + "==;"),
                row("azure-client-secret", txt, gen(ALNUM, 3) + "8Q~" + gen(URLSAFE, 34), "secret: %s",
                        "secret: " + gen(ALNUM, 3) + "8Q-" + gen(URLSAFE, 34)),
                row("azure-sas-token", txt, gen(ALNUM, 30) + "%2B" + gen(ALNUM, 12) + "%3D",
                        "https://corpstore.blob.core.windows.net/c?sv=2021-06-08&ss=b&srt=sco&sp=rl&se=2030-01-01T00:00:00Z&sig=%s",
                        "https://corpstore.blob.core.windows.net/c?sig=" + gen(ALNUM, 44) + "%3D"),
                row("hugging-face-access-token", txt, "hf_" + gen(ALNUM, 34), "HF %s", "HF hf_" + gen(ALNUM, 20)),
                row("openai-api-key", txt, "sk-proj-" + gen(URLSAFE, 40) + "T3BlbkFJ" + gen(URLSAFE, 40), "OPENAI %s",
                        "OPENAI sk-" + gen(ALNUM, 48)),
                row("anthropic-api-key", txt, "sk-ant-api03-" + gen(URLSAFE, 95), "ANTHROPIC %s",
                        "ANTHROPIC sk-ant-api03-" + gen(URLSAFE, 20)),
                row("shopify-token", txt, "shpat_" + gen(HEX, 32), "X-Shopify-Access-Token: %s",
                        "X-Shopify-Access-Token: shpat_" + gen(HEX, 31)),
                row("heroku-api-key", txt, uuid, "HEROKU_API_KEY=%s", "API_KEY=" + uuid),
                row("heroku-api-key-v2", txt, "HRKU-AA" + gen(URLSAFE, 58), "heroku %s", "heroku HRKU-AB" + gen(URLSAFE, 58)),
                row("age-secret-key", txt, "AGE-SECRET-KEY-1" + gen(BECH32, 58), "# key %s",
                        "# key AGE-SECRET-KEY-1" + gen(BECH32, 57) + "B"),
                row("databricks-api-token", txt, "dapi" + gen(HEX, 32), "token %s", "token dapi" + gen(HEX, 31)),
                row("doppler-api-token", txt, "dp.pt." + gen(ALNUM, 43), "DOPPLER %s", "DOPPLER dp.pt." + gen(ALNUM, 30)),
                row("dynatrace-api-token", txt, "dt0c01." + gen(UPPER_DIGITS, 24) + "." + gen(ALNUM, 64), "Api-Token %s",
                        "Api-Token dt0c01." + gen(UPPER_DIGITS, 24) + "." + gen(ALNUM, 63) + "!"),
                row("linear-api-token", txt, "lin_api_" + gen(ALNUM, 40), "LINEAR %s", "LINEAR lin_api_" + gen(ALNUM, 39)),
                row("new-relic-user-api-key", txt, "NRAK-" + gen(UPPER_DIGITS, 27), "NR %s", "NR NRAK-" + gen(UPPER_DIGITS, 26)),
                row("planetscale-token", txt, "pscale_tkn_" + gen(URLSAFE, 43), "PS %s", "PS pscale_tkn_" + gen(ALNUM, 20)),
                row("postman-api-token", txt, "PMAK-" + gen(HEX, 24) + "-" + gen(HEX, 34), "X-Api-Key: %s",
                        "X-Api-Key: PMAK-" + gen(HEX, 24) + "-" + gen(HEX, 33)),
                row("pulumi-api-token", txt, "pul-" + gen(HEX, 40), "PULUMI_ACCESS_TOKEN %s", "PULUMI pul-" + gen(HEX, 39)),
                row("rubygems-api-token", txt, "rubygems_" + gen(HEX, 48), ":rubygems_api_key: %s",
                        ":rubygems_api_key: rubygems_" + gen(HEX, 47)),
                row("sendinblue-api-token", txt, "xkeysib-" + gen(HEX, 64) + "-" + gen(ALNUM, 16), "api-key: %s",
                        "api-key: xkeysib-" + gen(HEX, 63) + "-" + gen(ALNUM, 16)),
                row("shippo-api-token", txt, "shippo_live_" + gen(HEX, 40), "ShippoToken %s",
                        "ShippoToken shippo_prod_" + gen(HEX, 40)),
                row("grafana-cloud-token", txt, "glc_" + gen(BASE64, 60) + "==", "GRAFANA %s", "GRAFANA glc_" + gen(ALNUM, 20)),
                row("grafana-service-account-token", txt, "glsa_" + gen(ALNUM, 32) + "_" + gen(HEX, 8), "Bearer %s",
                        "Bearer glsa_" + gen(ALNUM, 32) + "_" + gen(HEX, 7)),
                row("hashicorp-tf-api-token", txt, gen(ALNUM, 14) + ".atlasv1." + gen(URLSAFE, 64), "token = \"%s\"",
                        "token = \"" + gen(ALNUM, 14) + ".atlasv2." + gen(URLSAFE, 64) + "\""),
                row("vault-service-token", txt, "hvs." + gen(URLSAFE, 91), "VAULT_TOKEN %s", "VAULT_TOKEN hvs." + gen(URLSAFE, 20)),
                row("alibaba-access-key-id", txt, "LTAI" + gen(ALNUM, 20), "AccessKeyId %s", "AccessKeyId LTAI" + gen(ALNUM, 19)),
                row("private-packagist-token", txt, "packagist_ort_" + gen(HEX, 68), "token %s",
                        "token packagist_ort_" + gen(HEX, 60)),
                row("clojars-api-token", txt, "CLOJARS_" + gen(LOWER_ALNUM, 60), "deploy %s", "deploy CLOJARS_" + gen(LOWER_ALNUM, 50)),
                row("easypost-api-token", txt, "EZAK" + gen(ALNUM, 54), "EASYPOST %s", "EASYPOST EZAK" + gen(ALNUM, 40)),
                row("frameio-api-token", txt, "fio-u-" + gen(URLSAFE, 64), "FRAMEIO %s", "FRAMEIO fio-u-" + gen(URLSAFE, 40)),
                row("duffel-api-token", txt, "duffel_live_" + gen(URLSAFE, 43), "DUFFEL %s", "DUFFEL duffel_live_" + gen(URLSAFE, 30)),
                row("flutterwave-secret-key", txt, "FLWSECK_TEST-" + gen("abcdefgh0123456789", 32) + "-X", "FLW %s",
                        "FLW FLWSECK_TEST-" + gen("abcdefgh0123456789", 32) + "-Y"),
                row("discord-webhook", txt, gen(URLSAFE, 68),
                        "https://discord.com/api/webhooks/" + gen("0123456789", 18) + "/%s",
                        "https://discord.com/api/webhooks/" + gen("0123456789", 18) + "/" + gen(URLSAFE, 20)),
                row("telegram-bot-token", txt, gen("0123456789", 10) + ":AA" + gen(URLSAFE, 33), "bot%s/getMe",
                        "bot" + gen("0123456789", 10) + ":AB" + gen(URLSAFE, 33) + "/getMe"),
                row("git-credentials", "root/.git-credentials", gen(ALNUM, 24), "https://alice:%s@git.corp.internal",
                        "https://alice@git.corp.internal"),
                row("netrc-password", "root/.netrc", gen(ALNUM, 18), "machine api.corp.internal login alice password %s",
                        "machine api.corp.internal login alice password ${NETRC_PASSWORD}"),
                row("url-credentials", "app/config/database.yml", "Tz8" + gen(ALNUM, 13),
                        "url: postgres://app:%s@db.internal:5432/app", "url: postgres://app:${DB_PASSWORD}@db.internal:5432/app"),
                row("generic-secret-assignment", "app/.env", gen(ALNUM, 20), "DATABASE_PASSWORD=%s",
                        "DATABASE_PASSWORD=changeme"));
    }

    private static List<SecretMatch> scan(String path, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return SecretRuleSet.builtin().scanner().scan(path, b, b.length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void findsTheDocumentedFormat(Row row) {
        List<SecretMatch> found = scan(row.path(), row.line());
        assertThat(found).as("%s on %s", row.ruleId(), row.line()).extracting(SecretMatch::ruleId)
                .containsExactly(row.ruleId());
        SecretMatch m = found.getFirst();
        assertThat(m.line()).isEqualTo(1);
        assertThat(m.example()).isFalse();
        assertThat(m.match()).hasSizeLessThanOrEqualTo(MaskedExcerpt.MAX);
        if (!row.secret().isEmpty()) {
            assertThat(m.match()).contains("*****").doesNotContain(row.secret())
                    .doesNotContain(row.secret().substring(4));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void ignoresTheNearMiss(Row row) {
        assertThat(scan(row.path(), row.nearMiss())).as("%s near miss %s", row.ruleId(), row.nearMiss())
                .extracting(SecretMatch::ruleId).doesNotContain(row.ruleId());
    }

    @Test
    void everyBuiltinRuleHasARow() {
        Set<String> ids = SecretRuleSet.builtin().rules().stream().map(SecretRule::id)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> tested = rows().stream().map(Row::ruleId).collect(Collectors.toCollection(TreeSet::new));
        assertThat(tested).isEqualTo(ids);
        assertThat(ids).hasSizeGreaterThanOrEqualTo(70);
    }
}
