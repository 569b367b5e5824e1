package io.kensa.db.feed.ubuntu;

import io.kensa.core.KensaException;
import io.kensa.core.vuln.Severity;
import io.kensa.core.vuln.VulnerabilityStatus;
import io.kensa.db.build.FeedReport;
import io.kensa.db.feed.FeedTesting;
import io.kensa.db.feed.StoredRows;
import io.kensa.db.model.AffectedPackage;
import io.kensa.db.model.VulnerabilityRecord;
import io.kensa.db.store.StoredAdvisories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.kensa.db.feed.FeedTesting.build;
import static io.kensa.db.feed.ubuntu.UbuntuCveTrackerFeedTest.fixed;
import static io.kensa.db.feed.ubuntu.UbuntuCveTrackerFeedTest.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The tracker's own text files ({@code active/CVE-*}, {@code retired/CVE-*} of a checkout), written for these tests
 * in the format of the tracker's README and boilerplate, with the statuses the corpus rendition holds for the same
 * CVEs; and malformed and oversized input.
 */
class UbuntuTrackerTextTest {
    private static final String FEED = "ubuntu-cve-tracker";

    @TempDir
    Path dir;

    private Path checkout() throws Exception {
        return FeedTesting.copyTree(FeedTesting.resource("feeds/ubuntu-native"), dir.resolve("feeds"));
    }

