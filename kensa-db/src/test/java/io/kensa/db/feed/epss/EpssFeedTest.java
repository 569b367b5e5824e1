package io.kensa.db.feed.epss;

import io.kensa.core.KensaException;
import io.kensa.core.vuln.EpssScore;
import io.kensa.db.build.FeedReport;
import io.kensa.db.feed.FeedRegistry;
import io.kensa.db.feed.StoredRows;
import io.kensa.db.store.KensaDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.kensa.db.feed.FeedTesting.advisories;
import static io.kensa.db.feed.FeedTesting.build;
import static io.kensa.db.feed.FeedTesting.gzip;
import static io.kensa.db.feed.FeedTesting.gzipBomb;
import static io.kensa.db.feed.FeedTesting.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * EPSS: the corpus' JSON rendition of 2021-08-31 (72,272 CVEs, no percentiles), and FIRST's daily CSV as FIRST
 * documents it ({@code epss_scores-YYYY-MM-DD.csv.gz}: a {@code #model_version:…,score_date:…} line, the header
 * {@code cve,epss,percentile}, one row per CVE).
 */
class EpssFeedTest {
    private static final String RENDITION = "epss/vuls-data-raw-epss-2021-08-31.json.gz";

    /** A FIRST daily file of the EPSS v3 model (its first day), a few rows. */
    private static final String NATIVE = """
            #model_version:v2023.03.01,score_date:2023-03-07T00:00:00+0000
            cve,epss,percentile
            CVE-1999-0001,0.01025,0.82497
            CVE-2017-3248,0.97359,0.99836
            CVE-2021-44228,0.97565,0.99995
            CVE-2022-22965,0.97491,0.99962
            """;

    @TempDir
    Path dir;

    @Test
    void theCorpusRenditionLoadsWithoutPercentiles() throws Exception {
        Path db = dir.resolve("kensa.db");
        FeedReport feed = build(new EpssFeed(), advisories(), db);
        assertThat(feed.id()).isEqualTo("epss");
        assertThat(feed.records()).isEqualTo(72_272);
        assertThat(feed.warningCount()).isZero();
        assertThat(feed.snapshot()).isEqualTo(Instant.parse("2021-08-31T00:00:00Z"));
        try (StoredRows rows = new StoredRows(db)) {
            assertThat(rows.count("epss")).isEqualTo(72_272);
            assertThat(rows.metadata("epss_score_date")).isEqualTo("2021-08-31T00:00:00Z");
            assertThat(rows.metadata("epss_model_version")).isNull();
            assertThat(rows.metadata("epss_file")).isEqualTo(RENDITION);
            assertThat(rows.rows("SELECT count(*) FROM epss WHERE percentile IS NOT NULL")).containsExactly("0");
        }
        try (KensaDatabase open = KensaDatabase.open(db)) {
            assertThat(open.enrichment().epss(List.of("CVE-2017-3248", "CVE-2019-19609", "CVE-2099-0001")))
                    .containsOnly(Map.entry("CVE-2017-3248", new EpssScore("CVE-2017-3248", 0.34199, null)),
                            Map.entry("CVE-2019-19609", new EpssScore("CVE-2019-19609", 0.05885, null)));
        }
    }

    @Test
    void firstsDailyCsvLoadsWithPercentilesAndTheModelVersion() throws Exception {
        Path feeds = dir.resolve("feeds");
        write(feeds, "epss/epss_scores-2023-03-07.csv.gz", gzip(NATIVE.getBytes(StandardCharsets.UTF_8)));
        Path db = dir.resolve("kensa.db");
        FeedReport feed = build(new EpssFeed(), feeds, db);
        assertThat(feed.records()).isEqualTo(4);
        assertThat(feed.warningCount()).isZero();
        assertThat(feed.snapshot()).isEqualTo(Instant.parse("2023-03-07T00:00:00Z"));
        try (StoredRows rows = new StoredRows(db)) {
            assertThat(rows.metadata("epss_score_date")).isEqualTo("2023-03-07T00:00:00Z");
            assertThat(rows.metadata("epss_model_version")).isEqualTo("v2023.03.01");
        }
        try (KensaDatabase open = KensaDatabase.open(db)) {
            assertThat(open.enrichment().epss(List.of("CVE-2021-44228")))
                    .containsExactly(Map.entry("CVE-2021-44228", new EpssScore("CVE-2021-44228", 0.97565, 0.99995)));
        }
    }

    @Test
    void whenBothFormsArePresentTheNewestScoreDateWins() throws Exception {
        Path feeds = dir.resolve("feeds");
        write(feeds, RENDITION, Files.readAllBytes(advisories().resolve(RENDITION)));
        // uncompressed, and newer than the rendition: it wins
        write(feeds, "epss/epss_scores-2023-03-07.csv", NATIVE.getBytes(StandardCharsets.UTF_8));
        Path db = dir.resolve("kensa.db");
        FeedReport feed = build(new EpssFeed(), feeds, db);
        assertThat(feed.records()).isEqualTo(4);
        assertThat(feed.snapshot()).isEqualTo(Instant.parse("2023-03-07T00:00:00Z"));
        try (StoredRows rows = new StoredRows(db)) {
            assertThat(rows.count("epss")).isEqualTo(4);
            assertThat(rows.metadata("epss_file")).isEqualTo("epss/epss_scores-2023-03-07.csv");
        }

        // an older CSV of the EPSS v1 days, before the model line existed (its day is in its name): the
        // rendition of 2021-08-31 is newer
        Files.delete(feeds.resolve("epss/epss_scores-2023-03-07.csv"));
        write(feeds, "epss/epss_scores-2021-04-14.csv.gz", gzip("""
                cve,epss,percentile
                CVE-2017-3248,0.36543,0.98211
                """.getBytes(StandardCharsets.UTF_8)));
        feed = build(new EpssFeed(), feeds, dir.resolve("second.db"));
        assertThat(feed.records()).isEqualTo(72_272);
        assertThat(feed.snapshot()).isEqualTo(Instant.parse("2021-08-31T00:00:00Z"));

        // and the same day in both forms: FIRST's own file, which has percentiles
        write(feeds, "epss/epss_scores-2021-08-31.csv", """
                #model_version:v2021.04.14,score_date:2021-08-31T00:00:00+0000
                cve,epss,percentile
                CVE-2017-3248,0.34199,0.99
                """.getBytes(StandardCharsets.UTF_8));
        feed = build(new EpssFeed(), feeds, dir.resolve("third.db"));
        assertThat(feed.records()).isEqualTo(1);
        try (StoredRows rows = new StoredRows(dir.resolve("third.db"))) {
            assertThat(rows.metadata("epss_model_version")).isEqualTo("v2021.04.14");
        }
    }

    @Test
    void malformedRowsAreSkippedWithACountedWarning() throws Exception {
        Path feeds = dir.resolve("feeds");
        write(feeds, "epss/epss_scores-2023-03-07.csv", (NATIVE + """
                CVE-21-44228,0.5,0.5
                CVE-2021-45046,1.5,0.99
                CVE-2021-45105,abc,0.99
                CVE-2021-44832,0.5,-0.1
                CVE-2021-4104,0.00123
                """).getBytes(StandardCharsets.UTF_8));
        FeedReport feed = build(new EpssFeed(), feeds, dir.resolve("kensa.db"));
        assertThat(feed.records()).isEqualTo(5);
        assertThat(feed.firstWarnings()).containsExactly(
                "epss/epss_scores-2023-03-07.csv line 7: not a CVE id: 'CVE-21-44228'",
                "epss/epss_scores-2023-03-07.csv line 8 (CVE-2021-45046): epss is not a probability: '1.5'",
                "epss/epss_scores-2023-03-07.csv line 9 (CVE-2021-45105): epss is not a probability: 'abc'",
                "epss/epss_scores-2023-03-07.csv line 10 (CVE-2021-44832): percentile is not in [0, 1]: '-0.1'");
        try (KensaDatabase open = KensaDatabase.open(dir.resolve("kensa.db"))) {
            // a row without its percentile keeps its score
            assertThat(open.enrichment().epss(List.of("CVE-2021-4104")))
                    .containsExactly(Map.entry("CVE-2021-4104", new EpssScore("CVE-2021-4104", 0.00123, null)));
        }

        Path json = dir.resolve("json");
        write(json, "epss/vuls-data-raw-epss-2021-08-31.json", """
                {"score_date": "2021-08-31T00:00:00+0000", "data": [
                  {"id": "CVE-2019-19609", "epss": 0.05885}, {"id": "CVE-2019-18818"}, 7, {"id": "x", "epss": 0.1}]}
                """.getBytes(StandardCharsets.UTF_8));
        feed = build(new EpssFeed(), json, dir.resolve("json.db"));
        assertThat(feed.records()).isEqualTo(1);
        assertThat(feed.firstWarnings()).containsExactly(
                "epss/vuls-data-raw-epss-2021-08-31.json data[1] (CVE-2019-18818): epss is not a probability: ''",
                "epss/vuls-data-raw-epss-2021-08-31.json data[2]: not an object",
                "epss/vuls-data-raw-epss-2021-08-31.json data[3]: not a CVE id: 'x'");
    }

    @Test
    void aMalformedFileFailsTheBuildWithOneLine() {
        Path feeds = dir.resolve("feeds");
        Path db = dir.resolve("kensa.db");
        write(feeds, "epss/epss_scores-2023-03-07.csv", "#model_version:v2023.03.01,score_date:2023-03-07T00:00:00+0000\ncveID,dateAdded\n".getBytes());
        assertThatThrownBy(() -> build(new EpssFeed(), feeds, db)).isInstanceOf(KensaException.class)
                .hasMessage("feed epss: epss/epss_scores-2023-03-07.csv: not an EPSS scores file (no cve and epss"
                        + " columns in cveID,dateAdded)");

        write(feeds, "epss/epss_scores-2023-03-07.csv", "#model_version:v2023.03.01,score_date:March\ncve,epss\n".getBytes());
        assertThatThrownBy(() -> build(new EpssFeed(), feeds, db)).isInstanceOf(KensaException.class)
                .hasMessage("feed epss: epss/epss_scores-2023-03-07.csv: the model line's score_date is not a date: 'March'");

        write(feeds, "epss/epss_scores-2023-03-07.csv", "cve,epss,percentile\n\"CVE-2021-44228,0.9,0.9\n".getBytes());
        assertThatThrownBy(() -> build(new EpssFeed(), feeds, db)).isInstanceOf(KensaException.class)
                .hasMessageStartingWith("feed epss: epss/epss_scores-2023-03-07.csv: not valid CSV (")
                .hasMessageNotContaining("\n");
        assertThat(db).doesNotExist();
    }

    @Test
    void aGzipBombIsRefusedAtTheInflatedSizeCap() {
        Path feeds = dir.resolve("feeds");
        write(feeds, "epss/epss_scores-2023-03-07.csv.gz", gzipBomb(
                "#model_version:v2023.03.01,score_date:2023-03-07T00:00:00+0000\ncve,epss,percentile\n",
                (byte) '\n', 64L << 20, ""));
        assertThatThrownBy(() -> build(new EpssFeed(1 << 20), feeds, dir.resolve("kensa.db")))
                .isInstanceOf(KensaException.class)
                .hasMessage("feed epss: epss/epss_scores-2023-03-07.csv.gz: larger than 1048576 bytes (uncompressed);"
                        + " refused");
    }

    @Test
    void theFeedIsRegistered() {
        assertThat(FeedRegistry.defaults().get("epss")).isInstanceOf(EpssFeed.class);
        assertThat(new EpssFeed().presentIn(advisories())).isTrue();
        assertThat(new EpssFeed().presentIn(dir)).isFalse();
    }
}
