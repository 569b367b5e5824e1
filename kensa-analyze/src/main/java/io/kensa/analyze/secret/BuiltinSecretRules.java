package io.kensa.analyze.secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The built-in rules: the credential kinds Trivy detects (with its rule ids where the kind is the same), plus
 * the credential files of package managers and tools, and password assignments in configuration files. Each
 * token format follows its issuer's documentation (prefix, alphabet, length); keywords are the fixed parts of the
 * format, so a rule runs only on the lines that contain one.
 */
final class BuiltinSecretRules {
    /** Bump when a check or the engine changes what the same rules report. */
    static final int VERSION = 1;

    private static final String CRITICAL = "CRITICAL";
    private static final String HIGH = "HIGH";
    private static final String MEDIUM = "MEDIUM";
    private static final String LOW = "LOW";

    /** Not preceded by a character that would make the token part of a longer word. */
    private static final String B = "(?<![A-Za-z0-9_-])";
    /** Not followed by a token character. */
    private static final String E = "(?![A-Za-z0-9_-])";

    private BuiltinSecretRules() {
    }

    static List<SecretRule> rules() {
        List<Builder> r = new ArrayList<>();
        // AWS: access key ids by their documented prefixes (AKIA long-term, ASIA temporary, ABIA STS bearer,
        // ACCA context-specific, A3T legacy); unique ids of users and roles (AIDA, AROA …) are not credentials.
        r.add(rule("aws-access-key-id", "AWS", "AWS Access Key ID", CRITICAL,
                "(?<![A-Za-z0-9])(?<secret>(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})(?![A-Za-z0-9])",
                "akia", "asia", "abia", "acca", "a3t"));
        r.add(rule("aws-secret-access-key", "AWS", "AWS Secret Access Key", CRITICAL,
                "(?i)(?<![a-z0-9])(?:aws_?(?:sec(?:ret)?)?_?(?:access)?_?key|secret_?access_?key)[\"']?[ \\t]{0,8}"
                        + "(?::|=>|=|:=)[ \\t]{0,8}[\"']?(?<secret>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])",
                "aws", "secret_access_key", "secretaccesskey").check(SecretCheck.RANDOM_KEY).anchor(Anchor.WORD));

        // GitHub (token prefixes documented by GitHub, 2021 format)
        r.add(rule("github-pat", "GitHub", "GitHub Personal Access Token", CRITICAL,
                B + "(?<secret>ghp_[0-9A-Za-z]{36})" + E, "ghp_"));
        r.add(rule("github-oauth", "GitHub", "GitHub OAuth Access Token", CRITICAL,
                B + "(?<secret>gho_[0-9A-Za-z]{36})" + E, "gho_"));
        r.add(rule("github-app-token", "GitHub", "GitHub App Token", CRITICAL,
                B + "(?<secret>(?:ghu|ghs)_[0-9A-Za-z]{36})" + E, "ghu_", "ghs_"));
        r.add(rule("github-refresh-token", "GitHub", "GitHub Refresh Token", CRITICAL,
                B + "(?<secret>ghr_[0-9A-Za-z]{36,76})" + E, "ghr_"));
        r.add(rule("github-fine-grained-pat", "GitHub", "GitHub Fine-grained Personal Access Token", CRITICAL,
                B + "(?<secret>github_pat_[0-9A-Za-z]{22}_[0-9A-Za-z]{59})" + E, "github_pat_"));

        // GitLab
        r.add(rule("gitlab-pat", "GitLab", "GitLab Personal Access Token", CRITICAL,
                B + "(?<secret>glpat-[0-9A-Za-z_.-]{20,300})", "glpat-"));
        r.add(rule("gitlab-runner-token", "GitLab", "GitLab Runner Token", HIGH,
                B + "(?<secret>glrt-[0-9A-Za-z_.-]{20,300}|GR1348941[0-9A-Za-z_-]{20})" + E, "glrt-", "gr1348941"));
        r.add(rule("gitlab-deploy-token", "GitLab", "GitLab Deploy Token", HIGH,
                B + "(?<secret>gldt-[0-9A-Za-z_.-]{20,300})", "gldt-"));

        // Slack
        r.add(rule("slack-access-token", "Slack", "Slack Token", HIGH,
                "(?<![A-Za-z0-9])(?<secret>xox[abposr]-[0-9A-Za-z-]{10,250})",
                "xoxa-", "xoxb-", "xoxp-", "xoxo-", "xoxs-", "xoxr-"));
        r.add(rule("slack-app-token", "Slack", "Slack App-Level Token", HIGH,
                "(?<![A-Za-z0-9])(?<secret>xapp-[0-9]-[A-Z0-9]{6,20}-[0-9]{6,20}-[A-Za-z0-9]{20,80})", "xapp-"));
        r.add(rule("slack-web-hook", "Slack", "Slack Webhook", MEDIUM,
                "(?<=https://)hooks\\.slack\\.com/(?:services|workflows|triggers)/(?<secret>[A-Za-z0-9+/]{43,56})",
                "hooks.slack.com"));

        // Stripe
        r.add(rule("stripe-secret-token", "Stripe", "Stripe Secret Key", CRITICAL,
                "(?<![A-Za-z0-9])(?<secret>(?:sk|rk)_(?:test|live)_[0-9A-Za-z]{10,247})(?![0-9A-Za-z])",
                "sk_test_", "sk_live_", "rk_test_", "rk_live_"));
        r.add(rule("stripe-publishable-token", "Stripe", "Stripe Publishable Key", LOW,
                "(?<![A-Za-z0-9])(?<secret>pk_(?:test|live)_[0-9A-Za-z]{10,247})(?![0-9A-Za-z])",
                "pk_test_", "pk_live_"));
        r.add(rule("stripe-webhook-secret", "Stripe", "Stripe Webhook Signing Secret", HIGH,
                B + "(?<secret>whsec_[0-9A-Za-z+/]{32,88})", "whsec_"));

        // Twilio, SendGrid, Mailgun, Mailchimp
        r.add(rule("twilio-api-key", "Twilio", "Twilio API Key", MEDIUM,
                "(?<![A-Za-z0-9])(?<secret>SK[0-9a-fA-F]{32})(?![A-Za-z0-9])", "sk"));
        r.add(rule("sendgrid-api-token", "SendGrid", "SendGrid API Key", MEDIUM,
                "(?<![A-Za-z0-9])(?<secret>SG\\.[0-9A-Za-z_-]{22}\\.[0-9A-Za-z_-]{43})" + E, "sg."));
        r.add(rule("mailgun-api-key", "Mailgun", "Mailgun API Key", MEDIUM,
                B + "(?<secret>key-[0-9a-f]{32})(?![A-Za-z0-9])", "key-"));
        r.add(rule("mailchimp-api-key", "Mailchimp", "Mailchimp API Key", MEDIUM,
                "(?<![A-Za-z0-9])(?<secret>[0-9a-f]{32}-us[0-9]{1,2})(?![A-Za-z0-9])", "-us").anchor(Anchor.WORD));

        // npm
        r.add(rule("npm-access-token", "Npm", "npm Access Token", CRITICAL,
                "(?<![A-Za-z0-9_])(?<secret>npm_[0-9A-Za-z]{36})(?![0-9A-Za-z])", "npm_"));
        r.add(rule("npmrc-auth-token", "Npm", "Registry Credential in .npmrc", HIGH,
                "(?i)(?<![A-Za-z0-9_])_(?:authToken|auth|password)[ \\t]{0,8}=[ \\t]{0,8}[\"']?(?<secret>[^\\s\"']{1,512})",
                "_auth", "_password").path(PathMatch.fileNames(".npmrc")).check(SecretCheck.CREDENTIAL).generic());

        // PyPI
        r.add(rule("pypi-upload-token", "PyPI", "PyPI Upload Token", HIGH,
                "(?<secret>pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[0-9A-Za-z_-]{50,2000})",
                "pypi-ageichlwas5vcmc", "pypi-agendgvzdc5wexbplm9yzw"));
        r.add(rule("pypirc-password", "PyPI", "Password in .pypirc", HIGH,
                "(?i)^\\s{0,16}password\\s{0,8}[=:]\\s{0,8}(?<secret>\\S{1,512})", "password")
                .path(PathMatch.fileNames(".pypirc")).check(SecretCheck.CREDENTIAL).anchor(Anchor.LINE).generic());

        // Docker
        r.add(rule("dockerhub-pat", "Docker", "Docker Hub Access Token", CRITICAL,
                "(?<![A-Za-z0-9_])(?<secret>dckr_(?:pat|oat)_[0-9A-Za-z_-]{27,80})" + E, "dckr_pat_", "dckr_oat_"));
        r.add(rule("docker-config-auth", "Docker", "Registry Credential in a Docker Config", HIGH,
                "\"auth\"[ \\t]{0,8}:[ \\t]{0,8}\"(?<secret>[A-Za-z0-9+/]{6,2000}={0,2})\"", "\"auth\"")
                .check(SecretCheck.DOCKER_AUTH));
        r.add(rule("dockerconfig-secret", "Docker", "Docker Config in a Kubernetes Secret", HIGH,
                "(?i)(?<=\\.)(?:dockerconfigjson|dockercfg)[\"']?[ \\t]{0,8}:[ \\t]{0,8}\\|?[ \\t]{0,8}[\"']?"
                        + "(?<secret>e[wy][A-Za-z0-9+/=]{20,20000})", "dockerconfigjson", "dockercfg"));

        // private keys
        r.add(rule("private-key", "AsymmetricPrivateKey", "Asymmetric Private Key", HIGH,
                "-----BEGIN[ A-Z0-9_-]{0,40}PRIVATE KEY(?: BLOCK)?-----(?<secret>.*)", "private key")
                .check(SecretCheck.PEM_BODY).anchor(Anchor.LINE));
        r.add(rule("putty-private-key", "AsymmetricPrivateKey", "PuTTY Private Key", HIGH,
                "^PuTTY-User-Key-File-[23]: [a-z0-9-]{3,40}(?<secret>)", "putty-user-key-file").anchor(Anchor.LINE));

        // JWT
        r.add(rule("jwt-token", "JWT", "JSON Web Token", MEDIUM,
                B + "(?<secret>ey[A-Za-z0-9_-]{15,4000}\\.ey[A-Za-z0-9_-]{15,8000}\\.[A-Za-z0-9_-]{0,1000})" + E,
                ".eyj").check(SecretCheck.JWT).anchor(Anchor.WORD));

        // Google
        r.add(rule("gcp-service-account", "Google", "Google (GCP) Service Account Key", CRITICAL,
                "\"type\"\\s{0,8}:\\s{0,8}\"service_account\"(?<secret>)", "service_account").anchor(Anchor.LINE));
        r.add(rule("gcp-api-key", "Google", "Google API Key", HIGH,
                B + "(?<secret>AIza[0-9A-Za-z_-]{35})" + E, "aiza"));
        r.add(rule("google-oauth-client-secret", "Google", "Google OAuth Client Secret", HIGH,
                B + "(?<secret>GOCSPX-[0-9A-Za-z_-]{28})" + E, "gocspx-"));

        // Azure
        r.add(rule("azure-storage-account-key", "Azure", "Azure Storage Account Key", CRITICAL,
                "(?i)AccountKey[ \\t]{0,8}=[ \\t]{0,8}(?<secret>[A-Za-z0-9+/]{86}==)", "accountkey"));
        r.add(rule("azure-client-secret", "Azure", "Azure Entra ID Client Secret", HIGH,
                "(?<![A-Za-z0-9_~.-])(?<secret>[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])",
                "q~").anchor(Anchor.LINE));
        r.add(rule("azure-sas-token", "Azure", "Azure Shared Access Signature", MEDIUM,
                "(?<=[?&;])sig=(?<secret>[A-Za-z0-9%+/]{40,120}(?:%3D|=){0,2})", "sig=").check(SecretCheck.AZURE_SAS));

        // other services, by documented prefixes
        r.add(rule("hugging-face-access-token", "HuggingFace", "Hugging Face Access Token", CRITICAL,
                "(?<![A-Za-z0-9_])(?<secret>hf_[A-Za-z0-9]{34,40})(?![A-Za-z0-9])", "hf_"));
        r.add(rule("openai-api-key", "OpenAI", "OpenAI API Key", CRITICAL,
                B + "(?<secret>sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,160}T3BlbkFJ[A-Za-z0-9_-]{20,160})" + E,
                "t3blbkfj").anchor(Anchor.WORD));
        r.add(rule("anthropic-api-key", "Anthropic", "Anthropic API Key", CRITICAL,
                B + "(?<secret>sk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{80,120})" + E, "sk-ant-"));
        r.add(rule("shopify-token", "Shopify", "Shopify Token", HIGH,
                B + "(?<secret>shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})" + E, "shpat_", "shpca_", "shppa_", "shpss_"));
        r.add(rule("heroku-api-key", "Heroku", "Heroku API Key", HIGH,
                "(?i)heroku[a-z0-9_ .,-]{0,25}(?:=|:=|=>|:)[ \\t]{0,8}[\"']?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}"
                        + "-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-f-])", "heroku"));
        r.add(rule("heroku-api-key-v2", "Heroku", "Heroku API Key", HIGH,
                B + "(?<secret>HRKU-AA[0-9A-Za-z_-]{58})" + E, "hrku-aa"));
        r.add(rule("age-secret-key", "Age", "Age Secret Key", MEDIUM,
                "(?<secret>AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})", "age-secret-key-1"));
        r.add(rule("databricks-api-token", "Databricks", "Databricks API Token", MEDIUM,
                "(?<![A-Za-z0-9])(?<secret>dapi[a-f0-9]{32}(?:-[0-9]{1,2})?)(?![A-Za-z0-9])", "dapi"));
        r.add(rule("doppler-api-token", "Doppler", "Doppler API Token", MEDIUM,
                B + "(?<secret>dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9]{40,44})" + E, "dp.pt.", "dp.st.", "dp.sa.",
                "dp.ct.", "dp.scim.", "dp.audit."));
        r.add(rule("dynatrace-api-token", "Dynatrace", "Dynatrace API Token", MEDIUM,
                "(?<secret>dt0c01\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64})", "dt0c01."));
        r.add(rule("linear-api-token", "Linear", "Linear API Key", MEDIUM,
                B + "(?<secret>lin_api_[A-Za-z0-9]{40})" + E, "lin_api_"));
        r.add(rule("new-relic-user-api-key", "NewRelic", "New Relic User API Key", MEDIUM,
                B + "(?<secret>NRAK-[A-Z0-9]{27})" + E, "nrak-"));
        r.add(rule("planetscale-token", "Planetscale", "PlanetScale Password or Token", MEDIUM,
                B + "(?<secret>pscale_(?:pw|tkn|oauth)_[A-Za-z0-9_.-]{32,64})", "pscale_pw_", "pscale_tkn_",
                "pscale_oauth_"));
        r.add(rule("postman-api-token", "Postman", "Postman API Key", MEDIUM,
                B + "(?<secret>PMAK-[a-f0-9]{24}-[a-f0-9]{34})" + E, "pmak-"));
        r.add(rule("pulumi-api-token", "Pulumi", "Pulumi Access Token", HIGH,
                B + "(?<secret>pul-[a-f0-9]{40})" + E, "pul-"));
        r.add(rule("rubygems-api-token", "RubyGems", "RubyGems API Key", MEDIUM,
                B + "(?<secret>rubygems_[a-f0-9]{48})" + E, "rubygems_"));
        r.add(rule("sendinblue-api-token", "Sendinblue", "Brevo (Sendinblue) API Key", LOW,
                B + "(?<secret>xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16})" + E, "xkeysib-"));
        r.add(rule("shippo-api-token", "Shippo", "Shippo API Token", LOW,
                B + "(?<secret>shippo_(?:live|test)_[a-f0-9]{40})" + E, "shippo_live_", "shippo_test_"));
        r.add(rule("grafana-cloud-token", "Grafana", "Grafana Cloud Token", MEDIUM,
                B + "(?<secret>glc_[A-Za-z0-9+/]{32,400}={0,2})", "glc_"));
        r.add(rule("grafana-service-account-token", "Grafana", "Grafana Service Account Token", MEDIUM,
                B + "(?<secret>glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})" + E, "glsa_"));
        r.add(rule("hashicorp-tf-api-token", "HashiCorp", "HashiCorp Terraform API Token", MEDIUM,
                "(?<![A-Za-z0-9])(?<secret>[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70})" + E, "atlasv1.")
                .anchor(Anchor.WORD));
        r.add(rule("vault-service-token", "HashiCorp", "HashiCorp Vault Token", HIGH,
                "(?<![A-Za-z0-9_.-])(?<secret>hvs\\.[A-Za-z0-9_-]{90,120})" + E, "hvs."));
        r.add(rule("alibaba-access-key-id", "Alibaba", "Alibaba AccessKey ID", HIGH,
                "(?<![A-Za-z0-9])(?<secret>LTAI[A-Za-z0-9]{20})(?![A-Za-z0-9])", "ltai"));
        r.add(rule("private-packagist-token", "Private Packagist", "Private Packagist Token", HIGH,
                B + "(?<secret>packagist_[ou][ru]t_[a-f0-9]{68})" + E, "packagist_uut_", "packagist_ort_",
                "packagist_out_"));
        r.add(rule("clojars-api-token", "Clojars", "Clojars Deploy Token", MEDIUM,
                B + "(?<secret>CLOJARS_[a-z0-9]{60})" + E, "clojars_"));
        r.add(rule("easypost-api-token", "Easypost", "EasyPost API Key", LOW,
                "(?<![A-Za-z0-9])(?<secret>EZ[AT]K[A-Za-z0-9]{54})(?![A-Za-z0-9])", "ezak", "ezat"));
        r.add(rule("frameio-api-token", "Frameio", "Frame.io API Token", LOW,
                B + "(?<secret>fio-u-[A-Za-z0-9_=-]{64})" + E, "fio-u-"));
        r.add(rule("duffel-api-token", "Duffel", "Duffel API Token", LOW,
                B + "(?<secret>duffel_(?:test|live)_[A-Za-z0-9_-]{43})" + E, "duffel_test_", "duffel_live_"));
        r.add(rule("flutterwave-secret-key", "Flutterwave", "Flutterwave API Key", MEDIUM,
                B + "(?<secret>FLW(?:PUB|SEC)K(?:_TEST)?-[a-h0-9]{32}-X)" + E, "flwseck", "flwpubk"));
        r.add(rule("discord-webhook", "Discord", "Discord Webhook", MEDIUM,
                "(?<=https://(?:ptb\\.|canary\\.)?)discord(?:app)?\\.com/api/webhooks/[0-9]{17,20}/"
                        + "(?<secret>[A-Za-z0-9_-]{60,80})", "discord"));
        r.add(rule("telegram-bot-token", "Telegram", "Telegram Bot Token", MEDIUM,
                "(?<![0-9:])(?<secret>[0-9]{8,10}:AA[A-Za-z0-9_-]{33})" + E, ":aa").anchor(Anchor.LINE));

        // credential files of tools
        r.add(rule("git-credentials", "Git", "Credential in .git-credentials", HIGH,
                "[A-Za-z][A-Za-z0-9+.-]{0,20}://[^\\s:@/]{0,128}:(?<secret>[^\\s@/]{1,512})@", "://")
                .path(PathMatch.pathSuffixes(".git-credentials")).check(SecretCheck.CREDENTIAL).anchor(Anchor.LINE)
                .generic());
        r.add(rule("netrc-password", "Netrc", "Password in .netrc", HIGH,
                "(?:^|\\s)password\\s{1,8}(?<secret>\\S{1,512})", "password")
                .path(PathMatch.fileNames(".netrc", "_netrc")).check(SecretCheck.CREDENTIAL).anchor(Anchor.LINE)
                .generic());

        // context-only rules, in configuration files
        r.add(rule("url-credentials", "Generic", "Password in a URL", HIGH,
                "(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,20}://[^\\s:@/\"'<>]{0,64}:"
                        + "(?<secret>[^\\s:@/\"'<>]{3,128})@[A-Za-z0-9.\\[\\]-]", "://")
                .path(SecretPaths.CONFIG_FILES).check(SecretCheck.URL_PASSWORD).anchor(Anchor.LINE).generic());
        r.add(rule("generic-secret-assignment", "Generic", "Credential in a Configuration File", HIGH,
                "(?<![A-Za-z0-9_.-])(?<key>[A-Za-z0-9_.-]{1,80})[\"']?[ \\t]{0,8}(?:=|:=|=>|:|>)[ \\t]{0,8}[\"']?"
                        + "(?<secret>[^\\s\"'<>,;`]{8,256})",
                "password", "passwd", "passphrase", "_pass", ".pass", "-pass", "pwd", "secret", "token",
                "credential", "key")
                .path(SecretPaths.CONFIG_FILES).check(SecretCheck.ASSIGNMENT).anchor(Anchor.WORD).generic());
        return List.copyOf(r.stream().map(Builder::build).toList());
    }

