package io.kensa.analyze.pkg.rpm;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.pkg.rpm.header.RpmTag;
import io.kensa.analyze.pkg.rpm.sqlite.SqlitePackagesReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Damaged or foreign SQLite files, and rpm SQLite databases holding damaged header blobs. */
@Timeout(20)
class HostileSqliteTest {
    @TempDir
    Path tmp;

    @Test
    void truncatedDatabaseIsRejected() throws Exception {
        byte[] bytes = Arrays.copyOf(Files.readAllBytes(TestData.marinerSqlite()), 100_000);
        Path db = Files.write(tmp.resolve("rpmdb.sqlite"), bytes);
        assertThatThrownBy(() -> RecordingSink.read(new SqlitePackagesReader(), db))
                .isInstanceOf(RpmDbFormatException.class).hasMessageStartingWith("unreadable rpm SQLite database: ");
        FileResult result = new RpmDbAnalyzer().analyze(TestFileEntry.of(db, "var/lib/rpm/rpmdb.sqlite"));
        assertThat(result.packages()).isEmpty();
        assertThat(result.warnings()).singleElement().asString()
                .startsWith("damaged rpm SQLite database: unreadable rpm SQLite database: ");
    }

    @Test
    void garbageAfterTheMagicIsRejected() throws Exception {
        byte[] bytes = new byte[8192];
        new java.util.Random(7).nextBytes(bytes);
        System.arraycopy("SQLite format 3\0".getBytes(), 0, bytes, 0, 16);
        Path db = Files.write(tmp.resolve("rpmdb.sqlite"), bytes);
        assertThatThrownBy(() -> RecordingSink.read(new SqlitePackagesReader(), db))
                .isInstanceOf(RpmDbFormatException.class);
    }

    @Test
    void sqliteWithoutPackagesTableIsNotAnRpmDatabase() throws Exception {
        Path db = tmp.resolve("other.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().execute("CREATE TABLE Names (key TEXT, hnum INTEGER)");
        }
        assertThatThrownBy(() -> RecordingSink.read(new SqlitePackagesReader(), db))
                .isInstanceOf(RpmDbFormatException.class)
                .hasMessage("SQLite database has no Packages table: not an rpm database");
    }

    @Test
    void damagedHeadersAreSkippedWithWarnings() throws Exception {
        Path db = tmp.resolve("rpmdb.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().execute("CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB)");
            try (PreparedStatement s = c.prepareStatement("INSERT INTO Packages (hnum, blob) VALUES (?, ?)")) {
                Object[][] rows = {
                        {1, HeaderBlobBuilder.pkg("good", "1.0", "1").string(RpmTag.SOURCERPM, "good-1.0-1.src.rpm")
                                .build()},
                        {2, ByteBuffer.allocate(8).putInt(0x80000000).putInt(0).array()},
                        {3, null},
                        {4, new HeaderBlobBuilder().string(RpmTag.VERSION, "1").string(RpmTag.RELEASE, "1").build()},
                        {5, "not a header".getBytes()}};
                for (Object[] row : rows) {
                    s.setInt(1, (Integer) row[0]);
                    s.setBytes(2, (byte[]) row[1]);
                    s.executeUpdate();
                }
            }
        }
        FileResult result = new RpmDbAnalyzer().analyze(TestFileEntry.of(db, "var/lib/rpm/rpmdb.sqlite"));
        assertThat(result.packages()).extracting(p -> p.name() + " " + p.version()).containsExactly("good 1.0-1");
        assertThat(result.warnings()).containsExactly(
                "skipped header 2: header index entry count 2147483648 out of range 1..65535",
                "skipped record: Packages row 3 has no blob",
                "skipped header 4: header has no NAME",
                "skipped header 5: header index entry count 1852797984 out of range 1..65535");
    }

    @Test
    void warningsAreCapped() throws Exception {
        Path db = tmp.resolve("rpmdb.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().execute("CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB)");
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO Packages (blob) VALUES (?)")) {
                for (int i = 0; i < 1000; i++) {
                    s.setBytes(1, new byte[] {1, 2, 3});
                    s.executeUpdate();
                }
            }
            c.commit();
        }
        FileResult result = new RpmDbAnalyzer().analyze(TestFileEntry.of(db, "var/lib/rpm/rpmdb.sqlite"));
        assertThat(result.packages()).isEmpty();
        assertThat(result.warnings()).hasSize(PackageCollector.MAX_WARNINGS + 1)
                .endsWith("980 more damaged records skipped");
    }
}
