package io.kensa.db.feed.ubuntu;

import io.kensa.core.vuln.Severity;
import io.kensa.core.vuln.VulnerabilityStatus;
import io.kensa.db.build.FeedReport;
import io.kensa.db.feed.StoredRows;
import io.kensa.db.model.AffectedPackage;
import io.kensa.db.model.AffectedRange;
import io.kensa.db.model.RangeEvent;
import io.kensa.db.model.VulnerabilityRecord;
import io.kensa.db.store.StoredAdvisories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.kensa.db.feed.FeedTesting.advisories;
import static io.kensa.db.feed.FeedTesting.build;
import static org.assertj.core.api.Assertions.assertThat;

/** The corpus' Ubuntu CVE Tracker, Vuls' JSON rendition of the 2,956 CVE-2024 files ({@code ubuntu/*.zip}). */
class UbuntuCveTrackerFeedTest {
    private static final String FEED = "ubuntu-cve-tracker";

    @TempDir
    static Path dir;
    static Path db;
    static FeedReport report;

    @BeforeAll
    static void buildOnce() throws Exception {
        db = dir.resolve("kensa.db");
        report = build(new UbuntuCveTrackerFeed(), advisories(), db);
    }

    @Test
    void everyFileIsOneRecordAndTheOneReleasedLineWithoutAVersionIsAWarning() {
        assertThat(report.id()).isEqualTo(FEED);
        assertThat(report.records()).isEqualTo(2956);
        assertThat(report.warningCount()).isEqualTo(1);
        assertThat(report.firstWarnings()).containsExactly("ubuntu/ubuntu-cve-tracker-2024.zip!2024/CVE-2024-21506.json:"
                + " noble_pymongo: released without a version");
        assertThat(report.snapshot()).as("newest PublicDate").isEqualTo(Instant.parse("2024-08-09T00:00:00Z"));
    }

    @Test
    void rowsPerStatusAndRelease() throws Exception {
        // the same numbers come from an independent reading of the JSON files (the fold rules of TrackerAdvisories)
        try (StoredAdvisories s = new StoredAdvisories(db)) {
            assertThat(s.countBy(FEED, "coalesce(status, 'fixed')")).isEqualTo(Map.of(
                    "fixed", 26974L, "affected", 39540L, "deferred", 210L, "end_of_life", 31129L,
                    "will_not_fix", 104166L));
            assertThat(s.countBy(FEED, "namespace")).containsOnlyKeys("ubuntu:14.04", "ubuntu:16.04", "ubuntu:18.04",
                    "ubuntu:20.04", "ubuntu:22.04", "ubuntu:23.04", "ubuntu:23.10", "ubuntu:24.04");
            assertThat(s.count("SELECT count(DISTINCT vuln_id) FROM advisories WHERE feed = ?", FEED)).isEqualTo(2763);
            assertThat(s.count("SELECT count(*) FROM vulnerabilities WHERE feed = ?", FEED)).isEqualTo(2956);
            // a status row never has a fix, a fixed row never a status
            assertThat(s.where(FEED, "status IS NULL")).isNotEmpty().allSatisfy(a -> assertThat(fixes(a)).isPositive());
            assertThat(s.where(FEED, "status IS NOT NULL")).isNotEmpty().allSatisfy(a -> assertThat(fixes(a)).isZero());
        }
    }

    private static long fixes(AffectedPackage a) {
        return a.ranges().stream().flatMap(r -> r.events().stream()).filter(e -> e.kind() == RangeEvent.Kind.FIXED)
                .count();
    }

    @Test
    void openSshRegreSSHionIsFixedInEachReleaseItShippedIn() throws Exception {
        try (StoredAdvisories s = new StoredAdvisories(db); StoredRows r = new StoredRows(db)) {
            assertThat(s.where(FEED, "vuln_id = 'CVE-2024-6387' AND package = 'openssh'")).containsExactlyInAnyOrder(
                    fixed("ubuntu:22.04", "openssh", "CVE-2024-6387", "1:8.9p1-3ubuntu0.10", Severity.HIGH),
                    fixed("ubuntu:23.10", "openssh", "CVE-2024-6387", "1:9.3p1-1ubuntu3.6", Severity.HIGH),
                    fixed("ubuntu:24.04", "openssh", "CVE-2024-6387", "1:9.6p1-3ubuntu13.3", Severity.HIGH));
            // focal, bionic and the ESM pockets say not-affected (introduced in 8.5p1); fips, devel, upstream skipped
            VulnerabilityRecord v = r.vulnerabilities(FEED).get("CVE-2024-6387");
            assertThat(v.severity()).isEqualTo(Severity.HIGH);
            assertThat(v.published()).isEqualTo(Instant.parse("2024-07-01T13:15:00Z"));
            assertThat(v.description()).startsWith("A security regression (CVE-2006-5051)");
            assertThat(v.cvss().getFirst().vector())
                    .isEqualTo("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H");
            assertThat(v.cvss().getFirst().baseScore()).isEqualTo(8.1);
            assertThat(v.urls().getFirst())
                    .isEqualTo("https://ubuntu.com/security/CVE-2024-6387");
            assertThat(v.urls()).contains("https://ubuntu.com/security/notices/USN-6859-1");
        }
    }

