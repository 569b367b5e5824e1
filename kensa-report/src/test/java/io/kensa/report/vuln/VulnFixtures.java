package io.kensa.report.vuln;

import io.kensa.core.Artifact;
import io.kensa.core.LayerSummary;
import io.kensa.core.OsInfo;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import io.kensa.core.SourcePackage;
import io.kensa.core.vuln.CvssScore;
import io.kensa.core.vuln.KevEntry;
import io.kensa.core.vuln.Severity;
import io.kensa.core.vuln.SuppressedFinding;
import io.kensa.core.vuln.VulnerabilityFinding;
import io.kensa.core.vuln.VulnerabilityStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A scan report of a Debian 11 image with an application layer, and the findings a matcher makes on it, taken from
 * the corpus feeds ({@code shared/corpus/advisories}):
 * <ul>
 *   <li>OS packages (Debian OSV {@code Debian:11} entries, CVSS vectors from the records' {@code severity}, EPSS
 *       from the 2021-08-31 EPSS snapshot): openssl 1.1.1k-1 (CVE-2021-3711, CVE-2021-3712, fixed in
 *       1.1.1k-1+deb11u1), curl 7.74.0-1.3+deb11u1 (CVE-2021-22898 and -22924 fixed in +deb11u2; CVE-2021-22922
 *       and -22923 unfixed, urgency "unimportant");</li>
 *   <li>log4j-core 2.14.1 twice (a plain jar and inside a war) with GHSA-jfh8-c2jp-5v3q (CVE-2021-44228),
 *       GHSA-7rjr-3q55-vv33 (CVE-2021-45046) and GHSA-8489-44mv-ggj8 (CVE-2021-44832, with NVD's v2 and v3.1
 *       vectors from the NVD subset), the first two in CISA KEV (dates from the corpus KEV catalog);</li>
 *   <li>npm lodash 4.17.15 (GHSA-p6mc-m468-83gw; GHSA-35jh-r3h4-6jhm suppressed by VEX) and path-to-regexp 0.1.10
 *       (GHSA-rhx6-c78j-4q9w, a CVSS v4.0 vector).</li>
 * </ul>
 * Base scores were computed from the vectors with the CVSS calculator the database uses.
 */
public final class VulnFixtures {
    public static final Instant CREATED_AT = Instant.parse("2026-11-02T10:15:30.123456Z");
    public static final String IMAGE_ID = "sha256:" + "4a2c".repeat(16);
    public static final String BASE_LAYER = "sha256:" + "e1f2".repeat(16);
    public static final String APP_LAYER = "sha256:" + "a3b4".repeat(16);
    public static final String DPKG_STATUS = "var/lib/dpkg/status";
    public static final String WAR = "app/webapps/shop.war";
    public static final String OS_TARGET = "debian:11 (debian 11.0)";

