package io.kensa.db.feed.nvd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kensa.core.KensaException;
import io.kensa.core.vuln.CvssScore;
import io.kensa.core.vuln.Severity;
import io.kensa.db.build.FeedReport;
import io.kensa.db.feed.FeedRegistry;
import io.kensa.db.feed.StoredRows;
import io.kensa.db.model.VulnerabilityRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static io.kensa.db.feed.FeedTesting.advisories;
import static io.kensa.db.feed.FeedTesting.build;
import static io.kensa.db.feed.FeedTesting.gzip;
import static io.kensa.db.feed.FeedTesting.gzipBomb;
import static io.kensa.db.feed.FeedTesting.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The corpus' NVD CVE API 2.0 response (240 records) and files of that shape written from it. */
class NvdFeedTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBSET = "nvd/nvdcve-api-2.0-subset.json.gz";

    @TempDir
    Path dir;

    private static JsonNode corpusResponse() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(advisories().resolve(SUBSET)))) {
            return JSON.readTree(in);
        }
    }

    private static JsonNode corpusCve(String id) throws IOException {
        for (JsonNode v : corpusResponse().get("vulnerabilities")) {
            if (v.path("cve").path("id").asText().equals(id)) {
                return v;
            }
        }
        throw new AssertionError(id + " not in the corpus subset");
    }

    private static byte[] response(List<JsonNode> vulnerabilities, String timestamp) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("resultsPerPage", vulnerabilities.size()).put("startIndex", 0)
                .put("totalResults", vulnerabilities.size()).put("format", "NVD_CVE").put("version", "2.0")
                .put("timestamp", timestamp);
        root.putArray("vulnerabilities").addAll(vulnerabilities);
        return JSON.writeValueAsBytes(root);
    }

    @Test
    void theCorpusSubsetLoadsEveryRecordButTheRejectedOnes() throws Exception {
        Path db = dir.resolve("kensa.db");
        FeedReport feed = build(new NvdFeed(), advisories(), db);
        assertThat(feed.id()).isEqualTo("nvd");
        assertThat(feed.records()).isEqualTo(238); // 240 records, 2 Rejected
        assertThat(feed.warningCount()).as(String.join("\n", feed.firstWarnings())).isZero();
        assertThat(feed.snapshot()).isEqualTo(Instant.parse("2026-10-08T22:17:07.820Z"));
        try (StoredRows rows = new StoredRows(db)) {
            assertThat(rows.metadata("nvd_rejected")).isEqualTo("2");
            Map<String, VulnerabilityRecord> all = rows.vulnerabilities("nvd");
            assertThat(all).hasSize(238).doesNotContainKeys("CVE-2021-41720", "CVE-2022-23529");
            assertThat(all.values()).allSatisfy(r -> {
                assertThat(r.lang()).isEqualTo("en");
                assertThat(r.title()).isNull();
                assertThat(r.description()).isNotBlank().doesNotStartWith("Las ");
                assertThat(r.urls().getFirst()).isEqualTo("https://nvd.nist.gov/vuln/detail/" + r.id());
                assertThat(r.published()).isNotNull();
                assertThat(r.modified()).isNotNull();
            });
            // 27 records have "metrics": {} (2 of them the rejected ones): the others all get a severity
            assertThat(all.values().stream().filter(r -> r.severity() == null)).hasSize(25)
                    .allSatisfy(r -> assertThat(r.cvss()).isEmpty());
        }
    }

    @Test
    void everyCvssMetricIsScoredFromItsVectorAndEqualsThePublishedBaseScore() throws Exception {
        Path db = dir.resolve("kensa.db");
        build(new NvdFeed(), advisories(), db);
        int metrics = 0;
        int v3 = 0;
        try (StoredRows rows = new StoredRows(db)) {
            Map<String, VulnerabilityRecord> all = rows.vulnerabilities("nvd");
            for (JsonNode v : corpusResponse().get("vulnerabilities")) {
                JsonNode cve = v.get("cve");
                if (cve.get("vulnStatus").asText().equals("Rejected")) {
                    continue;
                }
                List<CvssScore> stored = all.get(cve.get("id").asText()).cvss();
                List<CvssScore> expected = new ArrayList<>();
                for (String array : List.of("cvssMetricV31", "cvssMetricV30", "cvssMetricV40", "cvssMetricV2")) {
                    for (JsonNode m : cve.path("metrics").path(array)) {
                        JsonNode data = m.get("cvssData");
                        String source = NvdRecords.sourceName(m.get("source").asText());
                        expected.add(new CvssScore(source, data.get("version").asText(),
                                data.get("vectorString").asText(), data.get("baseScore").asDouble(),
                                stored.stream().filter(s -> s.vector().equals(data.get("vectorString").asText()))
                                        .findFirst().map(CvssScore::severity).orElse(null)));
                        metrics++;
                        v3 += array.startsWith("cvssMetricV3") ? 1 : 0;
                    }
                }
                assertThat(stored).as(cve.get("id").asText()).containsExactlyInAnyOrderElementsOf(expected);
                // NVD's own scores come first
                int firstOther = indexOf(stored, s -> !s.source().equals("nvd"));
                assertThat(stored.subList(firstOther, stored.size())).noneMatch(s -> s.source().equals("nvd"));
            }
        }
        assertThat(v3).isEqualTo(313);
        assertThat(metrics).isEqualTo(417); // + 101 v2 and 3 v4.0
    }

    private static int indexOf(List<CvssScore> scores, java.util.function.Predicate<CvssScore> p) {
        for (int i = 0; i < scores.size(); i++) {
            if (p.test(scores.get(i))) {
                return i;
            }
        }
        return scores.size();
    }

    @Test
    void spotChecksOfRecords() throws Exception {
        Path db = dir.resolve("kensa.db");
        build(new NvdFeed(), advisories(), db);
        try (StoredRows rows = new StoredRows(db)) {
            VulnerabilityRecord log4j = rows.vulnerability("CVE-2021-44832", "nvd", "en").orElseThrow();
            assertThat(log4j.description()).startsWith("Apache Log4j2 versions 2.0-beta7 through 2.17.0");
            assertThat(log4j.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(log4j.cvss()).containsExactly(
                    new CvssScore("nvd", "3.1", "CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:U/C:H/I:H/A:H", 6.6, Severity.MEDIUM),
                    new CvssScore("nvd", "2.0", "AV:N/AC:M/Au:S/C:C/I:C/A:C", 8.5, Severity.HIGH),
                    new CvssScore("cisa-adp", "3.1", "CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:U/C:H/I:H/A:H", 6.6,
                            Severity.MEDIUM));
            assertThat(log4j.cwes()).containsExactly("CWE-20", "CWE-74"); // NVD's CWE-20, then Apache's CWE-74
            assertThat(log4j.published()).isEqualTo(Instant.parse("2021-12-28T20:15:08.400Z"));
            assertThat(log4j.modified()).isEqualTo(Instant.parse("2026-05-29T20:16:21.410Z"));

            // only a CNA score, marked Primary: Red Hat's
            VulnerabilityRecord gnutls = rows.vulnerability("CVE-2024-12243", "nvd", "en").orElseThrow();
            assertThat(gnutls.cvss()).singleElement().satisfies(s -> {
                assertThat(s.source()).isEqualTo("redhat.com");
                assertThat(s.baseScore()).isEqualTo(5.3);
            });
            assertThat(gnutls.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(gnutls.cwes()).containsExactly("CWE-407");

            // only a CVSS v4.0 score (Apache's)
            VulnerabilityRecord struts = rows.vulnerability("CVE-2024-53677", "nvd", "en").orElseThrow();
            assertThat(struts.cvss()).singleElement().satisfies(s -> {
                assertThat(s.source()).isEqualTo("apache.org");
                assertThat(s.version()).isEqualTo("4.0");
                assertThat(s.baseScore()).isEqualTo(9.5);
            });
            assertThat(struts.severity()).isEqualTo(Severity.CRITICAL);

            // NVD-CWE-noinfo is not a CWE
            assertThat(rows.vulnerability("CVE-2019-1010023", "nvd", "en").orElseThrow().cwes()).isEmpty();
        }
    }

    @Test
    void severalPagesCompressedOrNotAndACveInTwoKeepsItsNewestRecord() throws Exception {
        List<JsonNode> all = new ArrayList<>();
        corpusResponse().get("vulnerabilities").forEach(all::add);
        Path feeds = dir.resolve("feeds");
        write(feeds, "nvd/page-1.json", response(all.subList(0, 120), "2026-10-01T00:00:00.000"));
        write(feeds, "nvd/page-2.json.gz", gzip(response(all.subList(120, 240), "2026-10-08T22:17:07.820")));
        // an older copy of CVE-2021-44832 in a third page, and a newer one of CVE-2019-0230
        ObjectNode older = corpusCve("CVE-2021-44832").deepCopy();
        ((ObjectNode) older.get("cve")).put("lastModified", "2022-01-01T00:00:00.000");
        ((ObjectNode) older.get("cve").get("descriptions").get(0)).put("value", "an older text");
        ObjectNode newer = corpusCve("CVE-2019-0230").deepCopy();
        ((ObjectNode) newer.get("cve")).put("lastModified", "2027-01-01T00:00:00.000");
        ((ObjectNode) newer.get("cve").get("descriptions").get(0)).put("value", "a newer text");
        write(feeds, "nvd/page-3.json", response(List.of(older, newer), "2026-09-01T00:00:00.000"));

        Path db = dir.resolve("kensa.db");
        FeedReport feed = build(new NvdFeed(), feeds, db);
        assertThat(feed.records()).isEqualTo(238);
        assertThat(feed.warningCount()).isZero();
        assertThat(feed.snapshot()).isEqualTo(Instant.parse("2026-10-08T22:17:07.820Z"));
        try (StoredRows rows = new StoredRows(db)) {
            assertThat(rows.vulnerability("CVE-2021-44832", "nvd", "en").orElseThrow().description())
                    .startsWith("Apache Log4j2");
            assertThat(rows.vulnerability("CVE-2019-0230", "nvd", "en").orElseThrow().description())
                    .isEqualTo("a newer text");
            assertThat(rows.metadata("nvd_rejected")).isEqualTo("2");
        }
    }

    @Test
    void malformedRecordsAreSkippedWithACountedWarningNamingTheFile() throws Exception {
        ObjectNode badDate = corpusCve("CVE-2019-0230").deepCopy();
        ((ObjectNode) badDate.get("cve")).put("published", "yesterday");
        ObjectNode badVector = corpusCve("CVE-2021-44832").deepCopy();
        ((ObjectNode) badVector.at("/cve/metrics/cvssMetricV2/0/cvssData")).put("vectorString", "AV:X/AC:M");
        ObjectNode notCve = JSON.createObjectNode();
        notCve.putObject("cve").put("id", "GHSA-xxxx-yyyy-zzzz");
        ObjectNode noCve = JSON.createObjectNode().put("cwe", "CWE-79");
        ArrayNode notObject = JSON.createArrayNode().add(1);
        byte[] file = response(List.of(corpusCve("CVE-2019-0233"), notCve, noCve, badDate, notObject, badVector),
                "2026-10-08T22:17:07.820");
        Path feeds = dir.resolve("feeds");
        write(feeds, "nvd/page.json", file);
        Path db = dir.resolve("kensa.db");
        FeedReport feed = build(new NvdFeed(), feeds, db);
        assertThat(feed.records()).isEqualTo(3);
        assertThat(feed.warningCount()).isEqualTo(5);
        assertThat(feed.firstWarnings()).containsExactly(
                "nvd/page.json vulnerabilities[1]: not a CVE id: 'GHSA-xxxx-yyyy-zzzz'",
                "nvd/page.json vulnerabilities[2]: no 'cve' object",
                "nvd/page.json vulnerabilities[3] (CVE-2019-0230): published is not a date: 'yesterday'",
                "nvd/page.json vulnerabilities[4]: no 'cve' object",
                "nvd/page.json vulnerabilities[5] (CVE-2021-44832): cvssMetricV2 vector 'AV:X/AC:M' does not score;"
                        + " its published score is kept");
        try (StoredRows rows = new StoredRows(db)) {
            VulnerabilityRecord dated = rows.vulnerability("CVE-2019-0230", "nvd", "en").orElseThrow();
            assertThat(dated.published()).isNull();
            assertThat(dated.modified()).isNotNull();
            assertThat(rows.vulnerability("CVE-2021-44832", "nvd", "en").orElseThrow().cvss())
                    .contains(new CvssScore("nvd", "2.0", "AV:X/AC:M", 8.5, Severity.HIGH));
        }
    }

    @Test
    void aMalformedFileFailsTheBuildWithOneLine() throws Exception {
        Path feeds = dir.resolve("feeds");
        Path db = dir.resolve("kensa.db");
        write(feeds, "nvd/a.json", "{\"format\": \"NVD_CVE\", \"vulnerabilities\": [{\"cve\": {\"id\":".getBytes());
        assertThatThrownBy(() -> build(new NvdFeed(), feeds, db)).isInstanceOf(KensaException.class)
                .hasMessageStartingWith("feed nvd: nvd/a.json: not valid JSON (Unexpected end-of-input")
                .hasMessageNotContaining("\n");

        write(feeds, "nvd/a.json", "[{\"cve\": {}}]".getBytes());
        assertThatThrownBy(() -> build(new NvdFeed(), feeds, db)).isInstanceOf(KensaException.class)
                .hasMessage("feed nvd: nvd/a.json: not a JSON object (expected {\"vulnerabilities\": [...]})");

        // NVD's retired 1.1 feeds
        write(feeds, "nvd/a.json", "{\"CVE_data_type\": \"CVE\", \"CVE_Items\": []}".getBytes());
        assertThatThrownBy(() -> build(new NvdFeed(), feeds, db)).isInstanceOf(KensaException.class)
                .hasMessage("feed nvd: nvd/a.json: no 'vulnerabilities' array");

        write(feeds, "nvd/a.json", "{\"format\": \"NVD_CPE\", \"vulnerabilities\": []}".getBytes());
        assertThatThrownBy(() -> build(new NvdFeed(), feeds, db)).isInstanceOf(KensaException.class)
                .hasMessage("feed nvd: nvd/a.json: an NVD API response of format 'NVD_CPE', not NVD_CVE (the CVE API 2.0)");

        Files.delete(feeds.resolve("nvd/a.json"));
        write(feeds, "nvd/b.json.gz", "{\"vulnerabilities\": []}".getBytes());
        assertThatThrownBy(() -> build(new NvdFeed(), feeds, db)).isInstanceOf(KensaException.class)
                .hasMessageStartingWith("feed nvd: nvd/b.json.gz: not a gzip file");

        byte[] whole = gzip(response(List.of(corpusCve("CVE-2019-0233")), "2026-10-08T22:17:07.820"));
        write(feeds, "nvd/b.json.gz", java.util.Arrays.copyOf(whole, whole.length - 30));
        assertThatThrownBy(() -> build(new NvdFeed(), feeds, db)).isInstanceOf(KensaException.class)
                .hasMessageStartingWith("feed nvd: nvd/b.json.gz: unreadable (");
        assertThat(db).doesNotExist();
    }

    @Test
    void aGzipBombIsRefusedAtTheInflatedSizeCap() {
        Path feeds = dir.resolve("feeds");
        // 64 MiB of white space inside a well-formed response: valid JSON all the way to the cap
        write(feeds, "nvd/bomb.json.gz", gzipBomb("{\"vulnerabilities\": [", (byte) ' ', 64L << 20, "]}"));
        assertThatThrownBy(() -> build(new NvdFeed(1 << 20), feeds, dir.resolve("kensa.db")))
                .isInstanceOf(KensaException.class)
                .hasMessage("feed nvd: nvd/bomb.json.gz: larger than 1048576 bytes (uncompressed); refused");
    }

    @Test
    void theFeedIsRegisteredAndFindsItsFiles() throws IOException {
        assertThat(FeedRegistry.defaults().get("nvd")).isInstanceOf(NvdFeed.class);
        assertThat(new NvdFeed().presentIn(advisories())).isTrue();
        assertThat(new NvdFeed().presentIn(null)).isFalse();
        Path feeds = Files.createDirectories(dir.resolve("feeds/nvd"));
        assertThat(new NvdFeed().presentIn(dir.resolve("feeds"))).isFalse();
        Files.writeString(feeds.resolve("README.md"), "not a page");
        assertThat(new NvdFeed().presentIn(dir.resolve("feeds"))).isFalse();
        Files.writeString(feeds.resolve("Page.JSON"), "{}");
        assertThat(new NvdFeed().presentIn(dir.resolve("feeds"))).isTrue();
    }

    @Test
    void sourcesAreNamedByNvdOrTheCnasDomain() {
        assertThat(NvdRecords.sourceName("nvd@nist.gov")).isEqualTo("nvd");
        assertThat(NvdRecords.sourceName("security-advisories@github.com")).isEqualTo("github.com");
        assertThat(NvdRecords.sourceName("secalert@redhat.com")).isEqualTo("redhat.com");
        assertThat(NvdRecords.sourceName("134c704f-9b21-4f2e-91b3-4a467353bcc0")).isEqualTo("cisa-adp");
        assertThat(NvdRecords.sourceName("0b0ca135-7f7b-4a1e-9d4c-000000000000")).isEqualTo("0b0ca135-7f7b-4a1e-9d4c-000000000000");
        assertThat(NvdRecords.sourceName("")).isEqualTo("unknown");
    }
}
