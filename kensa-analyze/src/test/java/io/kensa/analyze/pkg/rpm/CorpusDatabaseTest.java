package io.kensa.analyze.pkg.rpm;

import io.kensa.analyze.pkg.rpm.bdb.BdbPackagesReader;
import io.kensa.analyze.pkg.rpm.ndb.NdbPackagesReader;
import io.kensa.analyze.pkg.rpm.sqlite.SqlitePackagesReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each reader over a real database of the corpus yields exactly the packages rpm 4.18 lists for it
 * ({@code rpm-qa.tsv}: name, epoch, version, release, arch, SOURCERPM, license).
 */
@Timeout(60)
class CorpusDatabaseTest {
    private static final Comparator<RpmRow> BY_NAME_THEN_ALL = Comparator.comparing(RpmRow::toString);

    @Test
    void sqliteMatchesRpm() throws IOException {
        RecordingSink sink = RecordingSink.read(new SqlitePackagesReader(), TestData.marinerSqlite());
        assertSameRows(sink, TestData.MARINER, 129);
        assertThat(sink.blobs).extracting(RecordingSink.Blob::instance)
                .as("hnum order, 1..129").containsExactlyElementsOf(
                        java.util.stream.LongStream.rangeClosed(1, 129).boxed().toList());
    }

    @Test
    void ndbMatchesRpm() throws IOException {
        RecordingSink sink = RecordingSink.read(new NdbPackagesReader(), TestData.slesNdb());
        assertSameRows(sink, TestData.SLES, 35);
    }

    @Test
    void bdbMatchesRpm() throws IOException {
        RecordingSink sink = RecordingSink.read(new BdbPackagesReader(), TestData.ubi8Bdb());
        assertSameRows(sink, TestData.UBI8, 1);
        assertThat(sink.blobs.getFirst().instance()).isEqualTo(1);
        assertThat(sink.blobs.getFirst().data()).as("the blob spans 20 overflow pages").hasSize(80880);
    }

    private static void assertSameRows(RecordingSink sink, String dir, int expectedCount) throws IOException {
        List<RpmRow> expected = RpmRow.readTsv(TestData.rpmQa(dir));
        assertThat(expected).hasSize(expectedCount);
        assertThat(sink.skipped).isEmpty();
        List<RpmRow> actual = sink.basicRows().stream().sorted(BY_NAME_THEN_ALL).toList();
        assertThat(actual).containsExactlyElementsOf(expected.stream().sorted(BY_NAME_THEN_ALL).toList());
    }
}