    public static final Package LIBSSL = deb("libssl1.1", "1.1.1k-1", "openssl", "1.1.1k-1",
            "pkg:deb/debian/libssl1.1@1.1.1k-1?arch=amd64&distro=debian-11.0");
    public static final Package OPENSSL = deb("openssl", "1.1.1k-1", "openssl", "1.1.1k-1",
            "pkg:deb/debian/openssl@1.1.1k-1?arch=amd64&distro=debian-11.0");
    public static final Package CURL = deb("curl", "7.74.0-1.3+deb11u1", "curl", "7.74.0-1.3+deb11u1",
            "pkg:deb/debian/curl@7.74.0-1.3%2Bdeb11u1?arch=amd64&distro=debian-11.0");
    public static final Package LIBCURL4 = deb("libcurl4", "7.74.0-1.3+deb11u1", "curl", "7.74.0-1.3+deb11u1",
            "pkg:deb/debian/libcurl4@7.74.0-1.3%2Bdeb11u1?arch=amd64&distro=debian-11.0");
    public static final Package LOG4J_JAR = app("maven", "org.apache.logging.log4j:log4j-core", "2.14.1",
            "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "app/lib/log4j-core-2.14.1.jar", "pom.properties");
    public static final Package SHOP = app("maven", "com.example.kensa:shop", "1.0.0",
            "pkg:maven/com.example.kensa/shop@1.0.0", WAR, "pom.properties");
    public static final Package LOG4J_IN_WAR = app("maven", "org.apache.logging.log4j:log4j-core", "2.14.1",
            "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", WAR + "!/WEB-INF/lib/log4j-core-2.14.1.jar",
            "pom.properties");
    public static final Package LODASH = app("npm", "lodash", "4.17.15", "pkg:npm/lodash@4.17.15",
            "app/node_modules/lodash/package.json", "package.json");
    public static final Package PATH_TO_REGEXP = app("npm", "path-to-regexp", "0.1.10", "pkg:npm/path-to-regexp@0.1.10",
            "app/node_modules/path-to-regexp/package.json", "package.json");

    public static final List<Package> PACKAGES = List.of(CURL, LIBCURL4, LIBSSL, OPENSSL, SHOP, LOG4J_IN_WAR, LOG4J_JAR,
            LODASH, PATH_TO_REGEXP);

    private static final String LOG4SHELL_VECTOR = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H";

    public static final VulnerabilityFinding LOG4SHELL = new VulnerabilityFinding("CVE-2021-44228",
            List.of("GHSA-jfh8-c2jp-5v3q"), List.of(LOG4J_IN_WAR, LOG4J_JAR), "2.14.1", List.of("2.15.0"),
            VulnerabilityStatus.FIXED, Severity.CRITICAL, "ghsa",
            List.of(new CvssScore("ghsa", "3.1", LOG4SHELL_VECTOR, 10.0, Severity.CRITICAL)),
            null, null, new KevEntry("CVE-2021-44228", LocalDate.parse("2021-12-10"), LocalDate.parse("2021-12-24"), "Known"),
            List.of("CWE-20", "CWE-400", "CWE-502", "CWE-917"), "Remote code injection in Log4j",
            "Log4j versions prior to 2.16.0 are subject to a remote code execution vulnerability via the ldap JNDI parser.",
            "https://github.com/advisories/GHSA-jfh8-c2jp-5v3q", "osv-maven",
            "log4j-core 2.14.1 in [2.13.0, 2.15.0) of GHSA-jfh8-c2jp-5v3q (osv-maven)");
    public static final VulnerabilityFinding LOG4J_45046 = new VulnerabilityFinding("CVE-2021-45046",
            List.of("GHSA-7rjr-3q55-vv33"), List.of(LOG4J_IN_WAR, LOG4J_JAR), "2.14.1", List.of("2.16.0"),
            VulnerabilityStatus.FIXED, Severity.CRITICAL, "ghsa",
            List.of(new CvssScore("ghsa", "3.1", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H", 9.0, Severity.CRITICAL)),
            null, null, new KevEntry("CVE-2021-45046", LocalDate.parse("2023-05-01"), LocalDate.parse("2023-05-22"), "Known"),
            List.of("CWE-502", "CWE-917"), "Incomplete fix for Apache Log4j vulnerability", null,
            "https://github.com/advisories/GHSA-7rjr-3q55-vv33", "osv-maven",
            "log4j-core 2.14.1 in [2.13.0, 2.16.0) of GHSA-7rjr-3q55-vv33 (osv-maven)");
    public static final VulnerabilityFinding LOG4J_44832 = new VulnerabilityFinding("CVE-2021-44832",
            List.of("GHSA-8489-44mv-ggj8"), List.of(LOG4J_IN_WAR, LOG4J_JAR), "2.14.1", List.of("2.17.1"),
            VulnerabilityStatus.FIXED, Severity.MEDIUM, "ghsa",
            List.of(new CvssScore("nvd", "3.1", "CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:U/C:H/I:H/A:H", 6.6, Severity.MEDIUM),
                    new CvssScore("nvd", "2.0", "AV:N/AC:M/Au:S/C:C/I:C/A:C", 8.5, Severity.HIGH),
                    new CvssScore("ghsa", "3.1", "CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:U/C:H/I:H/A:H", 6.6, Severity.MEDIUM)),
            null, null, null, List.of("CWE-20", "CWE-74"), "Improper Input Validation and Injection in Apache Log4j2",
            "Apache Log4j2 versions 2.0-beta7 through 2.17.0 (excluding security fix releases 2.3.2 and 2.12.4) are "
                    + "vulnerable to a remote code execution (RCE) attack when a configuration uses a JDBC Appender "
                    + "with a JNDI LDAP data source URI when an attacker has control of the target LDAP server.",
            "https://github.com/advisories/GHSA-8489-44mv-ggj8", "osv-maven",
            "log4j-core 2.14.1 in [2.13.0, 2.17.1) of GHSA-8489-44mv-ggj8 (osv-maven)");
    public static final VulnerabilityFinding OPENSSL_3711_LIBSSL = openssl3711(LIBSSL);
    public static final VulnerabilityFinding OPENSSL_3711_OPENSSL = openssl3711(OPENSSL);
    public static final VulnerabilityFinding OPENSSL_3712 = new VulnerabilityFinding("CVE-2021-3712",
            List.of("GHSA-q9wj-f4qw-6vfj", "RUSTSEC-2021-0098"), List.of(LIBSSL), "1.1.1k-1", List.of("1.1.1k-1+deb11u1"),
            VulnerabilityStatus.FIXED, Severity.HIGH, "nvd",
            List.of(new CvssScore("nvd", "3.1", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:H", 7.4, Severity.HIGH)),
            0.02314, null, null, List.of(), null,
            "ASN.1 strings are represented internally within OpenSSL as an ASN1_STRING structure which contains a "
                    + "buffer holding the string data and a field holding the buffer length.",
            "https://security-tracker.debian.org/tracker/CVE-2021-3712", "osv-debian",
            "source openssl 1.1.1k-1 < fixed 1.1.1k-1+deb11u1 in debian:11 (osv-debian)");
    public static final VulnerabilityFinding CURL_22898 = curl("CVE-2021-22898", CURL, List.of("7.74.0-1.3+deb11u2"),
            VulnerabilityStatus.FIXED, Severity.LOW, "nvd", "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N", 3.1,
            Severity.LOW, 0.2219);
    public static final VulnerabilityFinding CURL_22924 = curl("CVE-2021-22924", CURL, List.of("7.74.0-1.3+deb11u2"),
            VulnerabilityStatus.FIXED, Severity.LOW, "nvd", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N", 3.7,
            Severity.LOW, 0.00833);
    public static final VulnerabilityFinding CURL_22922 = curl("CVE-2021-22922", CURL, List.of(),
            VulnerabilityStatus.AFFECTED, Severity.LOW, "debian", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N", 6.5,
            Severity.MEDIUM, 0.00624);
    public static final VulnerabilityFinding CURL_22923 = curl("CVE-2021-22923", CURL, List.of(),
            VulnerabilityStatus.AFFECTED, Severity.LOW, "debian", "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:N/A:N", 5.3,
            Severity.MEDIUM, 0.00624);
    public static final VulnerabilityFinding LODASH_8203 = new VulnerabilityFinding("CVE-2020-8203",
            List.of("GHSA-p6mc-m468-83gw"), List.of(LODASH), "4.17.15", List.of("4.17.19"), VulnerabilityStatus.FIXED,
            Severity.HIGH, "ghsa",
            List.of(new CvssScore("ghsa", "3.1", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H", 7.4, Severity.HIGH)),
            0.05363, null, null, List.of("CWE-1321", "CWE-770"), "Prototype Pollution in lodash", null,
            "https://github.com/advisories/GHSA-p6mc-m468-83gw", "osv-npm",
            "lodash 4.17.15 in [3.7.0, 4.17.19) of GHSA-p6mc-m468-83gw (osv-npm)");
    public static final VulnerabilityFinding PATH_TO_REGEXP_52798 = new VulnerabilityFinding("CVE-2024-52798",
            List.of("GHSA-rhx6-c78j-4q9w"), List.of(PATH_TO_REGEXP), "0.1.10", List.of("0.1.12"),
            VulnerabilityStatus.FIXED, Severity.HIGH, "ghsa",
            List.of(new CvssScore("ghsa", "4.0", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N/E:P",
                    7.7, Severity.HIGH)),
            null, null, null, List.of("CWE-1333"), "Unpatched `path-to-regexp` ReDoS in 0.1.x", null,
            "https://github.com/advisories/GHSA-rhx6-c78j-4q9w", "osv-npm",
            "path-to-regexp 0.1.10 in [0, 0.1.12) of GHSA-rhx6-c78j-4q9w (osv-npm)");
    public static final VulnerabilityFinding LODASH_23337 = new VulnerabilityFinding("CVE-2021-23337",
            List.of("GHSA-35jh-r3h4-6jhm"), List.of(LODASH), "4.17.15", List.of("4.17.21"), VulnerabilityStatus.FIXED,
            Severity.HIGH, "ghsa",
            List.of(new CvssScore("ghsa", "3.1", "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H", 7.2, Severity.HIGH)),
            0.02069, null, null, List.of("CWE-77", "CWE-94"), "Command Injection in lodash", null,
            "https://github.com/advisories/GHSA-35jh-r3h4-6jhm", "osv-npm",
            "lodash 4.17.15 in [0, 4.17.21) of GHSA-35jh-r3h4-6jhm (osv-npm)");
    public static final VulnerabilityFinding LIBCURL_22922 = curl("CVE-2021-22922", LIBCURL4, List.of(),
            VulnerabilityStatus.AFFECTED, Severity.LOW, "debian", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N", 6.5,
            Severity.MEDIUM, 0.00624);

    public static final List<VulnerabilityFinding> FINDINGS = List.of(CURL_22922, LODASH_8203, LOG4J_44832,
            OPENSSL_3711_OPENSSL, CURL_22898, PATH_TO_REGEXP_52798, LOG4J_45046, CURL_22923, OPENSSL_3712, LOG4SHELL,
            CURL_22924, OPENSSL_3711_LIBSSL);
    /** {@link #FINDINGS} most urgent first, as every report lists them. */
    public static final List<VulnerabilityFinding> MOST_URGENT_FIRST = List.of(LOG4SHELL, LOG4J_45046,
            OPENSSL_3711_LIBSSL, OPENSSL_3711_OPENSSL, LODASH_8203, OPENSSL_3712, PATH_TO_REGEXP_52798, LOG4J_44832,
            CURL_22898, CURL_22924, CURL_22922, CURL_22923);
    public static final SuppressedFinding SUPPRESSED_BY_VEX = new SuppressedFinding(LODASH_23337, "vex",
            "VEX not_affected: vulnerable_code_not_in_execute_path");
    public static final SuppressedFinding SUPPRESSED_BY_IGNORE_FILE = new SuppressedFinding(LIBCURL_22922, "ignore-file",
            ".kensaignore: CVE-2021-22922 (accepted risk, expires 2027-01-01)");

    private VulnFixtures() {
    }

    public static Artifact debian11() {
        return new Artifact("debian:11", "image", IMAGE_ID, List.of("docker.io/library/debian@sha256:" + "77aa".repeat(16)),
                new OsInfo("debian", "11.0", "Debian GNU/Linux 11 (bullseye)"), "amd64");
    }

    /** The image with its findings and two suppressed ones. */
    public static ScanReport report() {
        return inventory().withVulnerabilities(FINDINGS, List.of(SUPPRESSED_BY_VEX, SUPPRESSED_BY_IGNORE_FILE));
    }

    /** The same image scanned with no finding at all. */
    public static ScanReport noFindings() {
        return inventory().withVulnerabilities(List.of(), List.of());
    }

    public static ScanReport inventory() {
        List<LayerSummary> layers = List.of(
                new LayerSummary(BASE_LAYER, "sha256:" + "0b0a".repeat(16), 31_401_000L,
                        "/bin/sh -c #(nop) ADD file:1f4f in / ", false),
                new LayerSummary(APP_LAYER, "sha256:" + "0c0d".repeat(16), 4_096_000L, "COPY app /app", true));
        return new ScanReport(CREATED_AT, debian11(), layers, PACKAGES, List.of());
    }

    /**
     * What a hostile image and a careless feed can put in a report: markup, quotes, ampersands, a CDATA end, control
     * characters (a terminal escape sequence, U+0001), a line break, and a {@code javascript:} URL.
     */
    public static ScanReport hostile() {
        Package evil = app("npm", "<script>alert(\"pkg\")</script>", "1.0.0\"&'", "pkg:npm/%3Cscript%3E@1.0.0",
                "app/node_modules/<script>/package.json", "package.json");
        VulnerabilityFinding f = new VulnerabilityFinding("CVE-2021-44228", List.of("GHSA-jfh8-c2jp-5v3q"), List.of(evil),
                "1.0.0\"&'", List.of("2.0.0<b>"), VulnerabilityStatus.FIXED, Severity.CRITICAL, "ghsa",
                List.of(new CvssScore("ghsa", "3.1", LOG4SHELL_VECTOR, 10.0, Severity.CRITICAL)), 0.5, 0.9, null,
                List.of("CWE-79"), "<img src=x onerror=alert(1)> ]]> & \"quoted\" \u0001\u001b[31mred\nline2",
                "</failure><script>alert('desc')</script>", "javascript:alert(document.domain)", "osv-npm", "<i>why</i>");
        SuppressedFinding s = new SuppressedFinding(f, "vex", "<b>not_affected</b> & \"reason\"");
        return new ScanReport(CREATED_AT, new Artifact("evil<img src=x onerror=alert(2)>:latest", "image", null, List.of(),
                new OsInfo("debian", "11.0", "<script>alert(3)</script>"), "amd64"), List.of(), List.of(evil),
                List.of(f), List.of(s), List.of("warning <script>alert(4)</script>"));
    }

    private static VulnerabilityFinding openssl3711(Package p) {
        return new VulnerabilityFinding("CVE-2021-3711", List.of("GHSA-5ww6-px42-wc85", "RUSTSEC-2021-0097"), List.of(p),
                "1.1.1k-1", List.of("1.1.1k-1+deb11u1"), VulnerabilityStatus.FIXED, Severity.CRITICAL, "nvd",
                List.of(new CvssScore("nvd", "3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, Severity.CRITICAL)),
                0.01659, null, null, List.of(), null,
                "In order to decrypt SM2 encrypted data an application is expected to call the API function "
                        + "EVP_PKEY_decrypt(). Fixed in OpenSSL 1.1.1l (Affected 1.1.1-1.1.1k).",
                "https://security-tracker.debian.org/tracker/CVE-2021-3711", "osv-debian",
                "source openssl 1.1.1k-1 < fixed 1.1.1k-1+deb11u1 in debian:11 (osv-debian)");
    }

    private static VulnerabilityFinding curl(String id, Package p, List<String> fixed, VulnerabilityStatus status,
                                             Severity severity, String severitySource, String vector, double score,
                                             Severity cvssSeverity, double epss) {
        return new VulnerabilityFinding(id, List.of(), List.of(p), p.version(), fixed, status, severity, severitySource,
                List.of(new CvssScore("nvd", "3.1", vector, score, cvssSeverity)), epss, null, null, List.of(), null, null,
                "https://security-tracker.debian.org/tracker/" + id, "osv-debian",
                "source curl " + p.version() + (fixed.isEmpty() ? " has no fix" : " < fixed " + fixed.getFirst())
                        + " in debian:11 (osv-debian)");
    }

    private static Package deb(String name, String version, String source, String sourceVersion, String purl) {
        return new Package("deb", name, version, "amd64", new SourcePackage(source, sourceVersion), List.of(), null,
                null, purl, BASE_LAYER, List.of(DPKG_STATUS));
    }

    private static Package app(String type, String name, String version, String purl, String path, String foundBy) {
        return Package.application(type, name, version, List.of(), path, foundBy).withPurl(purl).withLayer(APP_LAYER);
    }
}