    @Test
    void activeAndRetiredFilesOfACheckoutAreRead() throws Exception {
        Path db = dir.resolve("k.db");
        FeedReport report = build(new UbuntuCveTrackerFeed(), checkout(), db);
        assertThat(report.records()).as("00boilerplate is no CVE file").isEqualTo(3);
        assertThat(report.warningCount()).isZero();
        assertThat(report.snapshot()).isEqualTo(Instant.parse("2024-07-23T15:15:00Z"));
        try (StoredAdvisories s = new StoredAdvisories(db); StoredRows r = new StoredRows(db)) {
            assertThat(s.where(FEED, "vuln_id = 'CVE-2024-6387'")).containsExactlyInAnyOrder(
                    fixed("ubuntu:22.04", "openssh", "CVE-2024-6387", "1:8.9p1-3ubuntu0.10", Severity.HIGH),
                    fixed("ubuntu:23.10", "openssh", "CVE-2024-6387", "1:9.3p1-1ubuntu3.6", Severity.HIGH),
                    fixed("ubuntu:24.04", "openssh", "CVE-2024-6387", "1:9.6p1-3ubuntu13.3", Severity.HIGH));
            assertThat(s.where(FEED, "vuln_id = 'CVE-2024-0229' AND package = 'xorg-server'"))
                    .extracting(AffectedPackage::namespace, a -> a.ranges().getFirst().events().getLast().version())
                    .contains(tuple("ubuntu:14.04", "2:1.15.1-0ubuntu2.11+esm9"),
                            tuple("ubuntu:18.04", "2:1.19.6-1ubuntu4.15+esm4"),
                            tuple("ubuntu:20.04", "2:1.20.13-1ubuntu1~20.04.14"))
                    .hasSize(8);
            assertThat(s.where(FEED, "vuln_id = 'CVE-2024-0229' AND package = 'xorg'"))
                    .containsExactly(status("ubuntu:14.04", "xorg", "CVE-2024-0229", VulnerabilityStatus.END_OF_LIFE,
                            Severity.MEDIUM));
            // Priority_isc-dhcp: negligible; focal and jammy not-affected; bionic (ESM) and noble needs-triage
            assertThat(s.where(FEED, "vuln_id = 'CVE-2024-0760' AND package <> 'bind9'")).containsExactlyInAnyOrder(
                    status("ubuntu:18.04", "isc-dhcp", "CVE-2024-0760", VulnerabilityStatus.AFFECTED, Severity.LOW),
                    status("ubuntu:24.04", "isc-dhcp", "CVE-2024-0760", VulnerabilityStatus.AFFECTED, Severity.LOW),
                    status("ubuntu:20.04", "bind9-libs", "CVE-2024-0760", VulnerabilityStatus.AFFECTED, Severity.LOW),
                    status("ubuntu:22.04", "bind9-libs", "CVE-2024-0760", VulnerabilityStatus.AFFECTED, Severity.LOW));
            VulnerabilityRecord v = r.vulnerabilities(FEED).get("CVE-2024-0760");
            assertThat(v.description()).isEqualTo("A malicious client can send many DNS messages over TCP,"
                    + " potentially causing the server to become unstable while the attack is in progress. The server"
                    + " may recover after the attack ceases. Use of ACLs will not mitigate the attack. This issue"
                    + " affects BIND 9 versions 9.18.1 through 9.18.27, 9.19.0 through 9.19.24, and 9.18.11-S1 through"
                    + " 9.18.27-S1.");
            assertThat(v.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(v.cvss().getFirst().baseScore()).isEqualTo(7.5);
            assertThat(v.urls()).containsExactly("https://ubuntu.com/security/CVE-2024-0760",
                    "https://www.cve.org/CVERecord?id=CVE-2024-0760", "https://ubuntu.com/security/notices/USN-6909-1");
        }
    }

    @Test
    void theTextFileAndTheJsonRenditionGiveTheSameRows() throws Exception {
        Path native_ = dir.resolve("k1.db");
        build(new UbuntuCveTrackerFeed(), checkout(), native_);
        Path rendition = dir.resolve("k2.db");
        build(new UbuntuCveTrackerFeed(), FeedTesting.advisories(), rendition);
        String xorgServer = "vuln_id = 'CVE-2024-0229' AND package = 'xorg-server'";
        String bind9 = "vuln_id = 'CVE-2024-0760' AND package = 'bind9'";
        try (StoredAdvisories a = new StoredAdvisories(native_); StoredAdvisories b = new StoredAdvisories(rendition)) {
            assertThat(a.where(FEED, xorgServer)).containsExactlyInAnyOrderElementsOf(b.where(FEED, xorgServer));
            assertThat(a.where(FEED, bind9)).containsExactlyInAnyOrderElementsOf(b.where(FEED, bind9)).hasSize(3);
        }
    }

    @Test
    void aCveInTheCheckoutAndInTheRenditionIsTakenFromTheCheckoutOnce() throws Exception {
        Path feeds = checkout();
        Files.copy(FeedTesting.advisories().resolve("ubuntu/ubuntu-cve-tracker-2024.zip"),
                feeds.resolve("ubuntu/ubuntu-cve-tracker-2024.zip"));
        // the checkout's file says something the rendition does not: its word is the one kept
        Path openssh = feeds.resolve("ubuntu/ubuntu-cve-tracker/retired/CVE-2024-6387");
        Files.writeString(openssh, Files.readString(openssh).replace("noble_openssh: released (1:9.6p1-3ubuntu13.3)",
                "noble_openssh: needed"));
        Path db = dir.resolve("k.db");
        FeedReport report = build(new UbuntuCveTrackerFeed(), feeds, db);
        assertThat(report.records()).isEqualTo(2956);
        try (StoredAdvisories s = new StoredAdvisories(db)) {
            assertThat(s.where(FEED, "vuln_id = 'CVE-2024-6387'")).containsExactlyInAnyOrder(
                    fixed("ubuntu:22.04", "openssh", "CVE-2024-6387", "1:8.9p1-3ubuntu0.10", Severity.HIGH),
                    fixed("ubuntu:23.10", "openssh", "CVE-2024-6387", "1:9.3p1-1ubuntu3.6", Severity.HIGH),
                    status("ubuntu:24.04", "openssh", "CVE-2024-6387", VulnerabilityStatus.AFFECTED, Severity.HIGH));
            assertThat(s.count("SELECT count(*) FROM vulnerabilities WHERE id = 'CVE-2024-6387'")).isEqualTo(1);
        }
    }

    @Test
    void malformedFilesAreSkippedWithAWarningNamingFileAndLine() throws Exception {
        Path active = Files.createDirectories(dir.resolve("feeds/ubuntu/ubuntu-cve-tracker/active"));
        String good = Files.readString(FeedTesting.resource("feeds/ubuntu-native/ubuntu/ubuntu-cve-tracker/retired")
                .resolve("CVE-2024-6387"));
        Files.writeString(active.resolve("CVE-2024-6387"), good);
        Files.writeString(active.resolve("CVE-2024-0001"), "Candidate: CVE-2024-0001\nthis line has no colon\n");
        Files.writeString(active.resolve("CVE-2024-0002"), " continued\nCandidate: CVE-2024-0002\n");
        Files.writeString(active.resolve("CVE-2024-0003"), "PublicDate: 2024-01-01\nPriority: low\n");
        Files.writeString(active.resolve("CVE-2024-0004"), "Candidate: CVE-2024-0004\njammy_foo: released (1.0\n");
        Files.write(active.resolve("CVE-2024-0005"), new byte[] {'C', 'a', 'n', (byte) 0xff, '\n'});
        Files.writeString(active.resolve("CVE-2024-0006"), "Candidate: NOT-A-CVE\n");
        // one bad line among good ones: the line is skipped, the file kept
        Files.writeString(active.resolve("CVE-2024-0007"), """
                Candidate: CVE-2024-0007
                Priority: low

                Patches_foo:
                jammy_foo: fixed-somehow (1.0-1)
                noble_foo: needed
                zebra_foo: needed
                questing_foo: needed
                """);
        Path db = dir.resolve("k.db");
        FeedReport report = build(new UbuntuCveTrackerFeed(), dir.resolve("feeds"), db);
        assertThat(report.records()).isEqualTo(2);
        String where = "ubuntu/ubuntu-cve-tracker/active/";
        assertThat(report.firstWarnings()).containsExactly(
                where + "CVE-2024-0001: line 2: not 'Field: value', skipped",
                where + "CVE-2024-0002: line 1: continuation line without a field, skipped",
                where + "CVE-2024-0003: no Candidate, skipped",
                where + "CVE-2024-0004: line 2: 'released (1.0' is not '<status> (<note>)', skipped",
                where + "CVE-2024-0005: not UTF-8 text, skipped",
                where + "CVE-2024-0006: candidate 'NOT-A-CVE' is not a CVE id, skipped",
                where + "CVE-2024-0007: jammy_foo: unknown status 'fixed-somehow'",
                where + "CVE-2024-0007: release 'zebra' is no known Ubuntu release, its lines skipped (reported once)");
        try (StoredAdvisories s = new StoredAdvisories(db)) {
            assertThat(s.where(FEED, "vuln_id = 'CVE-2024-0007'")).containsExactlyInAnyOrder(
                    status("ubuntu:24.04", "foo", "CVE-2024-0007", VulnerabilityStatus.AFFECTED, Severity.LOW),
                    status("ubuntu:25.10", "foo", "CVE-2024-0007", VulnerabilityStatus.AFFECTED, Severity.LOW));
        }
    }

    @Test
    void malformedJsonRecordsAreWarningsAndOversizedOnesAreSkipped() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("2024/CVE-2024-0001.json", "{\"candidate\": \"CVE-2024-0001\", ".getBytes(StandardCharsets.UTF_8));
        entries.put("2024/CVE-2024-0002.json", "[1, 2]".getBytes(StandardCharsets.UTF_8));
        entries.put("2024/CVE-2024-0003.json", "{\"candidate\": \"CVE-2024-0003\", \"packages\": []}"
                .getBytes(StandardCharsets.UTF_8));
        entries.put("2024/CVE-2024-0004.json", ("{\"candidate\": \"CVE-2024-0004\", \"packages\": {\"jammy\": "
                + "{\"foo\": {\"name\": \"foo\"}}}}").getBytes(StandardCharsets.UTF_8));
        byte[] big = new byte[UbuntuCveTrackerFeed.MAX_FILE_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        entries.put("2024/CVE-2024-0005.json", big);
        entries.put("2024/CVE-2024-0006.json", ("{\"candidate\": \"CVE-2024-0006\", \"priority\": \"high\","
                + " \"packages\": {\"noble\": {\"foo\": {\"name\": \"foo\", \"status\": \"released\","
                + " \"note\": \"1.0-1ubuntu0.1\"}}}}").getBytes(StandardCharsets.UTF_8));
        entries.put("2024/README.md", "not a record".getBytes(StandardCharsets.UTF_8));
        Path feeds = dir.resolve("feeds");
        FeedTesting.zip(feeds.resolve("ubuntu/ubuntu-cve-tracker-test.zip"), entries);
        Path db = dir.resolve("k.db");
        FeedReport report = build(new UbuntuCveTrackerFeed(), feeds, db);
        assertThat(report.records()).isEqualTo(1);
        String zip = "ubuntu/ubuntu-cve-tracker-test.zip!2024/";
        assertThat(report.firstWarnings()).hasSize(5);
        assertThat(report.firstWarnings().get(0)).startsWith(zip + "CVE-2024-0001.json: not JSON (");
        assertThat(report.firstWarnings().subList(1, 5)).containsExactly(
                zip + "CVE-2024-0002.json: not a JSON object, skipped",
                zip + "CVE-2024-0003.json: packages is not an object, skipped",
                zip + "CVE-2024-0004.json: packages.jammy.foo has no status, skipped",
                zip + "CVE-2024-0005.json: larger than " + UbuntuCveTrackerFeed.MAX_FILE_BYTES + " bytes, skipped");
        try (StoredAdvisories s = new StoredAdvisories(db)) {
            assertThat(s.where(FEED, "1 = 1")).containsExactly(
                    fixed("ubuntu:24.04", "foo", "CVE-2024-0006", "1.0-1ubuntu0.1", Severity.HIGH));
        }
    }

    @Test
    void anArchiveThatIsNoZipOrIsDamagedFailsTheBuildWithOneLine() throws Exception {
        Path feeds = Files.createDirectories(dir.resolve("feeds/ubuntu"));
        Files.writeString(feeds.resolve("ubuntu-cve-tracker-2024.zip"), "<html>404 Not Found</html>");
        assertThatThrownBy(() -> build(new UbuntuCveTrackerFeed(), dir.resolve("feeds"), dir.resolve("k.db")))
                .isInstanceOf(KensaException.class)
                .hasMessageStartingWith("feed ubuntu-cve-tracker: ubuntu/ubuntu-cve-tracker-2024.zip: not a zip archive")
                .hasMessageNotContaining("\n");
        assertThat(dir.resolve("k.db")).doesNotExist();

        // the real archive cut in half: its central directory is gone
        byte[] real = Files.readAllBytes(FeedTesting.advisories().resolve("ubuntu/ubuntu-cve-tracker-2024.zip"));
        Files.write(feeds.resolve("ubuntu-cve-tracker-2024.zip"), Arrays.copyOf(real, real.length / 2));
        assertThatThrownBy(() -> build(new UbuntuCveTrackerFeed(), dir.resolve("feeds"), dir.resolve("k.db")))
                .isInstanceOf(KensaException.class)
                .hasMessageStartingWith("feed ubuntu-cve-tracker: ubuntu/ubuntu-cve-tracker-2024.zip: not a zip archive");

        // a zip without a single tracker record
        FeedTesting.zip(feeds.resolve("ubuntu-cve-tracker-2024.zip"), Map.of("README", new byte[] {'x'}));
        assertThatThrownBy(() -> build(new UbuntuCveTrackerFeed(), dir.resolve("feeds"), dir.resolve("k.db")))
                .isInstanceOf(KensaException.class).hasMessage("feed ubuntu-cve-tracker: ubuntu/ubuntu-cve-tracker-2024.zip:"
                        + " no tracker records (expected CVE-*.json entries)");
    }

    @Test
    void releaseColumns() {
        assertThat(UbuntuReleases.column("jammy")).isEqualTo(new UbuntuReleases.Release("ubuntu:22.04", 0));
        assertThat(UbuntuReleases.column("trusty/esm")).isEqualTo(new UbuntuReleases.Release("ubuntu:14.04", 1));
        assertThat(UbuntuReleases.column("esm-infra/xenial")).isEqualTo(new UbuntuReleases.Release("ubuntu:16.04", 2));
        assertThat(UbuntuReleases.column("esm-infra-legacy/trusty"))
                .isEqualTo(new UbuntuReleases.Release("ubuntu:14.04", 3));
        assertThat(UbuntuReleases.column("esm-apps/noble")).isEqualTo(new UbuntuReleases.Release("ubuntu:24.04", 4));
        assertThat(UbuntuReleases.column("oracular")).isEqualTo(new UbuntuReleases.Release("ubuntu:24.10", 0));
        for (String skipped : List.of("upstream", "devel", "snap", "fips/focal", "fips-updates/jammy",
                "ros-esm/xenial", "vivid/ubuntu-core", "esm-apps/atlantis")) {
            assertThat(UbuntuReleases.column(skipped)).as(skipped).isInstanceOf(UbuntuReleases.Skipped.class);
        }
        assertThat(UbuntuReleases.column("zebra")).isInstanceOf(UbuntuReleases.Unknown.class);
    }
}
