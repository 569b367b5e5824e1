package io.kensa.report.findings;

import io.kensa.core.Artifact;
import io.kensa.core.LayerSummary;
import io.kensa.core.OsInfo;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import io.kensa.core.SourcePackage;
import io.kensa.core.license.LicenseFinding;
import io.kensa.core.malware.MalwareFinding;
import io.kensa.core.misconfig.MisconfigFinding;
import io.kensa.core.secret.SecretFinding;
import io.kensa.core.vuln.Severity;

import java.time.Instant;
import java.util.List;

/**
 * A scan of the corpus image {@code secrets-misconfig.docker.tar} ({@code shared/corpus/images}) with every scanner:
 * its five layers (diffIDs and {@code created_by} from {@code secrets-misconfig.expected/layers.tsv}), four of its
 * Debian packages, and the findings its planted content calls for ({@code planted.json}, the corpus README): the
 * secrets at their real paths and lines in L2 (two of them in files L3 deletes) and in the config's {@code Env},
 * masked the way the engine masks them (a short prefix kept); the Dockle checks that apply, one of them on the
 * acceptance check's Dockerfile with its line; the packages' licenses; the EICAR file in L4 by both engines (its
 * real SHA-256). The raw values the masks hide are in {@link #RAW_SECRETS}, for tests that check they never appear.
 */
public final class FindingFixtures {
    public static final Instant CREATED_AT = Instant.parse("2026-11-23T08:00:00Z");
    public static final String IMAGE = "kensa-corpus/secrets-misconfig:latest";
    public static final String CONFIG_DIGEST = "sha256:66d7559a2b0c3a5b4e87229e0dcc5fdf5d87973fc9c01c4469b1ef63c8d26162";
    public static final String L0 = "sha256:9f428b2ec8a9b34000042ed7904ba9c0cc3c877b639a784f32beb4a35859275a";
    public static final String L1 = "sha256:caf21dcc31a574c64d7e01a46050d6c53a2922e11177d320c21fd426c1ab5884";
    public static final String L2 = "sha256:1d90474df9fdca82e3cc67a60decb2d99da63e5202d2fe85cd01c4a0792ecb1c";
    public static final String L3 = "sha256:058589745b2e11461538d0fafab3dde1393d1614d753cb3c521994faeef37f94";
    public static final String L4 = "sha256:0c812420d4a0f8474ca2509cbfea6eadc72d1792e960b4df01d7c5ef8127446d";
    public static final String EICAR_SHA256 = "275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f";

    /** The planted values (planted.json) behind the masked lines below. */
    public static final List<String> RAW_SECRETS = List.of("AKIA07H41MX0MGDLDTXH",
            "i1PpawMlhk0MRJxZ44pzaWdqHG4hpEBZH1AN+JYX", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "5hBWcvR3cCYNLUO4AlMN", "ghp_wf1A8I5QHSUgR9HtP5wJPTzd66sRX0VVjn8v",
            "https://hooks.slack.com/services/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");

    public static final SecretFinding AWS_EXAMPLE_KEY_ID = new SecretFinding("aws-access-key-id", "AWS", Severity.LOW,
            "AWS Access Key ID", "/root/.aws/credentials", 2, L2, false, "aws_access_key_id = AKIA****************", true);
    public static final SecretFinding AWS_EXAMPLE_SECRET = new SecretFinding("aws-secret-access-key", "AWS", Severity.LOW,
            "AWS Secret Access Key", "/root/.aws/credentials", 3, L2, false,
            "aws_secret_access_key = wJal************************************", true);
    public static final SecretFinding AWS_KEY_ID = new SecretFinding("aws-access-key-id", "AWS", Severity.CRITICAL,
            "AWS Access Key ID", "/root/.aws/credentials", 6, L2, false, "aws_access_key_id = AKIA****************", false);
    public static final SecretFinding AWS_SECRET = new SecretFinding("aws-secret-access-key", "AWS", Severity.CRITICAL,
            "AWS Secret Access Key", "/root/.aws/credentials", 7, L2, false,
            "aws_secret_access_key = i1Pp************************************", false);
    public static final SecretFinding RSA_KEY = new SecretFinding("private-key", "AsymmetricPrivateKey", Severity.HIGH,
            "Asymmetric Private Key", "/app/id_rsa", 1, L2, true, "-----BEGIN RSA PRIVATE KEY-----", false);
    public static final SecretFinding DB_PASSWORD = new SecretFinding("generic-password", "Generic", Severity.MEDIUM,
            "Password in a configuration file", "/app/.env", 3, L2, true, "DATABASE_PASSWORD=5hBW****************", false);
    public static final SecretFinding GITHUB_PAT = new SecretFinding("github-pat", "GitHub", Severity.CRITICAL,
            "GitHub Personal Access Token", "/app/config/settings.yml", 4, L2, false,
            "  github_token: ghp_************************************", false);
    public static final SecretFinding SLACK_WEBHOOK = new SecretFinding("slack-webhook-url", "Slack", Severity.MEDIUM,
            "Slack Webhook", "/app/config/settings.yml", 5, L2, false,
            "  slack_webhook: https://hooks.slack.com/services/T1WX**********************************************", false);
    public static final SecretFinding CONFIG_ENV = new SecretFinding("aws-secret-access-key", "AWS", Severity.CRITICAL,
            "AWS Secret Access Key", "config:Env", 0, null, false,
            "AWS_SECRET_ACCESS_KEY=L8Md************************************", false);
    public static final List<SecretFinding> SECRETS = List.of(RSA_KEY, DB_PASSWORD, GITHUB_PAT, SLACK_WEBHOOK,
            AWS_EXAMPLE_KEY_ID, AWS_EXAMPLE_SECRET, AWS_KEY_ID, AWS_SECRET, CONFIG_ENV);

