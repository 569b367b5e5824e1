package io.kensa.analyze.pkg.rpm;

import io.kensa.analyze.AnalyzerRegistry;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;
import io.kensa.core.Package;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The analyzer over the real databases at their image paths, and its handling of files that are not databases. */
@Timeout(60)
class RpmDbAnalyzerTest {
    private final RpmDbAnalyzer analyzer = new RpmDbAnalyzer();

    @TempDir
    Path tmp;

    @Test
    void identity() {
        assertThat(analyzer.id()).isEqualTo("rpm");
        assertThat(analyzer.version()).isEqualTo(2);
        assertThat(AnalyzerRegistry.defaults().analyzers()).hasAtLeastOneElementOfType(RpmDbAnalyzer.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"var/lib/rpm/Packages", "var/lib/rpm/Packages.db", "var/lib/rpm/rpmdb.sqlite",
            "usr/lib/sysimage/rpm/Packages", "usr/lib/sysimage/rpm/Packages.db", "usr/lib/sysimage/rpm/rpmdb.sqlite",
            "usr/share/rpm/Packages", "usr/share/rpm/Packages.db", "usr/share/rpm/rpmdb.sqlite"})
    void wantsEveryRpmDatabaseLocation(String path) {
        assertThat(analyzer.wants(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/var/lib/rpm/Packages", "var/lib/rpm/Name", "var/lib/rpm/Index.db",
            "var/lib/rpm/rpmdb.sqlite-shm", "var/lib/rpm/rpmdb.sqlite-wal", "var/lib/rpm/Packages.bak",
            "opt/var/lib/rpm/Packages", "var/lib/rpm", "var/lib/dpkg/status", "Packages", "usr/lib/rpm/Packages"})
    void ignoresOtherFiles(String path) {
        assertThat(analyzer.wants(path)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"mariner2-sqlite, rpmdb.sqlite, var/lib/rpm/rpmdb.sqlite, 129",
            "sles15-ndb, Packages.db, usr/lib/sysimage/rpm/Packages.db, 35",
            "ubi8-bdb, Packages, var/lib/rpm/Packages, 1"})
    void packagesMatchTheCorpusGroundTruth(String dir, String file, String imagePath, int count) throws Exception {
        FileResult result = analyzer.analyze(TestFileEntry.of(TestData.file(dir, file), imagePath));

        assertThat(result.analyzer()).isEqualTo("rpm");
        assertThat(result.path()).isEqualTo(imagePath);
        assertThat(result.warnings()).isEmpty();
        assertThat(result.packages()).hasSize(count);
        assertThat(result.packages()).allSatisfy(p -> {
            assertThat(p.type()).isEqualTo("rpm");
            assertThat(p.paths()).containsExactly(imagePath);
            assertThat(p.purl()).isNull();
            assertThat(p.layer()).isNull();
        });
        // packages.tsv: name, version, source, source_version, architecture
        List<String> expected = Files.readAllLines(TestData.file(dir, "packages.tsv")).stream().skip(1).sorted().toList();
        List<String> actual = result.packages().stream().map(p -> String.join("\t", p.name(), p.version(),
                p.source().name(), p.source().version(), p.arch())).sorted().toList();
        assertThat(actual).containsExactlyElementsOf(expected);
        // licenses: the LICENSE column of rpm-qa.tsv
        Map<String, String> licenses = RpmRow.readTsv(TestData.rpmQa(dir)).stream()
                .collect(Collectors.toMap(RpmRow::name, RpmRow::license));
        assertThat(result.packages()).allSatisfy(p -> assertThat(p.licenses()).containsExactly(licenses.get(p.name())));
    }

    @Test
    void vendorAndModularityLabelMatchRpm() throws Exception {
        ExternalTools.requireRpm();
        Path dbDir = Files.createDirectories(tmp.resolve("db"));
        Files.copy(TestData.marinerSqlite(), dbDir.resolve("rpmdb.sqlite"));
        List<RpmRow> rpm = RpmRow.parseLines(ExternalTools.rpmQueryAll(dbDir, "sqlite", RpmRow.QUERY_FORMAT_FULL, tmp),
                false);
        assertThat(rpm).hasSize(129);

        FileResult result = analyzer.analyze(TestFileEntry.of(TestData.marinerSqlite(), "var/lib/rpm/rpmdb.sqlite"));
        Map<String, RpmRow> byName = rpm.stream().collect(Collectors.toMap(RpmRow::name, r -> r));
        assertThat(result.packages()).hasSize(129).allSatisfy(p -> {
            RpmRow row = byName.get(p.name());
            assertThat(p.vendor()).isEqualTo(row.vendor());
            assertThat(p.modularityLabel()).isNull();
            assertThat(row.modularityLabel()).isEqualTo("(none)");
        });
        assertThat(result.packages()).extracting(Package::vendor).containsOnly("Microsoft Corporation");
    }

    @Test
    void formatIsDetectedFromContentNotName() throws Exception {
        FileResult ndbAsPackages = analyzer.analyze(TestFileEntry.of(TestData.slesNdb(), "var/lib/rpm/Packages"));
        assertThat(ndbAsPackages.packages()).hasSize(35);
        FileResult sqliteAsNdb = analyzer.analyze(TestFileEntry.of(TestData.marinerSqlite(), "usr/share/rpm/Packages.db"));
        assertThat(sqliteAsNdb.packages()).hasSize(129);
        FileResult bdbAsSqlite = analyzer.analyze(TestFileEntry.of(TestData.ubi8Bdb(), "usr/share/rpm/rpmdb.sqlite"));
        assertThat(bdbAsSqlite.packages()).extracting(Package::name).containsExactly("libuuid");
    }

    @Test
    void emptyFileHoldsNothing() throws Exception {
        assertThat(analyzer.analyze(TestFileEntry.of(new byte[0], "var/lib/rpm/Packages", tmp))).isNull();
    }

    @Test
    void unknownContentGivesAWarning() throws Exception {
        FileResult result = analyzer.analyze(TestFileEntry.of(
                "this is not a database at all".getBytes(StandardCharsets.US_ASCII), "var/lib/rpm/Packages", tmp));
        assertThat(result.packages()).isEmpty();
        assertThat(result.warnings()).containsExactly("not an rpm database: neither BerkeleyDB hash, NDB nor SQLite");
    }

    @Test
    void tooLargeFileIsNotCopied() throws Exception {
        FileEntry huge = new FileEntry() {
            public String path() {
                return "var/lib/rpm/Packages";
            }

            public long size() {
                return RpmDbAnalyzer.MAX_DB_SIZE + 1;
            }

            public int mode() {
                return 0644;
            }

            public InputStream open() {
                throw new AssertionError("must not be read");
            }

            public byte[] readAllBytes(long limit) {
                throw new AssertionError("must not be read");
            }

            public Path toTempFile(long limit) {
                throw new AssertionError("must not be read");
            }
        };
        FileResult result = analyzer.analyze(huge);
        assertThat(result.packages()).isEmpty();
        assertThat(result.warnings()).singleElement().asString().contains("exceeds the limit of 536870912 bytes");
    }

    @Test
    void sqliteDatabaseIsNeitherModifiedNorJoinedByJournalFiles() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("ro"));
        Path db = Files.copy(TestData.marinerSqlite(), dir.resolve("rpmdb.sqlite"));
        String before = sha256(db);
        long modified = Files.getLastModifiedTime(db).toMillis();

        RecordingSink sink = RecordingSink.read(RpmDbFormat.SQLITE.reader(), db);

        assertThat(sink.blobs).hasSize(129);
        assertThat(sha256(db)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(db).toMillis()).isEqualTo(modified);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("rpmdb.sqlite");
        }
    }

    @Test
    void packagesComeInDatabaseOrder() throws Exception {
        FileResult result = analyzer.analyze(TestFileEntry.of(TestData.marinerSqlite(), "var/lib/rpm/rpmdb.sqlite"));
        List<String> sorted = result.packages().stream().map(Package::name).sorted(Comparator.naturalOrder()).toList();
        assertThat(result.packages()).extracting(Package::name).as("hnum order, not sorted")
                .isNotEqualTo(sorted).containsExactlyInAnyOrderElementsOf(sorted);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
