package io.kensa.analyze.pkg.rpm;

import io.kensa.analyze.pkg.rpm.bdb.BdbHashFile;
import io.kensa.analyze.pkg.rpm.bdb.BdbMeta;
import io.kensa.analyze.pkg.rpm.bdb.BdbPackagesReader;
import io.kensa.analyze.pkg.rpm.bdb.BdbStats;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole BerkeleyDB {@code Packages} database: the 129 real headers of the CBL-Mariner 2 rpmdb, loaded with
 * Debian's {@code db5.3_load} into hash databases of several page sizes and both byte orders. Debian's
 * {@code rpm --define '_db_backend bdb_ro' -qa} lists them, and Kensa's reader must list exactly the same, in
 * the same order, with vendor and modularity label too.
 */
@Timeout(120)
class BdbWholeDatabaseTest {
    private static final int PACKAGES = 129;

    @TempDir
    static Path work;
    private static List<BdbFixtures.Pair> headers;
    private static List<BdbFixtures.Pair> headersBigEndianHost;

    @BeforeAll
    static void readHeaders() throws Exception {
        ExternalTools.requireRpm();
        ExternalTools.requireDbUtils();
        headers = BdbFixtures.sqliteRpmPairs(TestData.marinerSqlite(), ByteOrder.LITTLE_ENDIAN);
        headersBigEndianHost = BdbFixtures.sqliteRpmPairs(TestData.marinerSqlite(), ByteOrder.BIG_ENDIAN);
        assertThat(headers).hasSize(PACKAGES);
    }

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("64k-le", List.of("db_pagesize=65536"), ByteOrder.LITTLE_ENDIAN, 65536),
                Arguments.of("4k-le", List.of("db_pagesize=4096", "db_lorder=1234"), ByteOrder.LITTLE_ENDIAN, 4096),
                Arguments.of("512-be", List.of("db_pagesize=512", "db_lorder=4321"), ByteOrder.BIG_ENDIAN, 512),
                Arguments.of("16k-be", List.of("db_pagesize=16384", "db_lorder=4321"), ByteOrder.BIG_ENDIAN, 16384));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void readerEqualsRpm(String name, List<String> options, ByteOrder order, int pageSize) throws Exception {
        Path dir = Files.createDirectories(work.resolve(name));
        Path db = dir.resolve("Packages");
        // a big-endian database is written by a big-endian host, whose instance keys are big-endian too
        List<BdbFixtures.Pair> records = new ArrayList<>(order == ByteOrder.BIG_ENDIAN ? headersBigEndianHost : headers);
        records.addFirst(BdbFixtures.rpmInstanceZero(PACKAGES, order));
        BdbFixtures.load(db, records, options, work);

        try (BdbHashFile file = BdbHashFile.open(db)) {
            BdbMeta meta = file.meta();
            assertThat(meta.order()).isEqualTo(order);
            assertThat(meta.pageSize()).isEqualTo(pageSize);
        }

        List<RpmRow> rpm = RpmRow.parseLines(
                ExternalTools.rpmQueryAll(dir, "bdb_ro", RpmRow.QUERY_FORMAT_FULL, work), false);
        assertThat(rpm).as("rpm lists every package").hasSize(PACKAGES);

        RecordingSink sink = RecordingSink.read(new BdbPackagesReader(), db);
        assertThat(sink.skipped).isEmpty();
        assertThat(sink.rows()).as("same packages, all fields, in rpm's order").containsExactlyElementsOf(rpm);
        assertThat(sink.blobs).extracting(b -> b.instance())
                .containsExactlyInAnyOrderElementsOf(Stream.iterate(1L, i -> i + 1).limit(PACKAGES).toList());

        List<RpmRow> groundTruth = RpmRow.readTsv(TestData.rpmQa(TestData.MARINER));
        assertThat(sink.basicRows().stream().sorted(Comparator.comparing(RpmRow::toString)).toList())
                .as("and the corpus ground truth").containsExactlyElementsOf(groundTruth);
    }

    @Test
    void largePagesKeepSmallHeadersOnPageAndOverflowLargeOnes() throws Exception {
        BdbStats stats = loadAndWalk("stats-64k", List.of("db_pagesize=65536"));
        assertThat(stats.pairs()).isEqualTo(PACKAGES + 1);
        assertThat(stats.overflowValues()).as("headers on overflow pages").isBetween(1L, PACKAGES - 1L);
        assertThat(stats.onPageDuplicates() + stats.offPageDuplicates()).isZero();
    }

    @Test
    void smallPagesPutEveryHeaderOnOverflowPages() throws Exception {
        BdbStats stats = loadAndWalk("stats-512", List.of("db_pagesize=512", "db_lorder=4321"));
        assertThat(stats.overflowValues()).isEqualTo(PACKAGES);
        assertThat(stats.hashPages()).isGreaterThan(1);
    }

    @Test
    void checksummedPagesAreReadLikeDbDump() throws Exception {
        // Debian's rpm bdb_ro cannot read checksummed databases; db5.3_dump is the reference here.
        Path db = work.resolve("Packages-checksum");
        BdbFixtures.load(db, headers, List.of("db_pagesize=4096", "chksum=1"), work);
        try (BdbHashFile file = BdbHashFile.open(db)) {
            assertThat(file.meta().pageHeaderSize()).isEqualTo(32);
        }
        assertThat(BdbPairsTest.walk(db)).containsExactlyInAnyOrderElementsOf(
                BdbFixtures.dump(db, work).stream().map(BdbPairsTest::hex).toList());
        RecordingSink sink = RecordingSink.read(new BdbPackagesReader(), db);
        assertThat(sink.basicRows().stream().sorted(Comparator.comparing(RpmRow::toString)).toList())
                .containsExactlyElementsOf(RpmRow.readTsv(TestData.rpmQa(TestData.MARINER)));
    }

    private static BdbStats loadAndWalk(String name, List<String> options) throws Exception {
        Path db = work.resolve(name);
        List<BdbFixtures.Pair> records = new ArrayList<>(headers);
        records.add(BdbFixtures.rpmInstanceZero(PACKAGES, ByteOrder.LITTLE_ENDIAN));
        BdbFixtures.load(db, records, options, work);
        try (BdbHashFile file = BdbHashFile.open(db)) {
            return file.read((k, v) -> { });
        }
    }
}
