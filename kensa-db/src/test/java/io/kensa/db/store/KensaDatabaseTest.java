package io.kensa.db.store;

import io.kensa.core.KensaException;
import io.kensa.db.build.DatabaseBuilder;
import io.kensa.db.feed.FeedRegistry;
import io.kensa.db.feed.maven.MavenSha1IndexFeed;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opening a database: whatever the file is, a usable database or one line saying why not. */
class KensaDatabaseTest {
    @TempDir
    Path dir;
    Path good;

    @BeforeEach
    void build() throws IOException {
        good = dir.resolve("kensa.db");
        // the corpus' smallest feed: what is checked here is the file, not the feeds (AllFeedsBuildTest reads them all)
        new DatabaseBuilder(new FeedRegistry(List.of(new MavenSha1IndexFeed()))).build(Corpus.root().resolve("advisories"), good);
    }

    private static void refused(Path file, String message) {
        assertThatThrownBy(() -> {
            try (KensaDatabase db = KensaDatabase.open(file)) {
                db.javaIndex().bySha1("66fdc6bbaba2fd7242046131895353d9669a19ad");
                db.javaIndex().groupIds("spring-web", "5.3.17");
            }
        }).isInstanceOfSatisfying(KensaException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(2);
            assertThat(e.getMessage()).doesNotContain("\n").startsWith(file.toString()).contains(message);
        });
    }

    @Test
    void theBuiltDatabaseOpens() {
        try (KensaDatabase db = KensaDatabase.open(good)) {
            DatabaseInfo info = db.info();
            assertThat(info.schemaVersion()).isEqualTo(Schema.VERSION);
            assertThat(info.javaIndexRows()).isEqualTo(2406);
            assertThat(info.bytes()).isEqualTo(good.toFile().length());
            assertThat(info.buildTime()).isNotNull();
            assertThat(info.feeds()).extracting(FeedRecord::id).contains("maven-sha1-index");
        }
    }

    @Test
    void missingFilesAndFoldersAreRefused() throws IOException {
        refused(dir.resolve("nope.db"), ": no such database file");
        refused(Files.createDirectories(dir.resolve("folder.db")), ": not a database file (not a regular file)");
    }

    @Test
    void filesThatAreNotKensaDatabasesAreRefused() throws IOException {
        refused(Files.writeString(dir.resolve("text.db"), "sha1\tgav\n"), ": not a Kensa database (too short for an SQLite file)");
        byte[] noise = new byte[8192];
        new Random(1).nextBytes(noise);
        refused(Files.write(dir.resolve("noise.db"), noise), ": not a Kensa database (not an SQLite file)");
        refused(Corpus.image("java-app.docker.tar"), ": not a Kensa database (not an SQLite file)");
        Path other = dir.resolve("other.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE Packages (hnum INTEGER PRIMARY KEY, blob BLOB)");
            s.execute("PRAGMA user_version = 1");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        refused(other, ": not a Kensa database (an SQLite file of another application)");
    }

    @Test
    void anotherSchemaVersionIsRefused() throws Exception {
        Path newer = Files.copy(good, dir.resolve("newer.db"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 7");
        }
        refused(newer, ": Kensa database schema version 7, this kensa reads version " + Schema.VERSION
                + " (rebuild it with kensa db build)");
    }

    @Test
    void truncatedAndDamagedCopiesAreRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        assertThat(bytes.length).isGreaterThan(3 * 4096);
        refused(Files.write(dir.resolve("half.db"), Arrays.copyOf(bytes, bytes.length / 2)),
                ": corrupt Kensa database");
        // same size, every page after the first overwritten: SQLite's own checks catch it
        byte[] damaged = bytes.clone();
        Random random = new Random(2);
        for (int i = 4096; i < damaged.length; i++) {
            damaged[i] = (byte) random.nextInt();
        }
        refused(Files.write(dir.resolve("damaged.db"), damaged), ": unreadable Kensa database (");
    }

    @Test
    void anOpenDatabaseKeepsServingWhenANewOneIsRenamedOverIt() throws IOException {
        try (KensaDatabase db = KensaDatabase.open(good)) {
            Path other = dir.resolve("other.db");
            Files.write(other, new byte[]{1, 2, 3});
            Files.move(other, good, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            assertThat(db.javaIndex().bySha1("66fdc6bbaba2fd7242046131895353d9669a19ad")).isPresent();
        }
    }
}
