package io.kensa.db.feed.amazon;

import io.kensa.core.vuln.Severity;
import io.kensa.db.build.FeedReport;
import io.kensa.db.feed.StoredRows;
import io.kensa.db.model.AffectedPackage;
import io.kensa.db.model.AffectedRange;
import io.kensa.db.model.VulnerabilityRecord;
import io.kensa.db.store.StoredAdvisories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.kensa.db.feed.FeedTesting.advisories;
import static io.kensa.db.feed.FeedTesting.build;
import static org.assertj.core.api.Assertions.assertThat;

/** The corpus' ALAS: Vuls' JSON rendition of the Amazon Linux 2 (1,618) and 2023 (816) core advisories. */
class AmazonAlasFeedTest {
    private static final String FEED = "amazon-alas";

    @TempDir
    static Path dir;
    static Path db;
    static FeedReport report;

    @BeforeAll
    static void buildOnce() throws Exception {
        db = dir.resolve("kensa.db");
        report = build(new AmazonAlasFeed(), advisories(), db);
    }

    @Test
    void everyAdvisoryIsLoaded() throws Exception {
        assertThat(report.records()).isEqualTo(2434);
        assertThat(report.warningCount()).isZero();
        assertThat(report.snapshot()).as("newest updated date").isEqualTo(Instant.parse("2025-02-07T23:14:00Z"));
        // the same numbers from an independent reading of the JSON: for each ALAS, its CVEs (or its own id when
        // it lists none) times its distinct (package, [epoch:]version-release)
        try (StoredAdvisories s = new StoredAdvisories(db)) {
            assertThat(s.countBy(FEED, "namespace")).isEqualTo(Map.of("amazon:2", 44429L, "amazon:2023", 38044L));
            assertThat(s.countBy(FEED, "severity")).isEqualTo(Map.of("CRITICAL", 1384L, "HIGH", 48074L,
                    "MEDIUM", 30058L, "LOW", 2957L));
            assertThat(s.countBy(FEED, "coalesce(status, 'fixed')")).isEqualTo(Map.of("fixed", 82473L));
            assertThat(s.count("SELECT count(DISTINCT vuln_id) FROM advisories WHERE feed = ?", FEED)).isEqualTo(5322);
            // one record per ALAS and one per CVE
            assertThat(s.count("SELECT count(*) FROM vulnerabilities WHERE feed = ? AND id LIKE 'ALAS%'", FEED))
                    .isEqualTo(2434);
            assertThat(s.count("SELECT count(*) FROM vulnerabilities WHERE feed = ? AND id LIKE 'CVE-%'", FEED))
                    .isEqualTo(5304);
            assertThat(s.count("SELECT count(*) FROM aliases")).as("CVEs are not aliases of their ALAS").isZero();
        }
    }

