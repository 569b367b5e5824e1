package io.kensa.db.feed;

import io.kensa.core.vuln.CvssScore;
import io.kensa.core.vuln.Severity;
import io.kensa.core.vuln.VulnerabilityStatus;
import io.kensa.db.build.BuildResult;
import io.kensa.db.build.DatabaseBuilder;
import io.kensa.db.build.FeedReport;
import io.kensa.db.model.AffectedPackage;
import io.kensa.db.model.AffectedRange;
import io.kensa.db.model.RangeEvent;
import io.kensa.db.model.VulnerabilityRecord;
import io.kensa.db.store.KensaDatabase;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One build of every feed of the corpus' advisories folder (the default registry), its time and size printed, and
 * what the matchers will look up checked against records known from the feeds' own files.
 */
class AllFeedsBuildTest {
    @TempDir
    static Path dir;
    static BuildResult built;
    static KensaDatabase db;

    static Path advisories() {
        return Corpus.root().resolve("advisories");
    }

    @BeforeAll
    static void buildEverything() throws IOException {
        Map<String, Long> loadedAt = new java.util.LinkedHashMap<>();
        long start = System.nanoTime();
        built = new DatabaseBuilder(FeedRegistry.defaults(), java.time.Clock.systemUTC(),
                f -> loadedAt.put(f.id(), System.nanoTime())).build(advisories(), dir.resolve("kensa.db"));
        System.out.printf("built all %d feeds of %s in %.1f s: %,d bytes%n", built.feeds().size(), advisories(),
                built.elapsed().toMillis() / 1000.0, built.bytes());
        long previous = start;
        for (FeedReport f : built.feeds()) {
            long at = loadedAt.get(f.id());
            System.out.printf("  %-16s %,9d records in %5.2f s, data of %s, %d warnings%n", f.id(), f.records(),
                    (at - previous) / 1e9, f.snapshot(), f.warningCount());
            previous = at;
        }
        System.out.printf("  indexes, commit, sync and rename: %.2f s%n", (start + built.elapsed().toNanos() - previous) / 1e9);
        db = KensaDatabase.open(built.output());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static FeedReport feed(String id) {
        return built.feeds().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<AffectedPackage> rows(String namespace, String pkg, String id) {
        return db.advisories(namespace, pkg).stream().filter(a -> a.vulnerabilityId().equals(id)).toList();
    }

    private static List<String> query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + built.output());
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (r.next()) {
                out.add(r.getString(1));
            }
            return out;
        }
    }

    @Test
    void everyFeedOfTheCorpusLoadsWithoutAWarning() throws IOException {
        assertThat(built.feeds()).extracting(FeedReport::id).containsExactly("maven-sha1-index", "osv-maven", "osv-npm",
                "osv-pypi", "osv-go", "osv-crates-io", "osv-rubygems", "osv-packagist", "osv-nuget", "osv-debian",
                "osv-redhat", "osv-suse", "alpine-secdb", "nvd", "kev", "epss", "cwe", "jvn");
        assertThat(built.feeds()).allSatisfy(f -> assertThat(f.warningCount()).as(f.id()).isZero());
        // records loaded: the README's counts, withdrawn ones (17 Go, 10 PyPI, 13 crates.io) left out
        Map<String, Long> records = built.feeds().stream().collect(Collectors.toMap(FeedReport::id, FeedReport::records,
                (a, b) -> a, TreeMap::new));
        assertThat(records).containsEntry("osv-maven", 5_305L).containsEntry("osv-npm", 3_792L)
                .containsEntry("osv-nuget", 685L).containsEntry("osv-rubygems", 892L).containsEntry("osv-packagist", 4_348L)
                .containsEntry("osv-pypi", 6_126L - 10).containsEntry("osv-crates-io", 2_101L - 13)
                .containsEntry("osv-go", 4_291L - 17).containsEntry("osv-debian", 34_692L)
                .containsEntry("osv-redhat", 2_685L).containsEntry("osv-suse", 264L)
                // 85,277 secfixes ids in the 41 files, less 553 under "0" (never affected) and 15 listed twice
                .containsEntry("alpine-secdb", 85_277L - 553 - 15);
        // the snapshot: the newest "modified"; the Go files carry only placeholders, so the zip's entry time
        assertThat(feed("osv-maven").snapshot()).isEqualTo(Instant.parse("2025-02-14T00:32:57Z"));
        assertThat(feed("osv-debian").snapshot()).isEqualTo(Instant.parse("2025-02-12T16:46:00.463980Z"));
        assertThat(feed("osv-crates-io").snapshot()).isEqualTo(Instant.parse("2026-08-21T06:28:40Z"));
        assertThat(feed("osv-go").snapshot()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        Instant newestSecdb;
        try (Stream<Path> files = Files.walk(advisories().resolve("alpine/secdb"))) {
            newestSecdb = files.filter(Files::isRegularFile).map(AllFeedsBuildTest::mtime).max(Instant::compareTo)
                    .orElseThrow();
        }
        assertThat(feed("alpine-secdb").snapshot()).isEqualTo(newestSecdb);
    }

    private static Instant mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void whatEachFeedSkippedIsCountedInTheMetadata() throws SQLException {
        assertThat(query("SELECT value FROM metadata WHERE key = 'osv-debian.skipped'")).containsExactly(
                "34,692 records loaded, 0 withdrawn; 101,242 advisories; entries skipped: 29,653 of other ecosystems,"
                        + " 10,883 without a package, 0 of unmapped streams, 0 without an ECOSYSTEM or SEMVER range or"
                        + " versions, 0 duplicates, 0 malformed");
        assertThat(query("SELECT value FROM metadata WHERE key = 'osv-go.skipped'")).singleElement().asString()
                .startsWith("4,274 records loaded, 17 withdrawn; 6,086 advisories;");
        assertThat(query("SELECT value FROM metadata WHERE key = 'osv-redhat.skipped'")).singleElement().asString()
                .contains("70,537 of unmapped streams").contains("19,420 duplicates");
        assertThat(query("SELECT value FROM metadata WHERE key = 'alpine-secdb.skipped'")).containsExactly(
                "41 files, 84,709 advisories; 553 fixed versions of 0 (never affected on the branch)");
        // each feed wrote only its own namespaces
        assertThat(query("SELECT DISTINCT namespace FROM advisories WHERE feed = 'osv-debian' ORDER BY 1"))
                .containsExactly("debian:10", "debian:11", "debian:12", "debian:13");
        assertThat(query("SELECT DISTINCT namespace FROM advisories WHERE feed = 'osv-redhat' ORDER BY 1"))
                .containsExactly("redhat:6", "redhat:7", "redhat:8", "redhat:9");
        assertThat(query("SELECT DISTINCT namespace FROM advisories WHERE feed = 'osv-suse' ORDER BY 1"))
                .containsExactly("opensuse-leap:15.5", "opensuse-leap:15.6", "sles:11.4", "sles:12", "sles:12.5",
                        "sles:15.3", "sles:15.4", "sles:15.5", "sles:15.6");
        assertThat(query("SELECT DISTINCT feed FROM advisories WHERE namespace LIKE 'alpine:%'"))
                .containsExactly("alpine-secdb");
        assertThat(query("SELECT count(DISTINCT namespace) FROM advisories WHERE feed = 'alpine-secdb'"))
                .containsExactly("21");
    }

    @Test
    void log4ShellInMaven() {
        String id = "GHSA-jfh8-c2jp-5v3q";
        assertThat(rows("maven", "org.apache.logging.log4j:log4j-core", id)).extracting(AffectedPackage::ranges)
                .containsExactly(
                        List.of(new AffectedRange("ECOSYSTEM", List.of(RangeEvent.introduced("2.13.0"), RangeEvent.fixed("2.15.0")))),
                        List.of(new AffectedRange("ECOSYSTEM", List.of(RangeEvent.introduced("2.0-beta9"), RangeEvent.fixed("2.3.1")))),
                        List.of(new AffectedRange("ECOSYSTEM", List.of(RangeEvent.introduced("2.4"), RangeEvent.fixed("2.12.2")))));
        assertThat(rows("maven", "com.guicedee.services:log4j-core", id)).singleElement()
                .satisfies(a -> assertThat(a.ranges().getFirst().events())
                        .containsExactly(RangeEvent.introduced("0"), RangeEvent.lastAffected("1.2.1.2-jre17")));
        assertThat(rows("maven", "org.xbib.elasticsearch:log4j", id)).singleElement()
                .satisfies(a -> {
                    assertThat(a.ranges()).isEmpty();
                    assertThat(a.versions()).containsExactly("6.3.2.1");
                    assertThat(a.feed()).isEqualTo("osv-maven");
                    assertThat(a.severity()).isNull();
                });
        VulnerabilityRecord v = db.vulnerabilities(List.of(id)).get(id).getFirst();
        assertThat(v.feed()).isEqualTo("osv-maven");
        assertThat(v.title()).isEqualTo("Remote code injection in Log4j");
        assertThat(v.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(v.cvss()).containsExactly(new CvssScore("ghsa", "3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H",
                10.0, Severity.CRITICAL));
        assertThat(v.cwes()).containsExactly("CWE-20", "CWE-400", "CWE-502", "CWE-917");
        assertThat(v.published()).isEqualTo(Instant.parse("2021-12-10T00:40:56Z"));
        assertThat(v.urls().getFirst()).isEqualTo("https://nvd.nist.gov/vuln/detail/CVE-2021-44228");
        assertThat(db.aliases(id)).containsExactly("CVE-2021-44228");
        // stored both ways; the Debian record of the CVE names the GHSA too
        assertThat(db.aliases("CVE-2021-44228")).contains(id);
    }

    @Test
    void debianRecordsCarryTheTrackersUrgencyAndStatus() {
        AffectedPackage curl = rows("debian:12", "curl", "CVE-2023-38545").getFirst();
        assertThat(curl.ranges()).containsExactly(AffectedRange.fixedIn("7.88.1-10+deb12u4"));
        assertThat(curl.severity()).as("not yet assigned").isNull();
        assertThat(curl.status()).isNull();
        assertThat(curl.versions()).hasSize(6);
        assertThat(rows("debian:12", "openssh", "CVE-2002-0639")).singleElement()
                .satisfies(a -> assertThat(a.severity()).isEqualTo(Severity.HIGH));
        assertThat(rows("debian:12", "nginx", "CVE-2023-44487")).singleElement().satisfies(a -> {
            assertThat(a.severity()).as("unimportant").isEqualTo(Severity.LOW);
            assertThat(a.ranges()).containsExactly(AffectedRange.allVersions());
        });
        assertThat(rows("debian:11", "consul", "CVE-2021-37219")).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(VulnerabilityStatus.END_OF_LIFE);
            assertThat(a.severity()).isNull();
        });
        VulnerabilityRecord cve = db.vulnerabilities(List.of("CVE-2023-38545")).get("CVE-2023-38545").getFirst();
        assertThat(cve.feed()).isEqualTo("osv-debian");
        assertThat(cve.cvss()).extracting(CvssScore::source, CvssScore::baseScore)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("debian", 9.8));
        assertThat(db.aliases("CVE-2023-38545")).contains("CURL-CVE-2023-38545");
        // a DSA relates to the CVEs it fixes: never an alias of them
        assertThat(rows("debian:11", "flac", "DSA-5500-1")).singleElement()
                .satisfies(a -> assertThat(a.ranges()).containsExactly(AffectedRange.fixedIn("1.3.3-2+deb11u2")));
        assertThat(db.aliases("DSA-5500-1")).isEmpty();
        assertThat(db.aliases("CVE-2020-22219")).doesNotContain("DSA-5500-1");
        // the Debian zip's Alpine entries are not Alpine's source: apache2 on 3.14 is secdb's alone
        assertThat(db.advisories("alpine:3.14", "apache2")).isNotEmpty()
                .allSatisfy(a -> assertThat(a.feed()).isEqualTo("alpine-secdb"));
    }

    @Test
    void alpineFixedVersionsOfOpensslOn311() {
        Map<String, String> fixed = new TreeMap<>();
        for (AffectedPackage a : db.advisories("alpine:3.11", "openssl")) {
            assertThat(a.feed()).isEqualTo("alpine-secdb");
            assertThat(a.ranges()).singleElement().satisfies(r -> assertThat(r.events().getFirst())
                    .isEqualTo(RangeEvent.introduced("0")));
            fixed.put(a.vulnerabilityId(), a.ranges().getFirst().events().get(1).version());
        }
        assertThat(fixed).containsExactlyEntriesOf(new TreeMap<>(Map.ofEntries(
                Map.entry("CVE-2018-0734", "1.1.1a-r0"), Map.entry("CVE-2018-0735", "1.1.1a-r0"),
                Map.entry("CVE-2019-1543", "1.1.1b-r1"), Map.entry("CVE-2019-1547", "1.1.1d-r1"),
                Map.entry("CVE-2019-1549", "1.1.1d-r1"), Map.entry("CVE-2019-1563", "1.1.1d-r1"),
                Map.entry("CVE-2019-1551", "1.1.1d-r3"), Map.entry("CVE-2020-1967", "1.1.1g-r0"),
                Map.entry("CVE-2020-1971", "1.1.1i-r0"), Map.entry("CVE-2021-23841", "1.1.1j-r0"),
                Map.entry("CVE-2021-23840", "1.1.1j-r0"), Map.entry("CVE-2021-23839", "1.1.1j-r0"),
                Map.entry("CVE-2021-3449", "1.1.1k-r0"), Map.entry("CVE-2021-3450", "1.1.1k-r0"),
                Map.entry("CVE-2021-3711", "1.1.1l-r0"), Map.entry("CVE-2021-3712", "1.1.1l-r0"))));
        // busybox: "0" (never affected on 3.11) for CVE-2021-42373, a real fix for CVE-2021-42374
        assertThat(rows("alpine:3.11", "busybox", "CVE-2021-42373")).isEmpty();
        assertThat(rows("alpine:3.11", "busybox", "CVE-2021-42374")).singleElement()
                .satisfies(a -> assertThat(a.ranges()).containsExactly(AffectedRange.fixedIn("1.31.1-r11")));
        assertThat(db.advisories("alpine:edge", "openssl")).isNotEmpty();
    }

    @Test
    void withdrawnRecordsAreAbsentAndGitRangesDropped() throws SQLException {
        assertThat(db.vulnerabilities(List.of("GO-2022-0617"))).isEmpty();
        assertThat(query("SELECT count(*) FROM advisories WHERE vuln_id = 'GO-2022-0617'")).containsExactly("0");
        assertThat(db.advisories("golang", "stdlib").stream().map(AffectedPackage::vulnerabilityId).distinct())
                .hasSize(167);
        // PYSEC-2021-60: a GIT range (dropped), an ECOSYSTEM range and 22 versions (kept)
        assertThat(rows("pypi", "tenable-jira-cloud", "PYSEC-2021-60")).singleElement().satisfies(a -> {
            assertThat(a.ranges()).extracting(AffectedRange::type).containsExactly("ECOSYSTEM");
            assertThat(a.versions()).hasSize(22);
        });
        assertThat(query("SELECT count(*) FROM advisories WHERE affected LIKE '%\"GIT\"%'")).containsExactly("0");
        // PyPI names are looked up as PEP 503 normalises them
        assertThat(db.advisories("pypi", "PyYAML")).isNotEmpty().isEqualTo(db.advisories("pypi", "pyyaml"))
                .allSatisfy(a -> assertThat(a.packageName()).isEqualTo("pyyaml"));
    }

    @Test
    void scoresNameWhoScoredThem() {
        Map<String, List<VulnerabilityRecord>> v = db.vulnerabilities(List.of("RUSTSEC-2016-0001", "RHSA-2024:0001",
                "no-such-id"));
        assertThat(v).containsOnlyKeys("RUSTSEC-2016-0001", "RHSA-2024:0001");
        assertThat(v.get("RUSTSEC-2016-0001").getFirst().cvss()).singleElement().satisfies(c -> {
            assertThat(c.source()).isEqualTo("rustsec");
            assertThat(c.version()).isEqualTo("3.0");
        });
        assertThat(db.aliases("RUSTSEC-2016-0001")).containsExactly("CVE-2016-10931", "GHSA-34p9-f4q3-c4r7");
        assertThat(v.get("RHSA-2024:0001").getFirst().cvss()).extracting(CvssScore::source).containsExactly("redhat");
        // Red Hat: one row for thunderbird on RHEL 9 (appstream), related CVEs never aliases
        assertThat(rows("redhat:9", "thunderbird", "RHSA-2024:0001")).singleElement()
                .satisfies(a -> assertThat(a.ranges()).containsExactly(AffectedRange.fixedIn("0:115.6.0-1.el9_3")));
        assertThat(db.aliases("RHSA-2024:0001")).isEmpty();
    }
}