    @Test
    void ubuntuProPocketsFoldIntoTheirRelease() throws Exception {
        try (StoredAdvisories s = new StoredAdvisories(db)) {
            // bionic: "ignored (end of standard support)", esm-infra/bionic: released → the ESM fix
            // trusty: ignored, trusty/esm released, esm-infra-legacy/trusty not-affected → the trusty/esm fix
            assertThat(s.where(FEED, "vuln_id = 'CVE-2024-0229' AND package = 'xorg-server'"))
                    .extracting(AffectedPackage::namespace, a -> a.ranges().getFirst().events().getLast().version())
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("ubuntu:14.04", "2:1.15.1-0ubuntu2.11+esm9"),
                            org.assertj.core.groups.Tuple.tuple("ubuntu:16.04", "2:1.18.4-0ubuntu0.12+esm9"),
                            org.assertj.core.groups.Tuple.tuple("ubuntu:18.04", "2:1.19.6-1ubuntu4.15+esm4"),
                            org.assertj.core.groups.Tuple.tuple("ubuntu:20.04", "2:1.20.13-1ubuntu1~20.04.14"),
                            org.assertj.core.groups.Tuple.tuple("ubuntu:22.04", "2:21.1.4-2ubuntu1.7~22.04.7"),
                            org.assertj.core.groups.Tuple.tuple("ubuntu:23.04", "2:21.1.7-1ubuntu3.6"),
                            org.assertj.core.groups.Tuple.tuple("ubuntu:23.10", "2:21.1.7-3ubuntu2.6"),
                            org.assertj.core.groups.Tuple.tuple("ubuntu:24.04", "2:21.1.11-1ubuntu1"));
            // xorg-server-hwe-18.04: bionic ignored, esm-infra/bionic needs-triage → still affected
            assertThat(s.where(FEED, "vuln_id = 'CVE-2024-0229' AND package = 'xorg-server-hwe-18.04'"))
                    .containsExactly(status("ubuntu:18.04", "xorg-server-hwe-18.04", "CVE-2024-0229",
                            VulnerabilityStatus.AFFECTED, Severity.MEDIUM));
            // xorg on xenial: ignored (end of standard support), esm-infra/xenial not-affected → no row
            assertThat(s.where(FEED, "vuln_id = 'CVE-2024-0229' AND package = 'xorg'")).extracting(
                    AffectedPackage::namespace, AffectedPackage::status).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("ubuntu:14.04", VulnerabilityStatus.END_OF_LIFE));
        }
    }

    @Test
    void ignoredIsEndOfLifeOnlyWhenSupportEnded() throws Exception {
        try (StoredAdvisories s = new StoredAdvisories(db)) {
            // mantic: "ignored (end of life, was needs-triage)"; noble: needs-triage
            assertThat(s.where(FEED, "vuln_id = 'CVE-2024-0046' AND package = 'android-framework-23'"
                    + " AND namespace IN ('ubuntu:23.10', 'ubuntu:24.04')")).containsExactlyInAnyOrder(
                    status("ubuntu:23.10", "android-framework-23", "CVE-2024-0046", VulnerabilityStatus.END_OF_LIFE,
                            Severity.MEDIUM),
                    status("ubuntu:24.04", "android-framework-23", "CVE-2024-0046", VulnerabilityStatus.AFFECTED,
                            Severity.MEDIUM));
            // "ignored (superseded by linux-oem-6.1)" is a decision, not an end of support
            assertThat(s.count("SELECT count(*) FROM advisories WHERE feed = ? AND status = 'will_not_fix'"
                    + " AND package = 'linux-oem-6.0'", FEED)).isPositive();
            // focal nvidia-graphics-drivers-418-server: focal "ignored", esm-apps/focal "not-affected (Windows only)"
            assertThat(s.where(FEED, "vuln_id = 'CVE-2024-0071' AND package = 'nvidia-graphics-drivers-418-server'"
                    + " AND namespace = 'ubuntu:20.04'")).isEmpty();
            // deferred, with the date it was deferred as the note
            assertThat(s.where(FEED, "vuln_id = 'CVE-2024-2236' AND package = 'libgcrypt20' AND namespace = 'ubuntu:20.04'"))
                    .extracting(AffectedPackage::status).containsExactly(VulnerabilityStatus.DEFERRED);
        }
    }

    @Test
    void aPackagesOwnPriorityIsItsSeverity() throws Exception {
        try (StoredAdvisories s = new StoredAdvisories(db)) {
            // CVE-2024-0760 is medium, but isc-dhcp and bind9-libs carry "Priority_<pkg>: negligible"
            assertThat(s.where(FEED, "vuln_id = 'CVE-2024-0760' AND package = 'isc-dhcp'")).extracting(
                    AffectedPackage::namespace, AffectedPackage::severity).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("ubuntu:18.04", Severity.LOW),
                    org.assertj.core.groups.Tuple.tuple("ubuntu:24.04", Severity.LOW));
            assertThat(s.where(FEED, "vuln_id = 'CVE-2024-0760' AND package = 'bind9' AND namespace = 'ubuntu:20.04'"))
                    .containsExactly(fixed("ubuntu:20.04", "bind9", "CVE-2024-0760", "1:9.18.28-0ubuntu0.20.04.1",
                            Severity.MEDIUM));
        }
    }

    static AffectedPackage fixed(String ns, String pkg, String id, String version, Severity severity) {
        return new AffectedPackage(ns, pkg, id, FEED, List.of(AffectedRange.fixedIn(version)), List.of(), null,
                severity);
    }

    static AffectedPackage status(String ns, String pkg, String id, VulnerabilityStatus status, Severity severity) {
        return new AffectedPackage(ns, pkg, id, FEED, List.of(AffectedRange.allVersions()), List.of(), status,
                severity);
    }
}
