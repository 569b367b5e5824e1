package io.kensa.db.feed.kev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kensa.core.KensaException;
import io.kensa.core.vuln.KevEntry;
import io.kensa.db.build.FeedReport;
import io.kensa.db.feed.FeedRegistry;
import io.kensa.db.feed.StoredRows;
import io.kensa.db.store.KensaDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.kensa.db.feed.FeedTesting.advisories;
import static io.kensa.db.feed.FeedTesting.build;
import static io.kensa.db.feed.FeedTesting.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CISA's KEV catalog of the corpus (catalogVersion 2025.08.25, 1,404 entries), as JSON and as CSV. */
class KevFeedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static final String ALL_ROWS = "SELECT cve, date_added, due_date, ransomware FROM kev ORDER BY cve";

    @Test
    void theCorpusCatalogLoadsWithItsReleaseDateAndVersion() throws Exception {
        Path db = dir.resolve("kensa.db");
        FeedReport feed = build(new KevFeed(), advisories(), db);
        assertThat(feed.id()).isEqualTo("kev");
        assertThat(feed.records()).isEqualTo(1404);
        assertThat(feed.warningCount()).isZero();
        assertThat(feed.snapshot()).isEqualTo(Instant.parse("2025-08-25T17:04:19.9796Z"));
        try (StoredRows rows = new StoredRows(db)) {
            assertThat(rows.count("kev")).isEqualTo(1404);
            assertThat(rows.metadata("kev_catalog_version")).isEqualTo("2025.08.25");
        }
        try (KensaDatabase open = KensaDatabase.open(db)) {
            assertThat(open.enrichment().kev(List.of("CVE-2021-44228", "CVE-2025-48384", "CVE-2020-29583")))
                    .containsOnly(
                            java.util.Map.entry("CVE-2021-44228", new KevEntry("CVE-2021-44228",
                                    LocalDate.of(2021, 12, 10), LocalDate.of(2021, 12, 24), "Known")),
                            java.util.Map.entry("CVE-2025-48384", new KevEntry("CVE-2025-48384",
                                    LocalDate.of(2025, 8, 25), LocalDate.of(2025, 9, 15), "Unknown")),
                            java.util.Map.entry("CVE-2020-29583", new KevEntry("CVE-2020-29583",
                                    LocalDate.of(2021, 11, 3), LocalDate.of(2022, 5, 3), "Unknown")));
        }
    }

    @Test
    void theCsvAloneGivesTheSameEntries() throws Exception {
        Path json = dir.resolve("json.db");
        build(new KevFeed(), advisories(), json);
        Path feeds = dir.resolve("feeds");
        write(feeds, KevFeed.CSV, Files.readAllBytes(advisories().resolve(KevFeed.CSV)));
        Path csv = dir.resolve("csv.db");
        FeedReport feed = build(new KevFeed(), feeds, csv);
        assertThat(feed.records()).isEqualTo(1404);
        assertThat(feed.warningCount()).isZero();
        // the CSV has no release date: its newest dateAdded stands for it
        assertThat(feed.snapshot()).isEqualTo(Instant.parse("2025-08-25T00:00:00Z"));
        try (StoredRows fromJson = new StoredRows(json); StoredRows fromCsv = new StoredRows(csv)) {
            assertThat(fromCsv.rows(ALL_ROWS)).hasSize(1404).isEqualTo(fromJson.rows(ALL_ROWS));
            assertThat(fromCsv.metadata("kev_catalog_version")).isNull();
        }
    }

    @Test
    void malformedEntriesAreSkippedWithACountedWarning() throws Exception {
        JsonNode catalog = JSON.readTree(advisories().resolve(KevFeed.JSON).toFile());
        ArrayNode entries = (ArrayNode) catalog.get("vulnerabilities");
        ((ObjectNode) entries.get(0)).put("cveID", "CVE-2025-4838X");
        ((ObjectNode) entries.get(1)).put("dateAdded", "25/08/2025");
        ((ObjectNode) entries.get(2)).put("dueDate", "soon");
        ((ObjectNode) entries.get(3)).remove("cveID");
        entries.insert(4, "CVE-2021-44228");
        Path feeds = dir.resolve("feeds");
        write(feeds, KevFeed.JSON, JSON.writeValueAsBytes(catalog));
        Path db = dir.resolve("kensa.db");
        FeedReport feed = build(new KevFeed(), feeds, db);
        assertThat(feed.records()).isEqualTo(1401);
        assertThat(feed.warningCount()).isEqualTo(5);
        String cve1 = entries.get(1).get("cveID").asText();
        String cve2 = entries.get(2).get("cveID").asText();
        assertThat(feed.firstWarnings()).containsExactly(
                "kev/known_exploited_vulnerabilities.json vulnerabilities[0]: not a CVE id: 'CVE-2025-4838X'",
                "kev/known_exploited_vulnerabilities.json vulnerabilities[1] (" + cve1
                        + "): dateAdded is not a date: '25/08/2025'",
                "kev/known_exploited_vulnerabilities.json vulnerabilities[2] (" + cve2
                        + "): dueDate is not a date: 'soon'; left out",
                "kev/known_exploited_vulnerabilities.json vulnerabilities[3]: not a CVE id: ''",
                "kev/known_exploited_vulnerabilities.json vulnerabilities[4]: not an object");
        try (KensaDatabase open = KensaDatabase.open(db)) {
            KevEntry noDue = open.enrichment().kev(List.of(cve2)).get(cve2);
            assertThat(noDue.dueDate()).isNull();
            assertThat(noDue.dateAdded()).isNotNull();
        }

        // the CSV: a row of the corpus file with a broken id, and one with too few columns
        List<String> lines = Files.readAllLines(advisories().resolve(KevFeed.CSV));
        String header = lines.getFirst();
        Files.delete(feeds.resolve(KevFeed.JSON));
        write(feeds, KevFeed.CSV, String.join("\n", header, lines.get(1).replaceFirst("^CVE-", "CVF-"),
                "CVE-2021-44228,Apache", lines.get(2)).getBytes());
        feed = build(new KevFeed(), feeds, dir.resolve("csv.db"));
        assertThat(feed.records()).isEqualTo(1);
        assertThat(feed.firstWarnings()).containsExactly(
                "kev/known_exploited_vulnerabilities.csv line 2: not a CVE id: 'CVF-2025-48384'",
                "kev/known_exploited_vulnerabilities.csv line 3 (CVE-2021-44228): dateAdded is not a date: ''");
    }

    @Test
    void aMalformedFileFailsTheBuildWithOneLine() throws Exception {
        Path feeds = dir.resolve("feeds");
        Path db = dir.resolve("kensa.db");
        byte[] corpus = Files.readAllBytes(advisories().resolve(KevFeed.JSON));
        write(feeds, KevFeed.JSON, java.util.Arrays.copyOf(corpus, corpus.length / 2));
        assertThatThrownBy(() -> build(new KevFeed(), feeds, db)).isInstanceOf(KensaException.class)
                .hasMessageStartingWith("feed kev: kev/known_exploited_vulnerabilities.json: not valid JSON (")
                .hasMessageNotContaining("\n");

        write(feeds, KevFeed.JSON, Files.readAllBytes(advisories().resolve("kev/known_exploited_vulnerabilities_schema.json")));
        assertThatThrownBy(() -> build(new KevFeed(), feeds, db)).isInstanceOf(KensaException.class)
                .hasMessage("feed kev: kev/known_exploited_vulnerabilities.json: no 'vulnerabilities' array");

        Files.delete(feeds.resolve(KevFeed.JSON));
        write(feeds, KevFeed.CSV, "cve,epss,percentile\nCVE-2021-44228,0.9,0.9\n".getBytes());
        assertThatThrownBy(() -> build(new KevFeed(), feeds, db)).isInstanceOf(KensaException.class)
                .hasMessage("feed kev: kev/known_exploited_vulnerabilities.csv: not the KEV catalog (no cveID and"
                        + " dateAdded columns)");

        write(feeds, KevFeed.CSV, new byte[] {'c', 'v', 'e', 'I', 'D', (byte) 0xff, '\n'});
        assertThatThrownBy(() -> build(new KevFeed(), feeds, db)).isInstanceOf(KensaException.class)
                .hasMessageStartingWith("feed kev: kev/known_exploited_vulnerabilities.csv: not UTF-8 text");
        assertThat(db).doesNotExist();
    }

    @Test
    void theFeedIsRegistered() {
        assertThat(FeedRegistry.defaults().get("kev")).isInstanceOf(KevFeed.class);
        assertThat(new KevFeed().presentIn(dir)).isFalse();
        assertThat(new KevFeed().presentIn(advisories())).isTrue();
    }
}