    public static final MisconfigFinding ROOT_USER = new MisconfigFinding("CIS-DI-0001", "image", Severity.HIGH,
            "Create a user for the container", "CIS Docker Benchmark v1.6.0, 4.1",
            "Add a USER instruction with a non-root user after the packages are installed.",
            List.of("Config.User is not set: the container runs as root"), null, 0, null);
    public static final MisconfigFinding SETUID = new MisconfigFinding("CIS-DI-0008", "image", Severity.MEDIUM,
            "Confirm safety of setuid/setgid files", "CIS Docker Benchmark v1.6.0, 4.8",
            "Remove the setuid and setgid bits of files that do not need them (chmod u-s,g-s).",
            List.of("setuid file: /usr/local/bin/netdiag (mode 4755, owner root)"), "/usr/local/bin/netdiag", 0, L4);
    public static final MisconfigFinding ADD_URL = new MisconfigFinding("CIS-DI-0009", "image", Severity.LOW,
            "Use COPY instead of ADD in Dockerfile", "https://docs.docker.com/reference/dockerfile/#add",
            "Use COPY for local files, and download remote files in a RUN step that checks them.",
            List.of("ADD https://downloads.example.com/netdiag/install.sh /opt/netdiag/install.sh"), null, 0, L1);
    public static final MisconfigFinding SUDO_IN_DOCKERFILE = new MisconfigFinding("DKL-DI-0001", "dockerfile",
            Severity.HIGH, "Avoid sudo command", null, "Run the command as root in the build, without sudo.",
            List.of("RUN sudo apt-get install -y curl"), "Dockerfile", 5, null);
    public static final List<MisconfigFinding> MISCONFIGURATIONS = List.of(ADD_URL, ROOT_USER, SUDO_IN_DOCKERFILE, SETUID);

    public static final Package DPKG = deb("dpkg", "1.21.23", "dpkg", "1.21.23",
            "pkg:deb/debian/dpkg@1.21.23?arch=amd64&distro=debian-12.15");
    public static final Package TAR = deb("tar", "1.34+dfsg-1.2+deb12u1", "tar", "1.34+dfsg-1.2+deb12u1",
            "pkg:deb/debian/tar@1.34%2Bdfsg-1.2%2Bdeb12u1?arch=amd64&distro=debian-12.15");
    public static final Package ZLIB = deb("zlib1g", "1:1.2.13.dfsg-1", "zlib", "1:1.2.13.dfsg-1",
            "pkg:deb/debian/zlib1g@1.2.13.dfsg-1?arch=amd64&distro=debian-12.15&epoch=1");
    public static final Package BASE_FILES = deb("base-files", "12.4+deb12u15", "base-files", "12.4+deb12u15",
            "pkg:deb/debian/base-files@12.4%2Bdeb12u15?arch=amd64&distro=debian-12.15");

    public static final LicenseFinding TAR_LICENSE = license(TAR, "GPL-3.0-or-later", "restricted", Severity.HIGH, "fail");
    public static final LicenseFinding DPKG_LICENSE = license(DPKG, "GPL-2.0-or-later", "restricted", Severity.HIGH, "warn");
    public static final LicenseFinding ZLIB_LICENSE = license(ZLIB, "Zlib", "notice", Severity.LOW, "allow");
    public static final LicenseFinding BASE_FILES_LICENSE = license(BASE_FILES, "LicenseRef-base-files-copyright",
            "unknown", Severity.UNKNOWN, "warn");
    public static final List<LicenseFinding> LICENSES = List.of(BASE_FILES_LICENSE, DPKG_LICENSE, TAR_LICENSE,
            ZLIB_LICENSE);

    public static final MalwareFinding EICAR_BY_HASH = new MalwareFinding("/tmp/eicar.com", L4, "hash",
            "EICAR-Test-File", Severity.LOW, EICAR_SHA256, false);
    public static final MalwareFinding EICAR_BY_CLAMAV = new MalwareFinding("/tmp/eicar.com", L4, "clamav",
            "Eicar-Signature", Severity.LOW, null, false);
    public static final List<MalwareFinding> MALWARE = List.of(EICAR_BY_CLAMAV, EICAR_BY_HASH);