    /**
     * The built-in allow rules: Trivy's (same ids, so that {@code disable-allow-rules} lists written for Trivy
     * work), which keep out the files of the OS and of language runtimes, tests, examples and vendored code, where
     * sample keys and test fixtures abound; plus binary formats by extension, which need not even be opened.
     */
    static List<AllowRule> allowRules() {
        return List.of(
                new AllowRule("tests", "Test files and directories", null, SecretPaths.TESTS),
                new AllowRule("examples", "Example files and directories", null, SecretPaths.EXAMPLES),
                new AllowRule("vendor", "Vendored code", null, PathMatch.directories("vendor")),
                new AllowRule("usr-dirs", "Files of the OS: usr/share, usr/include, usr/lib", null,
                        PathMatch.prefixes("usr/share/", "usr/include/", "usr/lib/", "usr/lib64/")),
                new AllowRule("locale-dir", "Locale directories", null, PathMatch.directories("locale", "locales")),
                new AllowRule("markdown", "Markdown files", null, PathMatch.extensions(Set.of("md", "markdown"))),
                new AllowRule("node.js", "Yarn in Node.js images", null, PathMatch.prefixes("opt/yarn-v")),
                new AllowRule("golang", "Go in Go images", null, PathMatch.prefixes("usr/local/go/")),
                new AllowRule("python", "Python in Python images", null, SecretPaths.PYTHON_RUNTIME),
                new AllowRule("rubygems", "Ruby gems of the OS", null, PathMatch.prefixes("usr/lib/gems/")),
                new AllowRule("wordpress", "WordPress in WordPress images", null,
                        PathMatch.prefixes("usr/src/wordpress/")),
                new AllowRule("anaconda-log", "Anaconda CI logs", null, PathMatch.prefixes("var/log/anaconda/")),
                new AllowRule("binary-files", "Images, fonts, archives, compiled code and media, by extension", null,
                        PathMatch.extensions(BINARY_EXTENSIONS)));
    }

