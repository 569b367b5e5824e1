package io.kensa.db.build.maven;

import io.kensa.core.KensaException;
import io.kensa.core.MavenCoordinates;
import io.kensa.db.build.BuildResult;
import io.kensa.db.build.DatabaseBuilder;
import io.kensa.db.feed.FeedRegistry;
import io.kensa.db.feed.maven.MavenSha1IndexFeed;
import io.kensa.db.store.JavaIndexEntry;
import io.kensa.db.store.KensaDatabase;
import io.kensa.db.store.SqliteJavaIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MavenIndexCrawlerTest {
    /** Retries without real waiting. */
    private static final CrawlSettings FAST = new CrawlSettings(4, 3, Duration.ofMillis(1), Duration.ofMillis(5),
            Duration.ofSeconds(10), 1000);

    @TempDir
    Path dir;
    LocalMavenRepository repo;

    @BeforeEach
    void setUp() throws IOException {
        repo = new LocalMavenRepository(Files.createDirectories(dir.resolve("repo")));
        assertThat(repo.expected).as("real jars to index").hasSizeGreaterThanOrEqualTo(6);
        assertThat(repo.versionsWithoutJar).as("versions without a jar").hasSizeGreaterThanOrEqualTo(6);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        repo.close();
    }

    private MavenIndexCrawler crawler(CrawlSettings settings) {
        return new MavenIndexCrawler(repo.uri(), settings, dir.resolve("out/kensa.db.maven-crawl"));
    }

    @Test
    void indexesTheSha1OfEveryPublishedJar() throws Exception {
        CrawlResult result = crawler(FAST).crawl(repo.artifacts);
        assertThat(result.entries()).containsExactlyElementsOf(repo.expected);
        assertThat(result.warnings()).isEmpty();
        assertThat(result.versions()).isEqualTo(repo.expected.size() + repo.versionsWithoutJar.size());
        assertThat(result.fetched()).isEqualTo(repo.artifacts.size() + result.versions());
        assertThat(result.resumed()).isZero();
        // each jar's sha1 as computed here from the jar's bytes, e.g. the sqlite-jdbc this test runs with
        String sqlite = RealJars.sha1(Path.of(org.sqlite.JDBC.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        assertThat(result.entries()).anySatisfy(e -> {
            assertThat(e.sha1()).isEqualTo(sqlite);
            assertThat(e.coordinates().packageName()).isEqualTo("org.xerial:sqlite-jdbc");
        });
    }

    @Test
    void buildsTheJavaIndexOfADatabaseAndATsvInTheCorpusFormat() throws IOException {
        Path db = dir.resolve("out/kensa.db");
        Path tsv = dir.resolve("feeds/maven/sha1-index.tsv");
        MavenIndexCrawler crawler = crawler(FAST);
        BuildResult built = new DatabaseBuilder(FeedRegistry.defaults().with(
                new MavenRepositoryFeed(crawler, repo.artifacts, tsv))).build(null, db);
        assertThat(built.feeds()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(MavenRepositoryFeed.ID);
            assertThat(f.records()).isEqualTo(repo.expected.size());
        });
        assertThat(crawler.stateFile()).as("progress journal removed after a complete build").doesNotExist();
        try (KensaDatabase open = KensaDatabase.open(db)) {
            SqliteJavaIndex index = open.javaIndex();
            for (JavaIndexEntry e : repo.expected) {
                assertThat(index.bySha1(e.sha1())).as(e.toString()).contains(e.coordinates());
            }
            assertThat(open.info().javaIndexRows()).isEqualTo(repo.expected.size());
        }
        // the tsv holds the same rows, and a feeds folder holding it builds the same index offline
        assertThat(Files.readAllLines(tsv)).first().isEqualTo("sha1\tgav");
        assertThat(Files.readAllLines(tsv)).hasSize(repo.expected.size() + 1);
        Path offline = dir.resolve("offline.db");
        BuildResult again = new DatabaseBuilder(FeedRegistry.defaults()).build(dir.resolve("feeds"), offline);
        assertThat(again.feeds()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(MavenSha1IndexFeed.ID);
            assertThat(f.records()).isEqualTo(repo.expected.size());
        });
        try (KensaDatabase open = KensaDatabase.open(offline)) {
            for (JavaIndexEntry e : repo.expected) {
                assertThat(open.javaIndex().bySha1(e.sha1())).contains(e.coordinates());
            }
        }
    }

    @Test
    void concurrencyIsBounded() throws IOException {
        repo.delayMillis = 40;
        CrawlResult result = crawler(FAST.withConcurrency(3)).crawl(repo.artifacts);
        assertThat(result.entries()).containsExactlyElementsOf(repo.expected);
        assertThat(repo.maxInFlight.get()).as("requests in flight at once").isLessThanOrEqualTo(3).isGreaterThanOrEqualTo(2);
    }

    @Test
    void serverErrorsAndRateLimitsAreRetried() throws IOException {
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        // the first request of each file fails: 503 for metadata, 429 (Retry-After: 0) or 500 for sha1 files
        repo.fault = path -> seen.computeIfAbsent(path, p -> new AtomicInteger()).getAndIncrement() > 0 ? null
                : path.endsWith(".xml") ? 503 : path.hashCode() % 2 == 0 ? 429 : 500;
        CrawlResult result = crawler(FAST).crawl(repo.artifacts);
        assertThat(result.entries()).containsExactlyElementsOf(repo.expected);
        assertThat(repo.requestsPerPath().values()).as("each file asked twice").containsOnly(2);
        assertThat(repo.log).anyMatch(r -> r.status() == 429).anyMatch(r -> r.status() == 503);
    }

    @Test
    void anInterruptedCrawlResumesWithWhatIsMissing() throws Exception {
        Path db = dir.resolve("out/kensa.db");
        // a repository failing every other request, and a crawl that does not retry: about half is fetched
        AtomicInteger counter = new AtomicInteger();
        repo.fault = path -> counter.getAndIncrement() % 2 == 1 ? 500 : null;
        CrawlSettings noRetry = new CrawlSettings(4, 1, Duration.ofMillis(1), Duration.ofMillis(1),
                Duration.ofSeconds(10), 1000);
        MavenIndexCrawler crawler = crawler(noRetry);
        FeedRegistry feeds = FeedRegistry.defaults().with(new MavenRepositoryFeed(crawler, repo.artifacts, null));
        assertThatThrownBy(() -> new DatabaseBuilder(feeds).build(null, db))
                .isInstanceOf(KensaException.class)
                .hasMessageContaining("feed maven-repository: crawl of " + repo.uri() + " incomplete")
                .hasMessageContaining("requests failed (first: " + repo.uri())
                .hasMessageContaining(": HTTP 500)")
                .hasMessageContaining("run the same command again to resume (progress is kept in " + crawler.stateFile())
                .hasMessageNotContaining("\n");
        assertThat(db).as("no database from a failed build").doesNotExist();
        assertThat(crawler.stateFile()).exists();
        assertOnlyTheJournalIsLeft(db.getParent());
        List<String> answeredBefore = repo.answered();
        assertThat(answeredBefore).isNotEmpty();

        // the repository comes back; the same build again fetches only what the first run did not get
        repo.restart();
        repo.fault = path -> null;
        repo.log.clear();
        BuildResult built = new DatabaseBuilder(feeds).build(null, db);
        assertThat(built.feeds().getFirst().records()).isEqualTo(repo.expected.size());
        List<String> askedAfter = List.copyOf(repo.log.stream().map(LocalMavenRepository.Request::path).toList());
        assertThat(askedAfter).as("nothing asked twice across the two runs").doesNotContainAnyElementsOf(answeredBefore);
        Set<String> all = new HashSet<>(answeredBefore);
        all.addAll(askedAfter);
        int everyFile = repo.artifacts.size() + repo.expected.size() + repo.versionsWithoutJar.size();
        assertThat(all).as("every file fetched once in all").hasSize(everyFile);
        assertThat(answeredBefore.size() + askedAfter.size()).isEqualTo(everyFile);
        try (KensaDatabase open = KensaDatabase.open(db)) {
            for (JavaIndexEntry e : repo.expected) {
                assertThat(open.javaIndex().bySha1(e.sha1())).contains(e.coordinates());
            }
            assertThat(open.info().javaIndexRows()).isEqualTo(repo.expected.size());
        }
        assertThat(crawler.stateFile()).doesNotExist();
    }

    @Test
    void aRepositoryThatIsDownFailsAfterABoundedNumberOfRequests() throws Exception {
        repo.fault = path -> 502;
        CrawlSettings settings = new CrawlSettings(2, 2, Duration.ofMillis(1), Duration.ofMillis(1),
                Duration.ofSeconds(10), 3);
        assertThatThrownBy(() -> crawler(settings).crawl(repo.artifacts))
                .isInstanceOf(KensaException.class)
                .hasMessageContaining("HTTP 502 (gave up after 2 attempts)")
                .hasMessageContaining("were not sent");
        // 3 failures allowed, 2 in flight at most when the limit is reached: at most 4 requests of 2 attempts each
        assertThat(repo.log.size()).isLessThanOrEqualTo(8);
    }

    @Test
    void hostileMetadataIsSkippedWithAWarning() throws IOException {
        MavenArtifact xxe = new MavenArtifact("org.example", "xxe");
        Files.createDirectories(repo.root.resolve(xxe.path()));
        Files.writeString(repo.root.resolve(xxe.path() + "maven-metadata.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE metadata [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
                <metadata><versioning><versions><version>&secret;</version></versions></versioning></metadata>
                """);
        MavenArtifact traversal = new MavenArtifact("org.example", "traversal");
        Files.createDirectories(repo.root.resolve(traversal.path()));
        Files.writeString(repo.root.resolve(traversal.path() + "maven-metadata.xml"),
                "<metadata><versioning><versions><version>../../../../x</version><version>1 0</version>"
                        + "</versions></versioning></metadata>");
        MavenArtifact absent = new MavenArtifact("org.example", "absent");
        MavenArtifact badSha1 = new MavenArtifact("org.example", "bad-sha1");
        Files.createDirectories(repo.root.resolve(badSha1.path() + "1.0"));
        Files.writeString(repo.root.resolve(badSha1.path() + "maven-metadata.xml"),
                "<metadata><versioning><versions><version>1.0</version></versions></versioning></metadata>");
        Files.writeString(repo.root.resolve(badSha1.sha1Path("1.0")), "<html>not a checksum</html>");
        List<MavenArtifact> artifacts = new java.util.ArrayList<>(repo.artifacts);
        artifacts.addAll(List.of(xxe, traversal, absent, badSha1));

        CrawlResult result = crawler(FAST).crawl(artifacts);
        assertThat(result.entries()).containsExactlyElementsOf(repo.expected);
        assertThat(result.warnings()).extracting(w -> w[0] + ": " + w[1]).containsExactly(
                "org.example:absent: no maven-metadata.xml in the repository (HTTP 404)",
                "org.example:bad-sha1:1.0 bad-sha1-1.0.jar.sha1: not a sha1 checksum file",
                "org.example:traversal maven-metadata.xml: unusable version '../../../../x' skipped",
                "org.example:traversal maven-metadata.xml: unusable version '1 0' skipped",
                "org.example:xxe maven-metadata.xml: not well-formed XML (DOCTYPE is disallowed when the feature "
                        + "\"http://apache.org/xml/features/disallow-doctype-decl\" set to true.)");
        assertThat(repo.log).noneMatch(r -> r.path().contains(".."));
    }

    @Test
    void sha1FilesInBothForms() {
        String hex = "66fdc6bbaba2fd7242046131895353d9669a19ad";
        assertThat(MavenIndexCrawler.parseSha1(hex.getBytes())).isEqualTo(hex);
        assertThat(MavenIndexCrawler.parseSha1((hex.toUpperCase() + "  spring-web-5.3.17.jar\n").getBytes())).isEqualTo(hex);
        assertThat(MavenIndexCrawler.parseSha1(("\n" + hex + "\r\n").getBytes())).isEqualTo(hex);
        assertThat(MavenIndexCrawler.parseSha1(hex.substring(1).getBytes())).isNull();
        assertThat(MavenIndexCrawler.parseSha1("spring-web-5.3.17.jar".getBytes())).isNull();
        assertThat(MavenIndexCrawler.parseSha1(new byte[0])).isNull();
    }

    @Test
    void aJournalCutShortByAKillResumesFromItsLastCompleteLine() throws IOException {
        MavenArtifact a = repo.artifacts.getFirst();
        JavaIndexEntry first = repo.expected.stream().filter(e -> e.coordinates().artifactId().equals(a.artifactId()))
                .findFirst().orElseThrow();
        String version = first.coordinates().version();
        Path state = dir.resolve("out/kensa.db.maven-crawl");
        Files.createDirectories(state.getParent());
        Files.writeString(state, "kensa-maven-crawl\t1\t" + repo.uri() + "\t2026-01-01T00:00:00Z\n"
                + "V\t" + a + "\t" + version + "\n"
                + "J\t" + a + ":" + version + "\t" + first.sha1().substring(0, 17));  // killed mid-line
        CrawlResult result = crawler(FAST).crawl(List.of(a));
        assertThat(result.resumed()).isEqualTo(1);
        assertThat(result.fetched()).as("only the sha1 file, again").isEqualTo(1);
        assertThat(result.entries()).containsExactly(first);
        assertThat(result.started()).hasToString("2026-01-01T00:00:00Z");
        assertThat(Files.readAllLines(state)).containsExactly(
                "kensa-maven-crawl\t1\t" + repo.uri() + "\t2026-01-01T00:00:00Z",
                "V\t" + a + "\t" + version,
                "J\t" + a + ":" + version + "\t" + first.sha1());
        // a journal of another repository is not resumed
        Files.writeString(state, "kensa-maven-crawl\t1\thttp://127.0.0.1:1/other/\t2026-01-01T00:00:00Z\n"
                + "V\t" + a + "\t" + version + "\n");
        CrawlResult fresh = crawler(FAST).crawl(List.of(a));
        assertThat(fresh.resumed()).isZero();
        assertThat(fresh.entries().stream().map(JavaIndexEntry::coordinates).map(MavenCoordinates::artifactId))
                .containsOnly(a.artifactId()).hasSizeGreaterThanOrEqualTo(1);
    }

    @Test
    void repositoryUrlAndArtifactsFileAreChecked() throws IOException {
        assertThatThrownBy(() -> new MavenIndexCrawler(java.net.URI.create("ftp://example.org/m2"), FAST, dir.resolve("s")))
                .isInstanceOf(KensaException.class).hasMessage("not an http(s) repository URL: ftp://example.org/m2");
        Path list = Files.writeString(dir.resolve("artifacts.txt"),
                "# the artifacts\norg.springframework:spring-web\n\n  org.yaml:snakeyaml  \norg.yaml:snakeyaml\n");
        assertThat(ArtifactList.read(list)).extracting(MavenArtifact::toString)
                .containsExactly("org.springframework:spring-web", "org.yaml:snakeyaml");
        Files.writeString(list, "org.springframework:spring-web\norg.springframework:spring-web:5.3.17\n");
        assertThatThrownBy(() -> ArtifactList.read(list)).isInstanceOf(KensaException.class)
                .hasMessage(list + " line 2: expected groupId:artifactId, found 'org.springframework:spring-web:5.3.17'");
        Files.writeString(list, "../../etc:passwd\n");
        assertThatThrownBy(() -> ArtifactList.read(list)).isInstanceOf(KensaException.class).hasMessageContaining("line 1");
        Files.writeString(list, "# nothing\n");
        assertThatThrownBy(() -> ArtifactList.read(list)).isInstanceOf(KensaException.class)
                .hasMessage(list + ": no groupId:artifactId line");
    }

    private static void assertOnlyTheJournalIsLeft(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("kensa.db.maven-crawl");
        }
    }
}
