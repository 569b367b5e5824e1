package io.kensa.analyze.pkg.rpm;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.pkg.rpm.ndb.NdbPackagesReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Damaged NDB files, made by patching the real SLES 15 {@code Packages.db} (one slot page; slot 2 holds package
 * index 1 at block 256, 260 blocks; 35 packages). A damaged file header or slot page fails the file; a damaged
 * slot or blob skips that package with a warning.
 */
@Timeout(10)
class HostileNdbTest {
    private static final int SLOT2 = 2 * 16;
    private static final int SLOT3 = 3 * 16;

    @TempDir
    Path tmp;

    private static Patch sles() throws Exception {
        return Patch.of(TestData.slesNdb());
    }

    private RecordingSink read(byte[] bytes) throws Exception {
        return RecordingSink.read(new NdbPackagesReader(), Files.write(Files.createTempFile(tmp, "Packages", ".db"), bytes));
    }

    private void assertRejected(byte[] bytes, String message) {
        assertThatThrownBy(() -> read(bytes)).isInstanceOf(RpmDbFormatException.class).hasMessageContaining(message);
    }

    private void assertOneSkipped(Patch patch, String message) throws Exception {
        RecordingSink sink = read(patch.bytes());
        assertThat(sink.blobs).hasSize(34);
        assertThat(sink.skipped).singleElement().asString().contains(message);
    }

    @Test
    void patchOffsetsAreRight() throws Exception {
        Patch p = sles();
        assertThat(p.readU32(SLOT2 + 4)).isEqualTo(1);
        assertThat(p.readU32(SLOT2 + 8)).isEqualTo(256);
        assertThat(p.readU32(SLOT2 + 12)).isEqualTo(260);
    }

    @Test
    void slotPointingPastTheEndIsSkipped() throws Exception {
        assertOneSkipped(sles().u32(SLOT2 + 8, 0x7fffffffL),
                "NDB slot 2 points to blocks 2147483647+260, outside the blob area 256..85884");
        assertOneSkipped(sles().u32(SLOT2 + 8, 85884 - 100), "NDB slot 2 points to blocks 85784+260");
        assertOneSkipped(sles().u32(SLOT3 + 12, 0xffffffffL), "NDB slot 3 points to blocks 516+4294967295");
        assertOneSkipped(sles().u32(SLOT2 + 8, 0), "NDB slot 2 points to blocks 0+260");
        assertOneSkipped(sles().u32(SLOT2 + 12, 1), "NDB slot 2 points to blocks 256+1");
    }

    @Test
    void slotPointingPastTheEndIsAWarningForTheAnalyzer() throws Exception {
        Path db = sles().u32(SLOT2 + 8, 0x7fffffffL).write(tmp, "Packages.db");
        FileResult result = new RpmDbAnalyzer().analyze(TestFileEntry.of(db, "usr/lib/sysimage/rpm/Packages.db"));
        assertThat(result.packages()).hasSize(34).extracting(p -> p.name()).doesNotContain("system-user-root");
        assertThat(result.warnings()).containsExactly("skipped record: NDB slot 2 points to blocks 2147483647+260,"
                + " outside the blob area 256..85884");
    }

    @Test
    void damagedBlobsAreSkipped() throws Exception {
        long blob = 256L * 16;
        assertOneSkipped(sles().u8(blob + 100, 0x55), "NDB slot 2 (package index 1): blob checksum mismatch");
        assertOneSkipped(sles().u32(blob, 0), "bad blob header magic");
        assertOneSkipped(sles().u32(blob + 4, 7), "blob belongs to package index 7");
        assertOneSkipped(sles().u32(blob + 12, 0xffffffffL), "blob length 4294967295 does not match the slot's 260 blocks");
        assertOneSkipped(sles().u32(blob + 260 * 16 - 4, 0), "bad blob tail");
        assertOneSkipped(sles().u32(blob + 260 * 16 - 8, 1), "bad blob tail");
    }

    @Test
    void damagedFileHeaderOrSlotPageFailsTheFile() throws Exception {
        assertRejected(sles().u32(12, 0xffffffffL).bytes(),
                "NDB header declares 4294967295 slot pages of 4096 bytes, file has 1374144 bytes");
        assertRejected(sles().u32(12, 0).bytes(), "NDB header declares 0 slot pages");
        assertRejected(sles().u32(4, 1).bytes(), "unsupported NDB version 1");
        assertRejected(sles().u32(7 * 16, 0).bytes(), "NDB slot 7 has a bad magic number");
        assertRejected(sles().truncated(20), "file of 20 bytes is too short for an NDB header");
        assertRejected(sles().truncated(3000), "NDB header declares 1 slot pages of 4096 bytes, file has 3000 bytes");
        assertRejected(sles().u32(0, 0x496d7052).bytes(), "not an NDB package database: magic 0x496d7052");
    }

    @Test
    void truncatedFileKeepsTheBlobsBeforeTheCut() throws Exception {
        RecordingSink sink = read(sles().truncated(700_000));
        assertThat(sink.blobs).isNotEmpty().hasSizeLessThan(35);
        assertThat(sink.blobs.size() + sink.skipped.size()).isEqualTo(35);
        assertThat(sink.skipped).allSatisfy(s -> assertThat(s).contains("outside the blob area 256..43750"));
        assertThat(sink.rows()).allSatisfy(r -> assertThat(r.name()).isNotBlank());
    }
}
