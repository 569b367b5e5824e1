package io.kensa.db.store;

import io.kensa.core.vuln.EpssScore;
import io.kensa.core.vuln.KevEntry;
import io.kensa.db.build.DatabaseBuilder;
import io.kensa.db.feed.FeedRegistry;
import io.kensa.db.feed.cwe.CweFeed;
import io.kensa.db.feed.epss.EpssFeed;
import io.kensa.db.feed.kev.KevFeed;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Enrichment lookups on a database built from the corpus' KEV, EPSS and CWE feeds. */
class EnrichmentLookupTest {
    @TempDir
    static Path dir;
    static Path db;

    @BeforeAll
    static void build() throws IOException {
        db = dir.resolve("kensa.db");
        new DatabaseBuilder(new FeedRegistry(List.of(new KevFeed(), new EpssFeed(), new CweFeed())))
                .build(Corpus.root().resolve("advisories"), db);
    }

    /** The CVE ids of the corpus' KEV CSV, in file order. */
    private static List<String> kevCves() throws IOException {
        List<String> cves = new ArrayList<>();
        for (String line : Files.readAllLines(Corpus.root().resolve("advisories/" + KevFeed.CSV))) {
            if (line.startsWith("CVE-")) {
                cves.add(line.substring(0, line.indexOf(',')));
            }
        }
        return cves;
    }

    @Test
    void kevAnswersOnlyTheListedCves() {
        try (KensaDatabase open = KensaDatabase.open(db)) {
            Map<String, KevEntry> kev = open.enrichment().kev(List.of("CVE-2021-44228", "CVE-2021-44832",
                    "CVE-2022-22965"));
            // Log4Shell and Spring4Shell are in the catalog, log4j's CVE-2021-44832 is not
            assertThat(kev).containsOnlyKeys("CVE-2021-44228", "CVE-2022-22965");
            assertThat(kev.get("CVE-2021-44228")).isEqualTo(new KevEntry("CVE-2021-44228", LocalDate.of(2021, 12, 10),
                    LocalDate.of(2021, 12, 24), "Known"));
            assertThat(kev.get("CVE-2022-22965").dateAdded()).isEqualTo(LocalDate.of(2022, 4, 4));
        }
    }

    @Test
    void aBatchLargerThanOneQueryIsAnsweredWhole() throws IOException {
        List<String> cves = new ArrayList<>(kevCves());
        assertThat(cves).hasSize(1404);
        cves.addAll(List.of("CVE-2099-00001", "CVE-2099-00002"));
        cves.add(cves.getFirst()); // twice
        cves.add(null);
        cves.add(" ");
        try (KensaDatabase open = KensaDatabase.open(db)) {
            Map<String, KevEntry> kev = open.enrichment().kev(cves);
            assertThat(kev).hasSize(1404).doesNotContainKeys("CVE-2099-00001", "CVE-2099-00002");
            assertThat(kev.values()).allSatisfy(e -> assertThat(e.dateAdded()).isNotNull());
        }
    }

    @Test
    void epssAndCweNames() {
        try (KensaDatabase open = KensaDatabase.open(db)) {
            EnrichmentLookup lookup = open.enrichment();
            assertThat(lookup.epss(List.of("CVE-2017-3248", "CVE-2021-99999")))
                    .containsExactly(Map.entry("CVE-2017-3248", new EpssScore("CVE-2017-3248", 0.34199, null)));
            assertThat(lookup.cweNames(Arrays.asList("CWE-79", "CWE-1321", "CWE-0", null)))
                    .containsOnly(Map.entry("CWE-79",
                                    "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')"),
                            Map.entry("CWE-1321",
                                    "Improperly Controlled Modification of Object Prototype Attributes ('Prototype Pollution')"));
        }
    }

    @Test
    void nothingAskedNothingAnswered() {
        try (KensaDatabase open = KensaDatabase.open(db)) {
            assertThat(open.enrichment().kev(List.of())).isEmpty();
            assertThat(open.enrichment().epss(List.of())).isEmpty();
            assertThat(open.enrichment().cweNames(List.of())).isEmpty();
        }
    }

    @Test
    void aDatabaseWithoutThoseFeedsAnswersEmpty() throws IOException {
        Path feeds = dir.resolve("only-maven");
        Files.createDirectories(feeds.resolve("maven"));
        Files.copy(Corpus.root().resolve("advisories/maven/sha1-index.tsv"), feeds.resolve("maven/sha1-index.tsv"));
        Path other = dir.resolve("maven.db");
        new DatabaseBuilder(FeedRegistry.defaults()).build(feeds, other);
        try (KensaDatabase open = KensaDatabase.open(other)) {
            assertThat(open.enrichment().kev(List.of("CVE-2021-44228"))).isEmpty();
            assertThat(open.enrichment().epss(List.of("CVE-2021-44228"))).isEmpty();
            assertThat(open.enrichment().cweNames(List.of("CWE-79"))).isEmpty();
        }
    }
}