    @Test
    void anAmazonLinux2023AdvisoryWithItsPackages() throws Exception {
        try (StoredAdvisories s = new StoredAdvisories(db); StoredRows r = new StoredRows(db)) {
            // ALAS2023-2024-463 (gnutls, Medium) lists each package once per architecture: one row per name
            assertThat(s.where(FEED, "vuln_id = 'CVE-2023-5981' AND namespace = 'amazon:2023'"))
                    .containsExactlyInAnyOrderElementsOf(rows("amazon:2023", "CVE-2023-5981", "3.8.0-377.amzn2023.0.3",
                            Severity.MEDIUM, "gnutls-c++", "gnutls-debuginfo", "gnutls-dane", "gnutls-dane-debuginfo",
                            "gnutls-utils-debuginfo", "gnutls", "gnutls-c++-debuginfo", "gnutls-utils",
                            "gnutls-debugsource", "gnutls-devel"));
            VulnerabilityRecord alas = r.vulnerabilities(FEED).get("ALAS2023-2024-463");
            assertThat(alas.title()).isEqualTo(
                    "Amazon Linux 2023 - ALAS2023-2024-463: Medium priority package update for gnutls");
            assertThat(alas.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(alas.published()).isEqualTo(Instant.parse("2024-01-03T23:20:00Z"));
            assertThat(alas.modified()).isEqualTo(Instant.parse("2024-01-08T21:03:00Z"));
            assertThat(alas.urls()).containsExactly("https://alas.aws.amazon.com/AL2023/ALAS-2024-463.html",
                    "http://cve.mitre.org/cgi-bin/cvename.cgi?name=CVE-2023-5981");
            VulnerabilityRecord cve = r.vulnerabilities(FEED).get("CVE-2023-5981");
            assertThat(cve.description()).isEqualTo("A vulnerability was found that the response times to"
                    + " malformed ciphertexts in RSA-PSK ClientKeyExchange differ from response times of ciphertexts"
                    + " with correct PKCS#1 v1.5 padding. Only TLS ciphertext processing is affected.");
            assertThat(cve.urls().getFirst())
                    .isEqualTo("https://alas.aws.amazon.com/AL2023/ALAS-2024-463.html");
        }
    }

    @Test
    void aNonZeroEpochIsWrittenAndEachCveIsItsOwnRow() throws Exception {
        try (StoredAdvisories s = new StoredAdvisories(db)) {
            // ALAS2023-2024-483: java-17-amazon-corretto 1:17.0.10+7-1.amzn2023.1, nine CVEs, five packages
            List<AffectedPackage> rows = s.where(FEED, "package LIKE 'java-17-amazon-corretto%'"
                    + " AND affected LIKE '%1:17.0.10+7-1.amzn2023.1%'");
            assertThat(rows).hasSize(45).allSatisfy(a -> {
                assertThat(a.namespace()).isEqualTo("amazon:2023");
                assertThat(a.ranges()).containsExactly(AffectedRange.fixedIn("1:17.0.10+7-1.amzn2023.1"));
                assertThat(a.severity()).isEqualTo(Severity.HIGH);
            });
            assertThat(rows).extracting(AffectedPackage::vulnerabilityId).containsOnly("CVE-2024-20918",
                    "CVE-2024-20919", "CVE-2024-20921", "CVE-2024-20922", "CVE-2024-20923", "CVE-2024-20925",
                    "CVE-2024-20932", "CVE-2024-20945", "CVE-2024-20952");
        }
    }

    @Test
    void anAdvisoryWithoutCvesKeepsItsOwnId() throws Exception {
        try (StoredAdvisories s = new StoredAdvisories(db); StoredRows r = new StoredRows(db)) {
            assertThat(s.where(FEED, "vuln_id = 'ALAS2-2018-996'")).containsExactlyInAnyOrderElementsOf(
                    List.of(row("amazon:2", "stunnel", "ALAS2-2018-996", "4.56-6.amzn2.0.1", Severity.MEDIUM),
                            row("amazon:2", "stunnel-debuginfo", "ALAS2-2018-996", "4.56-6.amzn2.0.1", Severity.MEDIUM),
                            row("amazon:2", "amazon-efs-utils", "ALAS2-2018-996", "1.2-1.amzn2", Severity.MEDIUM)));
            assertThat(r.vulnerabilities(FEED).get("ALAS2-2018-996").urls())
                    .containsExactly("https://alas.aws.amazon.com/AL2/ALAS-2018-996.html");
        }
    }

    static AffectedPackage row(String ns, String pkg, String id, String fixed, Severity severity) {
        return new AffectedPackage(ns, pkg, id, FEED, List.of(AffectedRange.fixedIn(fixed)), List.of(), null, severity);
    }

    static List<AffectedPackage> rows(String ns, String id, String fixed, Severity severity, String... packages) {
        List<AffectedPackage> out = new ArrayList<>();
        for (String p : packages) {
            out.add(row(ns, p, id, fixed, severity));
        }
        return out;
    }
}
