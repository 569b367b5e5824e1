package io.kensa.db.feed.maven;

import io.kensa.core.KensaException;
import io.kensa.core.MavenCoordinates;
import io.kensa.db.build.BuildResult;
import io.kensa.db.build.DatabaseBuilder;
import io.kensa.db.build.FeedReport;
import io.kensa.db.feed.FeedRegistry;
import io.kensa.db.store.KensaDatabase;
import io.kensa.db.store.SqliteJavaIndex;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Java index of the corpus' feeds folder: {@code advisories/maven/sha1-index.tsv}, fetched from Maven Central. */
class MavenSha1IndexFeedTest {
    @TempDir
    Path dir;

    static Path advisories() {
        return Corpus.root().resolve("advisories");
    }

    static Path corpusIndex() {
        return advisories().resolve(MavenSha1IndexFeed.PATH);
    }

    private static FeedReport build(Path feeds, Path db) throws IOException {
        // this feed alone: the corpus folder holds other feeds, tested on their own
        BuildResult result = new DatabaseBuilder(new FeedRegistry(List.of(new MavenSha1IndexFeed()))).build(feeds, db);
        assertThat(result.feeds()).hasSize(1);
        return result.feeds().getFirst();
    }

    @Test
    void everyRowOfTheCorpusIndexIsLoadedAndFoundBySha1() throws IOException {
        List<String[]> rows = Corpus.tsvBody(corpusIndex());
        assertThat(rows).hasSize(2406);
        Path db = dir.resolve("kensa.db");
        FeedReport feed = build(advisories(), db);
        assertThat(feed.id()).isEqualTo("maven-sha1-index");
        assertThat(feed.records()).isEqualTo(rows.size());
        assertThat(feed.warningCount()).isZero();
        assertThat(feed.snapshot()).isEqualTo(Files.getLastModifiedTime(corpusIndex()).toInstant());

        Map<String, List<String>> bySha1 = new HashMap<>();
        rows.forEach(r -> bySha1.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[1]));
        try (KensaDatabase open = KensaDatabase.open(db)) {
            assertThat(open.info().javaIndexRows()).isEqualTo(rows.size());
            SqliteJavaIndex index = open.javaIndex();
            for (Map.Entry<String, List<String>> e : bySha1.entrySet()) {
                MavenCoordinates found = index.bySha1(e.getKey()).orElseThrow();
                // where Maven Central published the same bytes twice, the first coordinates in order
                assertThat(found.toString()).isEqualTo(e.getValue().stream().sorted().findFirst().orElseThrow());
            }
            assertThat(index.bySha1("66fdc6bbaba2fd7242046131895353d9669a19ad"))
                    .contains(new MavenCoordinates("org.springframework", "spring-web", "5.3.17"));
            assertThat(index.bySha1("66FDC6BBABA2FD7242046131895353D9669A19AD")).as("hex in upper case")
                    .contains(new MavenCoordinates("org.springframework", "spring-web", "5.3.17"));
            String layertools = rows.stream()
                    .filter(r -> r[1].equals("org.springframework.boot:spring-boot-jarmode-layertools:2.7.18"))
                    .findFirst().orElseThrow()[0];
            assertThat(index.bySha1(layertools)).map(MavenCoordinates::toString)
                    .contains("org.springframework.boot:spring-boot-jarmode-layertools:2.7.18");
            // the published commons-beanutils 1.9.3 (the java-app image holds a stripped copy, with another sha1)
            assertThat(index.bySha1("c845703de334ddc6b4b3cd26835458cb1cba1f3d"))
                    .map(MavenCoordinates::toString).contains("commons-beanutils:commons-beanutils:1.9.3");
            assertThat(index.bySha1("0000000000000000000000000000000000000000")).isEmpty();
            assertThat(index.bySha1("not a sha1")).isEmpty();
            assertThat(index.groupIds("spring-web", "5.3.17")).containsExactly("org.springframework");
            assertThat(index.groupIds("jackson-databind", "2.9.10.1")).containsExactly("com.fasterxml.jackson.core");
            assertThat(index.groupIds("spring-web", "0.0.0")).isEmpty();
        }
    }

    @Test
    void aSha1PublishedUnderTwoVersionsKeepsBothRows() throws IOException {
        // Maven Central serves the same commons-beanutils jar as 1.0 and as 1.2
        List<String[]> twice = Corpus.tsvBody(corpusIndex()).stream()
                .filter(r -> r[0].equals("d34146fe88f5bd0626bb41154d7567cfa8c839d7")).toList();
        assertThat(twice).extracting(r -> r[1])
                .containsExactly("commons-beanutils:commons-beanutils:1.0", "commons-beanutils:commons-beanutils:1.2");
        Path db = dir.resolve("kensa.db");
        build(advisories(), db);
        try (KensaDatabase open = KensaDatabase.open(db)) {
            assertThat(open.javaIndex().bySha1("d34146fe88f5bd0626bb41154d7567cfa8c839d7")).map(MavenCoordinates::toString)
                    .contains("commons-beanutils:commons-beanutils:1.0");
            assertThat(open.javaIndex().groupIds("commons-beanutils", "1.2")).containsExactly("commons-beanutils");
        }
    }

    @Test
    void groupsAreRankedByHowManyVersionsOfTheArtifactTheyPublish() throws IOException {
        // the corpus rows plus one made-up row: spring-web 5.3.17 under a second group (as a fork publishing one
        // version would be). The main line comes first although the fork's group id sorts first
        Path feeds = copyOfCorpusIndex(List.of(), List.of(
                "9f35d3e6b4e02e21f1e26d3e6f0ff2d5ac3c1b71\torg.example.fork:spring-web:5.3.17"));
        Path db = dir.resolve("kensa.db");
        assertThat(build(feeds, db).records()).isEqualTo(2407);
        try (KensaDatabase open = KensaDatabase.open(db)) {
            assertThat(open.javaIndex().groupIds("spring-web", "5.3.17"))
                    .containsExactly("org.springframework", "org.example.fork");
            assertThat(open.javaIndex().groupIds("spring-web", "5.3.18")).containsExactly("org.springframework");
        }
    }

    @Test
    void malformedRowsAreSkippedAndCountedWithTheirLine() throws IOException {
        Path feeds = copyOfCorpusIndex(List.of(
                "66fdc6bbaba2fd7242046131895353d9669a19a\torg.springframework:spring-web:5.3.17",
                "66fdc6bbaba2fd7242046131895353d9669a19ad\torg.springframework:spring-web",
                "66fdc6bbaba2fd7242046131895353d9669a19ad\torg.springframework:spring-web:5.3.17\textra",
                "66fdc6bbaba2fd7242046131895353d9669a19ad\torg.spring framework:spring-web:5.3.17",
                "66fdc6bbaba2fd7242046131895353d9669a19ad\t" + "x".repeat(5000) + ":a:1"), List.of());
        Path db = dir.resolve("kensa.db");
        FeedReport feed = build(feeds, db);
        assertThat(feed.records()).isEqualTo(2406);
        assertThat(feed.warningCount()).isEqualTo(5);
        assertThat(feed.firstWarnings()).containsExactly(
                "maven/sha1-index.tsv line 2: not a sha1: '66fdc6bbaba2fd7242046131895353d9669a19a'",
                "maven/sha1-index.tsv line 3: not groupId:artifactId:version: 'org.springframework:spring-web'",
                "maven/sha1-index.tsv line 4: expected 2 tab-separated columns, found 3",
                "maven/sha1-index.tsv line 5: not groupId:artifactId:version: 'org.spring framework:spring-web:5.3.17'",
                "maven/sha1-index.tsv line 6: line longer than 4096 characters");
        try (KensaDatabase open = KensaDatabase.open(db)) {
            assertThat(open.info().javaIndexRows()).isEqualTo(2406);
            assertThat(open.info().feeds()).singleElement().satisfies(f -> {
                assertThat(f.records()).isEqualTo(2406);
                assertThat(f.warnings()).isEqualTo(5);
            });
        }
    }

    @Test
    void aFileOfAnotherShapeFailsTheBuildWithOneLine() throws IOException {
        Path feeds = Files.createDirectories(dir.resolve("feeds/maven"));
        Files.writeString(feeds.resolve("sha1-index.tsv"), "gav\tsha1\norg.springframework:spring-web:5.3.17\t66fdc6bb\n");
        assertThatThrownBy(() -> build(dir.resolve("feeds"), dir.resolve("kensa.db")))
                .isInstanceOf(KensaException.class)
                .hasMessage("feed maven-sha1-index: maven/sha1-index.tsv: not a Java sha1 index (line 1 is not the header 'sha1<TAB>gav')");
        Files.write(feeds.resolve("sha1-index.tsv"), new byte[0]);
        assertThatThrownBy(() -> build(dir.resolve("feeds"), dir.resolve("kensa.db")))
                .isInstanceOf(KensaException.class).hasMessage("feed maven-sha1-index: maven/sha1-index.tsv: empty file");
        assertThat(dir.resolve("kensa.db")).doesNotExist();
    }

    @Test
    void aFeedsFolderWithoutTheFileHasNoJavaIndex() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("feeds"));
        assertThat(new MavenSha1IndexFeed().presentIn(empty)).isFalse();
        assertThat(new MavenSha1IndexFeed().presentIn(advisories())).isTrue();
        assertThatThrownBy(() -> build(empty, dir.resolve("kensa.db"))).isInstanceOf(KensaException.class)
                .hasMessageStartingWith(empty + ": no feed found (expected any of: maven/sha1-index.tsv");
    }

    /** A feeds folder with the corpus index, {@code before} inserted after its header and {@code after} appended. */
    private Path copyOfCorpusIndex(List<String> before, List<String> after) throws IOException {
        List<String> lines = Files.readAllLines(corpusIndex(), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        out.add(lines.getFirst());
        out.addAll(before);
        out.addAll(lines.subList(1, lines.size()));
        out.addAll(after);
        Path feeds = dir.resolve("feeds");
        Files.createDirectories(feeds.resolve("maven"));
        Files.write(feeds.resolve(MavenSha1IndexFeed.PATH), out, StandardCharsets.UTF_8);
        Set<String> distinct = new HashSet<>(out);
        assertThat(distinct).hasSizeGreaterThan(2400);
        return feeds;
    }
}