    private FindingFixtures() {
    }

    /** The image scanned with the secret, misconfig, license and malware scanners (no vulnerability scan). */
    public static ScanReport report() {
        return inventory().withSecrets(SECRETS).withMisconfigurations(MISCONFIGURATIONS).withLicenses(LICENSES)
                .withMalware(MALWARE);
    }

    /** The image with its packages and no finding of any kind. */
    public static ScanReport inventory() {
        List<LayerSummary> layers = List.of(
                new LayerSummary(L0, "sha256:ec599126f6ed62f44ccac3680c8427a52691e2015472fddc7a98321444c92fc8", 8_042_073,
                        "/bin/sh -c #(nop) ADD file:9f428b2ec8a9b34000042ed7904ba9c0cc3c877b639a784f32beb4a35859275a in / ", false),
                new LayerSummary(L1, "sha256:9d8b8b4713cc896a5c35d9879fd0b0df5d607c8ae46a117c5c85dd93804de47e", 194,
                        "/bin/sh -c #(nop) ADD https://downloads.example.com/netdiag/install.sh /opt/netdiag/install.sh ", false),
                new LayerSummary(L2, "sha256:aa7a7e7cc06fe6be5662bd5c558d82fa8e66c67ed928e10a5d66892693863713", 1_924,
                        "/bin/sh -c #(nop) COPY dir:1d90474df9fdca82e3cc67a60decb2d99da63e5202d2fe85cd01c4a0792ecb1c in / ", false),
                new LayerSummary(L3, "sha256:486e01d029b8583b1cffbf7d4a4fb5b29306ea9d1f9d8d571b95e6ba8fc3432c", 140,
                        "RUN /bin/sh -c rm -f /app/id_rsa /app/.env", false),
                new LayerSummary(L4, "sha256:b440cf2fc815598a6f83188d1cc95b14cf24bf1f3f54125166bc18c10d4aef65", 457_268,
                        "RUN /bin/sh -c sudo install -o root -m 4755 /bin/busybox /usr/local/bin/netdiag && curl -fsSL "
                                + "https://get.example.com/av-selftest.sh | sh", false));
        return new ScanReport(CREATED_AT, new Artifact(IMAGE, "image", CONFIG_DIGEST, List.of(),
                new OsInfo("debian", "12.15", "Debian GNU/Linux 12 (bookworm)"), "amd64"), layers,
                List.of(BASE_FILES, DPKG, TAR, ZLIB), List.of());
    }

    /**
     * What a hostile image and a careless check can put in these findings: markup, quotes, ampersands, a CDATA end,
     * a terminal escape sequence, U+0001, line breaks, and a {@code javascript:} reference.
     */
    public static ScanReport hostile() {
        SecretFinding secret = new SecretFinding("generic-<b>secret</b>", "<i>Generic</i>", Severity.HIGH,
                "Secret \"quoted\" & <script>alert('title')</script>", "/app/<img src=x onerror=alert(1)>.env", 2, L2,
                true, "TOKEN=abcd**** ]]> \u0001\u001b[31mred\nline2 </failure><script>alert('match')</script>", false);
        MisconfigFinding misconfig = new MisconfigFinding("CIS-DI-<0001>", "image", Severity.CRITICAL,
                "Create a <em>user</em>", "javascript:alert(document.domain)", "Add USER & \"rebuild\"\r\n",
                List.of("<script>alert('evidence')</script>", "\u001b]0;title\u0007"), "/etc/<passwd>", 3, L0);
        LicenseFinding license = new LicenseFinding("pkg:npm/%3Cscript%3E@1.0.0", "<script>pkg</script>",
                "LicenseRef-<b>mine</b> & \"yours\"", "unknown", Severity.UNKNOWN, L2, "/app/<x>/package.json", "warn");
        MalwareFinding malware = new MalwareFinding("/tmp/<evil>.com", L4, "clamav", "Win.Test.<EICAR>_HDB-1 & ]]>",
                Severity.CRITICAL, null, true);
        return inventory().withSecrets(List.of(secret)).withMisconfigurations(List.of(misconfig))
                .withLicenses(List.of(license)).withMalware(List.of(malware));
    }

    private static Package deb(String name, String version, String source, String sourceVersion, String purl) {
        return new Package("deb", name, version, "amd64", new SourcePackage(source, sourceVersion), List.of(), null, null,
                purl, L0, List.of("var/lib/dpkg/status"));
    }

    private static LicenseFinding license(Package p, String license, String category, Severity severity, String policy) {
        return new LicenseFinding(p.purl(), p.name(), license, category, severity, L0,
                "/usr/share/doc/" + p.name() + "/copyright", policy);
    }
}