    private static final Set<String> BINARY_EXTENSIONS = Set.of(
            "png", "jpg", "jpeg", "gif", "bmp", "ico", "icns", "webp", "tif", "tiff", "psd", "xcf",
            "ttf", "otf", "woff", "woff2", "eot", "pfb", "pfm", "afm",
            "zip", "jar", "war", "ear", "gz", "tgz", "bz2", "tbz2", "xz", "txz", "zst", "lz4", "lzma", "7z", "rar",
            "tar", "deb", "rpm", "apk", "whl", "egg", "cab", "iso", "dmg",
            "class", "so", "o", "a", "ko", "dylib", "dll", "exe", "pyc", "pyo", "mo", "gmo", "wasm", "jmod",
            "mp3", "mp4", "m4a", "ogg", "oga", "ogv", "wav", "flac", "avi", "mov", "mkv", "webm",
            "pdf", "sqlite", "sqlite3");

    private static Builder rule(String id, String category, String title, String severity, String regex,
                                String... keywords) {
        return new Builder(id, category, title, severity, regex, List.of(keywords));
    }

    /** A rule under construction. */
    private static final class Builder {
        private final String id;
        private final String category;
        private final String title;
        private final String severity;
        private final String regex;
        private final List<String> keywords;
        private PathMatch path;
        private SecretCheck check = SecretCheck.NONE;
        private boolean generic;
        private Anchor anchor = Anchor.KEYWORD;

        Builder(String id, String category, String title, String severity, String regex, List<String> keywords) {
            this.id = id;
            this.category = category;
            this.title = title;
            this.severity = severity;
            this.regex = regex;
            this.keywords = keywords;
        }

        Builder path(PathMatch p) {
            path = p;
            return this;
        }

        Builder check(SecretCheck c) {
            check = c;
            return this;
        }

        Builder anchor(Anchor a) {
            anchor = a;
            return this;
        }

        Builder generic() {
            generic = true;
            return this;
        }

        SecretRule build() {
            return new SecretRule(id, category, title, severity, Pattern.compile(regex),
                    regex.contains("(?<secret>") ? "secret" : null, keywords, path, List.of(), check, anchor, generic);
        }
    }
}
