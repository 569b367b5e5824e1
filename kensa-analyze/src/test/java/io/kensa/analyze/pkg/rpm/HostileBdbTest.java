package io.kensa.analyze.pkg.rpm;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.pkg.rpm.bdb.BdbPackagesReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Damaged BerkeleyDB files, made by patching the real RHEL 8 {@code Packages} (little-endian, 4096-byte pages;
 * page 1 = bucket 0 with rpm's record 0, page 2 = bucket 1 with the header's off-page item, pages 3..22 its
 * overflow chain). Each is rejected with a clear message, quickly.
 */
@Timeout(10)
class HostileBdbTest {
    private static final int PAGE = 4096;
    private static final int NEXT = 16;
    private static final int ENTRIES = 20;
    private static final int HF_OFFSET = 22;
    private static final int TYPE = 25;
    /** Offset of the header's H_OFFPAGE item on page 2. */
    private static final int OFFPAGE_ITEM = 2 * PAGE + 4079;

    @TempDir
    Path tmp;

    private static Patch ubi8() throws Exception {
        return Patch.of(TestData.ubi8Bdb());
    }

    private static long page(int n) {
        return (long) n * PAGE;
    }

    private void assertRejected(Patch patch, String message) throws Exception {
        assertRejected(patch.bytes(), message);
    }

    private void assertRejected(byte[] bytes, String message) throws Exception {
        Path db = Files.write(Files.createTempFile(tmp, "Packages", ""), bytes);
        assertThatThrownBy(() -> RecordingSink.read(new BdbPackagesReader(), db))
                .isInstanceOf(RpmDbFormatException.class).hasMessageContaining(message);
    }

    @Test
    void patchOffsetsAreRight() throws Exception {
        Patch p = ubi8();
        assertThat(p.readU32(OFFPAGE_ITEM + 4)).as("first overflow page").isEqualTo(3);
        assertThat(p.readU32(OFFPAGE_ITEM + 8)).as("header length").isEqualTo(80880);
        assertThat(p.readU32(page(22) + NEXT)).as("end of chain").isZero();
        assertThat(p.bytes()[(int) page(5) + TYPE]).isEqualTo((byte) 7);
    }

    @Test
    void overflowChainCycleBackToItsStart() throws Exception {
        assertRejected(ubi8().u32(page(22) + NEXT, 3), "overflow chain starting at page 3 loops back to page 3");
    }

    @Test
    void overflowChainCycleInTheMiddle() throws Exception {
        assertRejected(ubi8().u32(page(10) + NEXT, 5), "overflow chain starting at page 3 loops back to page 5");
    }

    @Test
    void overflowChainCycleIsAWarningForTheAnalyzer() throws Exception {
        Path db = ubi8().u32(page(22) + NEXT, 3).write(tmp, "Packages");
        FileResult result = new RpmDbAnalyzer().analyze(TestFileEntry.of(db, "var/lib/rpm/Packages"));
        assertThat(result.packages()).isEmpty();
        assertThat(result.warnings()).containsExactly(
                "damaged rpm BerkeleyDB database: overflow chain starting at page 3 loops back to page 3");
    }

    @Test
    void overflowChainReachingAHashPage() throws Exception {
        assertRejected(ubi8().u32(page(5) + NEXT, 1),
                "overflow chain starting at page 3 reaches page 1 of type 13, expected 7 (overflow)");
    }

    @Test
    void overflowChainPastTheLastPage() throws Exception {
        assertRejected(ubi8().u32(page(5) + NEXT, 9999), "page number 9999 outside the database's pages 1..22");
        assertRejected(ubi8().u32(OFFPAGE_ITEM + 4, 0xffffffffL), "page number 4294967295 outside");
    }

    @Test
    void overflowItemLengthsThatDisagreeWithTheChain() throws Exception {
        assertRejected(ubi8().u32(OFFPAGE_ITEM + 8, 0xffffffffL),
                "overflow item at page 3 declares 4294967295 bytes, more than the limit of");
        assertRejected(ubi8().u32(OFFPAGE_ITEM + 8, 100), "holds more than the item's 100 bytes");
        assertRejected(ubi8().u32(OFFPAGE_ITEM + 8, 80881), "ends after 80880 of the item's 80881 bytes");
        assertRejected(ubi8().u16(page(4) + HF_OFFSET, 5000), "overflow page 4 claims 5000 data bytes");
    }

