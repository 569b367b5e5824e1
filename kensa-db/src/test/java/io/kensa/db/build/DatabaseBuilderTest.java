package io.kensa.db.build;

import io.kensa.core.KensaException;
import io.kensa.db.feed.Feed;
import io.kensa.db.feed.FeedRegistry;
import io.kensa.db.feed.FeedResult;
import io.kensa.db.feed.FeedWarnings;
import io.kensa.db.feed.maven.MavenSha1IndexFeed;
import io.kensa.db.store.DatabaseWriter;
import io.kensa.db.store.FeedRecord;
import io.kensa.db.store.JavaIndexEntry;
import io.kensa.db.store.KensaDatabase;
import io.kensa.core.MavenCoordinates;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseBuilderTest {
    @TempDir
    Path dir;

    private static Path advisories() {
        return Corpus.root().resolve("advisories");
    }

    /** The builder's behaviour, shown on the corpus' smallest feed (AllFeedsBuildTest builds them all). */
    private static FeedRegistry javaIndexOnly() {
        return new FeedRegistry(List.of(new MavenSha1IndexFeed()));
    }

    @Test
    void buildsTheCorpusFeedsWithMetadata() throws IOException {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        List<FeedReport> seen = new ArrayList<>();
        Path db = dir.resolve("sub/dir/kensa.db");
        BuildResult result = new DatabaseBuilder(javaIndexOnly(), Clock.fixed(now, ZoneOffset.UTC), seen::add)
                .build(advisories(), db);
        assertThat(result.output()).isEqualTo(db.toAbsolutePath());
        assertThat(result.bytes()).isEqualTo(Files.size(db)).isGreaterThan(0);
        assertThat(result.elapsed()).isPositive();
        assertThat(seen).isEqualTo(result.feeds());
        try (KensaDatabase open = KensaDatabase.open(db)) {
            var info = open.info();
            assertThat(info.buildTime()).isEqualTo(now);
            assertThat(info.feeds()).contains(new FeedRecord("maven-sha1-index", "maven/sha1-index.tsv",
                    Files.getLastModifiedTime(advisories().resolve(MavenSha1IndexFeed.PATH)).toInstant(), 2406, 0));
            assertThat(info.feeds()).extracting(FeedRecord::id).containsExactlyElementsOf(
                    result.feeds().stream().map(FeedReport::id).sorted().toList());
        }
        assertOnly(db.getParent(), "kensa.db");
    }

    @Test
    void aBuildThatFailsMidwayLeavesThePreviousDatabaseIntactAndNoTemporaryFile() throws Exception {
        Path db = dir.resolve("kensa.db");
        new DatabaseBuilder(javaIndexOnly()).build(advisories(), db);
        String before = sha256(db);

        // the corpus index with a byte that is not UTF-8 in line 1200: the feed fails after 1,198 rows were written
        byte[] index = Files.readAllBytes(advisories().resolve(MavenSha1IndexFeed.PATH));
        int offset = 0;
        for (int line = 1; line < 1200; offset++) {
            if (index[offset] == '\n') {
                line++;
            }
        }
        index[offset + 3] = (byte) 0xff;
        Path feeds = dir.resolve("feeds");
        Files.createDirectories(feeds.resolve("maven"));
        Files.write(feeds.resolve(MavenSha1IndexFeed.PATH), index);
        assertThatThrownBy(() -> new DatabaseBuilder(javaIndexOnly()).build(feeds, db))
                .isInstanceOf(KensaException.class)
                .hasMessage("feed maven-sha1-index: maven/sha1-index.tsv: not UTF-8 text (line 1200)");
        assertThat(sha256(db)).isEqualTo(before);
        assertOnly(dir, "feeds", "kensa.db");

        // a feed failing while loading, after rows of an earlier feed went in
        Feed failing = new Feed() {
            @Override
            public String id() {
                return "failing";
            }

            @Override
            public String source() {
                return "failing/";
            }

            @Override
            public boolean presentIn(Path feedsDir) {
                return true;
            }

            @Override
            public FeedResult load(Path feedsDir, DatabaseWriter writer, FeedWarnings warnings) throws IOException, SQLException {
                writer.javaIndex().add(new JavaIndexEntry("66fdc6bbaba2fd7242046131895353d9669a19ad",
                        new MavenCoordinates("a", "b", "c")));
                throw new IOException("disk on fire");
            }
        };
        assertThatThrownBy(() -> new DatabaseBuilder(javaIndexOnly().with(failing)).build(advisories(), db))
                .isInstanceOf(KensaException.class).hasMessage("feed failing: failing/: unreadable (disk on fire)");
        assertThat(sha256(db)).isEqualTo(before);
        assertOnly(dir, "feeds", "kensa.db");
        try (KensaDatabase open = KensaDatabase.open(db)) {
            assertThat(open.info().javaIndexRows()).isEqualTo(2406);
        }
    }

    @Test
    void aSecondBuildReplacesTheFirst() throws IOException {
        Path db = dir.resolve("kensa.db");
        Files.writeString(db, "an older file, replaced whole");
        new DatabaseBuilder(javaIndexOnly()).build(advisories(), db);
        try (KensaDatabase open = KensaDatabase.open(db)) {
            assertThat(open.info().javaIndexRows()).isEqualTo(2406);
        }
        assertOnly(dir, "kensa.db");
    }

    @Test
    void badFoldersAndOutputsAreOneLine() throws IOException {
        assertThatThrownBy(() -> new DatabaseBuilder(javaIndexOnly()).build(dir.resolve("nope"), dir.resolve("x.db")))
                .isInstanceOf(KensaException.class)
                .hasMessage(dir.resolve("nope") + ": not a directory (--feeds names the folder holding the feeds)");
        Path folder = Files.createDirectories(dir.resolve("out.db"));
        assertThatThrownBy(() -> new DatabaseBuilder(javaIndexOnly()).build(advisories(), folder))
                .isInstanceOf(KensaException.class).hasMessage(folder + ": is a directory, not a database file");
        assertThatThrownBy(() -> new DatabaseBuilder(javaIndexOnly()).build(null, dir.resolve("x.db")))
                .isInstanceOf(KensaException.class).hasMessage("no feed given (expected any of: maven/sha1-index.tsv)");
        assertOnly(dir, "out.db");
    }

    private static void assertOnly(Path folder, String... names) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("files in %s", folder).containsExactlyInAnyOrder(names);
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