    @Test
    void bucketChainCycles() throws Exception {
        assertRejected(ubi8().u32(page(1) + NEXT, 1),
                "hash bucket 0 reaches page 1, which an earlier bucket page already used");
        assertRejected(ubi8().u32(page(1) + NEXT, 2),
                "hash bucket 1 reaches page 2, which an earlier bucket page already used");
    }

    @Test
    void bucketPageOfTheWrongType() throws Exception {
        assertRejected(ubi8().u8(page(1) + TYPE, 7), "hash bucket 0 reaches page 1 of type 7, expected a hash page");
    }

    @Test
    void sparesPointingOutsideTheFile() throws Exception {
        assertRejected(ubi8().u32(96, 10000), "page number 10000 outside");
    }

    @Test
    void hashPageItemIndexOutOfRange() throws Exception {
        assertRejected(ubi8().u16(page(2) + ENTRIES, 0xfffe), "page 2: 65534 items do not fit a page of 4096 bytes");
        assertRejected(ubi8().u16(page(2) + ENTRIES, 3), "hash page 2 has an odd number of items (3)");
        assertRejected(ubi8().u16(page(2) + 26 + 2, 5000), "page 2: item 1 offset 5000 outside the item area 30..4096");
        assertRejected(ubi8().u16(page(2) + 26 + 2, 4091), "item 1 at offset 4091 overlaps the previous item at 4091");
        assertRejected(ubi8().u16(page(2) + 26 + 2, 4088).u8(page(2) + 4088, 3), "item at offset 4088 is 3 bytes, too short for its type");
        assertRejected(ubi8().u8(OFFPAGE_ITEM, 9), "data item at offset 4079 has unknown type 9");
        assertRejected(ubi8().u8(page(2) + 4091, 2), "key item at offset 4091 has type 2");
    }

    @Test
    void metadataProblems() throws Exception {
        assertRejected(ubi8().truncated(50000),
                "BerkeleyDB file truncated: last page 22 of 4096 bytes needs 94208 bytes, file has 50000");
        assertRejected(ubi8().truncated(100), "file of 100 bytes is too short for a BerkeleyDB metadata page");
        assertRejected(ubi8().u32(20, 1000), "invalid BerkeleyDB page size 1000");
        assertRejected(ubi8().u32(20, 1 << 17), "invalid BerkeleyDB page size 131072");
        assertRejected(ubi8().u8(24, 1), "encrypted BerkeleyDB database");
        assertRejected(ubi8().u8(25, 9), "BerkeleyDB metadata page has type 9, expected 8 (hash metadata)");
        assertRejected(ubi8().u32(16, 5), "unsupported BerkeleyDB hash version 5");
        assertRejected(ubi8().u32(72, 0xffffffffL), "max bucket 4294967295 is impossible in a file of 23 pages");
        assertRejected(ubi8().u32(32, 0xffffffffL), "BerkeleyDB file truncated: last page 4294967295");
        assertRejected(ubi8().u32(12, 0x053162), "BerkeleyDB btree database, expected a hash database");
        assertRejected(ubi8().u32(12, Integer.reverseBytes(0x042253)), "BerkeleyDB queue database");
        assertRejected(ubi8().u32(12, 0x12345678), "not a BerkeleyDB database: magic 0x12345678 at offset 12");
    }

    @Test
    void realBtreeDatabaseIsRejected() throws Exception {
        ExternalTools.requireDbUtils();
        Path dump = Files.writeString(tmp.resolve("dump.txt"),
                "VERSION=3\nformat=bytevalue\ntype=btree\nHEADER=END\n 01000000\n 00\nDATA=END\n");
        Path db = tmp.resolve("btree");
        ExternalTools.run(List.of(ExternalTools.DB_LOAD, "-f", dump.toString(), db.toString()), tmp);
        assertThatThrownBy(() -> RecordingSink.read(new BdbPackagesReader(), db))
                .isInstanceOf(RpmDbFormatException.class)
                .hasMessage("BerkeleyDB btree database, expected a hash database");
    }
}
