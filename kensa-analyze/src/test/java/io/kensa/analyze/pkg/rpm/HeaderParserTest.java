package io.kensa.analyze.pkg.rpm;

import io.kensa.analyze.pkg.rpm.header.HeaderParser;
import io.kensa.analyze.pkg.rpm.header.MalformedHeaderException;
import io.kensa.analyze.pkg.rpm.header.RpmHeader;
import io.kensa.analyze.pkg.rpm.header.RpmTag;
import io.kensa.analyze.pkg.rpm.header.RpmTagType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The header blob parser: the layout rpm stores, region handling, and rejection of every out-of-range field. */
@Timeout(10)
class HeaderParserTest {
    private static final int NAME = RpmTag.NAME;
    private static final byte[] DATA = "bash\0".getBytes(StandardCharsets.US_ASCII);

    @Test
    void readsStringsIntegersAndTheFirstElementOfArrays() throws Exception {
        RpmHeader h = HeaderParser.parse(HeaderBlobBuilder.pkg("bash", "5.1.8", "1.cm2")
                .int32(RpmTag.EPOCH, 7, 8)
                .stringArray(1027, "/usr/bin/bash", "/usr/bin/sh")
                .i18n(RpmTag.LICENSE, "GPLv3+", "GPLv3+ (de)")
                .string(RpmTag.MODULARITYLABEL, "perl:5.26:820181219174508:9edba152").build());
        assertThat(h.string(NAME)).contains("bash");
        assertThat(h.string(RpmTag.VERSION)).contains("5.1.8");
        assertThat(h.string(RpmTag.RELEASE)).contains("1.cm2");
        assertThat(h.uint32(RpmTag.EPOCH)).hasValue(7);
        assertThat(h.string(1027)).contains("/usr/bin/bash");
        assertThat(h.string(RpmTag.LICENSE)).contains("GPLv3+");
        assertThat(h.string(RpmTag.MODULARITYLABEL)).contains("perl:5.26:820181219174508:9edba152");
        assertThat(h.string(RpmTag.VENDOR)).isEmpty();
        assertThat(h.uint32(RpmTag.VENDOR)).isEmpty();
        assertThat(h.tags()).doesNotContain(RpmTag.HEADERIMMUTABLE).contains(NAME, RpmTag.EPOCH);
    }

    @Test
    void epochIsUnsigned() throws Exception {
        RpmHeader h = HeaderParser.parse(HeaderBlobBuilder.pkg("a", "1", "1").int32(RpmTag.EPOCH, -1).build());
        assertThat(h.uint32(RpmTag.EPOCH)).hasValue(4294967295L);
    }

    @Test
    void dribbleEntriesReplaceRegionEntries() throws Exception {
        RpmHeader h = HeaderParser.parse(HeaderBlobBuilder.pkg("a", "1", "1").string(RpmTag.VENDOR, "old")
                .dribbleString(RpmTag.VENDOR, "new").dribbleString(RpmTag.LICENSE, "MIT").build());
        assertThat(h.string(RpmTag.VENDOR)).contains("new");
        assertThat(h.string(RpmTag.LICENSE)).contains("MIT");
    }

    @Test
    void headerWithoutRegionIsRead() throws Exception {
        byte[] blob = HeaderBlobBuilder.raw(1, DATA.length, new int[][] {{NAME, RpmTagType.STRING, 0, 1}}, DATA);
        assertThat(HeaderParser.parse(blob).string(NAME)).contains("bash");
    }

    @Test
    void trailingBytesAfterTheDataStoreAreIgnored() throws Exception {
        byte[] blob = HeaderBlobBuilder.raw(1, DATA.length, new int[][] {{NAME, RpmTagType.STRING, 0, 1}}, DATA);
        assertThat(HeaderParser.parse(Arrays.copyOf(blob, blob.length + 3)).string(NAME)).contains("bash");
    }

    @Test
    void indexCountOf2Pow31IsRejectedWithoutAllocating() {
        byte[] blob = ByteBuffer.allocate(8).putInt(0x80000000).putInt(16).array();
        assertMalformed(blob, "header index entry count 2147483648 out of range 1..65535");
    }

    @Test
    void indexCountsOutOfRange() {
        assertMalformed(ByteBuffer.allocate(8).putInt(0).putInt(0).array(), "index entry count 0 out of range");
        assertMalformed(ByteBuffer.allocate(8).putInt(0x10000).putInt(0).array(), "index entry count 65536");
        assertMalformed(ByteBuffer.allocate(8).putInt(-1).putInt(0).array(), "index entry count 4294967295");
    }

    @Test
    void indexCountLargerThanTheBlob() {
        assertMalformed(ByteBuffer.allocate(8 + 16).putInt(0xffff).putInt(0).array(),
                "header blob truncated: 65535 index entries and 0 data bytes need 1048568 bytes, blob has 24");
    }

    @Test
    void dataLengthOutOfRange() {
        assertMalformed(ByteBuffer.allocate(24).putInt(1).putInt(0x7fffffff).array(), "header data length 2147483647");
        assertMalformed(ByteBuffer.allocate(24).putInt(1).putInt(-1).array(), "header data length 4294967295");
        assertMalformed(ByteBuffer.allocate(24).putInt(1).putInt(100).array(), "header blob truncated");
    }

    @Test
    void blobShorterThanThePreamble() {
        assertMalformed(new byte[0], "header blob too short: 0 bytes");
        assertMalformed(new byte[7], "header blob too short: 7 bytes");
    }

    @Test
    void dataOffsetsOutOfRange() {
        assertMalformed(HeaderBlobBuilder.raw(1, DATA.length, new int[][] {{NAME, RpmTagType.STRING, 5, 1}}, DATA),
                "(tag 1000) data offset 5 outside the data store of 5 bytes");
        assertMalformed(HeaderBlobBuilder.raw(1, DATA.length, new int[][] {{NAME, RpmTagType.STRING, -4, 1}}, DATA),
                "data offset -4 outside");
        assertMalformed(HeaderBlobBuilder.raw(1, DATA.length,
                new int[][] {{NAME, RpmTagType.STRING, Integer.MAX_VALUE, 1}}, DATA), "data offset 2147483647");
    }

    @Test
    void elementCountsOutOfRange() {
        assertMalformed(HeaderBlobBuilder.raw(1, DATA.length, new int[][] {{NAME, RpmTagType.STRING_ARRAY, 0, 0}},
                DATA), "element count 0 out of range 1..5");
        assertMalformed(HeaderBlobBuilder.raw(1, DATA.length, new int[][] {{NAME, RpmTagType.STRING_ARRAY, 0, -1}},
                DATA), "element count 4294967295 out of range");
    }

    @Test
    void unknownType() {
        assertMalformed(HeaderBlobBuilder.raw(1, DATA.length, new int[][] {{NAME, 10, 0, 1}}, DATA),
                "has unknown type 10");
        assertMalformed(HeaderBlobBuilder.raw(1, DATA.length, new int[][] {{NAME, -1, 0, 1}}, DATA),
                "has unknown type -1");
    }

    @Test
    void stringWithoutNulFailsWhenRead() throws Exception {
        byte[] data = "bash".getBytes(StandardCharsets.US_ASCII);
        RpmHeader h = HeaderParser.parse(HeaderBlobBuilder.raw(1, data.length,
                new int[][] {{NAME, RpmTagType.STRING, 0, 1}}, data));
        assertThatThrownBy(() -> h.string(NAME)).isInstanceOf(MalformedHeaderException.class)
                .hasMessage("tag 1000: string at offset 0 is not NUL-terminated within the data store");
    }

    @Test
    void int32RunningPastTheDataStoreFailsWhenRead() throws Exception {
        RpmHeader h = HeaderParser.parse(HeaderBlobBuilder.raw(1, 6,
                new int[][] {{RpmTag.EPOCH, RpmTagType.INT32, 4, 1}}, new byte[6]));
        assertThatThrownBy(() -> h.uint32(RpmTag.EPOCH)).isInstanceOf(MalformedHeaderException.class)
                .hasMessageContaining("INT32 at offset 4 runs past the data store of 6 bytes");
    }

    @Test
    void wrongTypesFailWhenRead() throws Exception {
        RpmHeader h = HeaderParser.parse(HeaderBlobBuilder.raw(2, 8, new int[][] {
                {NAME, RpmTagType.INT32, 0, 1}, {RpmTag.EPOCH, RpmTagType.STRING, 4, 2}}, "\0\0\0\0abc\0".getBytes(
                StandardCharsets.US_ASCII)));
        assertThatThrownBy(() -> h.string(NAME)).isInstanceOf(MalformedHeaderException.class)
                .hasMessage("tag 1000 has type 4, expected a string type");
        assertThatThrownBy(() -> h.uint32(RpmTag.EPOCH)).isInstanceOf(MalformedHeaderException.class)
                .hasMessage("tag 1003 has type 6, expected 4 (INT32)");
        assertThatThrownBy(() -> h.string(RpmTag.EPOCH)).isInstanceOf(MalformedHeaderException.class)
                .hasMessage("tag 1003: STRING with count 2, expected 1");
    }

    @Test
    void regionTrailerMustMatch() {
        byte[] good = HeaderBlobBuilder.pkg("a", "1", "1").build();
        ByteBuffer b = ByteBuffer.wrap(good.clone());
        int il = b.getInt(0);
        int trailerAt = 8 + 16 * il + b.getInt(8 + 8);

        ByteBuffer badTag = ByteBuffer.wrap(good.clone()).putInt(trailerAt, 62);
        assertMalformed(badTag.array(), "header region trailer (tag 62, type 7, count 16) does not match region tag 63");

        ByteBuffer tooManyEntries = ByteBuffer.wrap(good.clone()).putInt(trailerAt + 8, -16 * (il + 1));
        assertMalformed(tooManyEntries.array(), "header region size " + 16 * (il + 1));

        ByteBuffer notAMultiple = ByteBuffer.wrap(good.clone()).putInt(trailerAt + 8, -17);
        assertMalformed(notAMultiple.array(), "header region size 17 is not a whole number of entries");

        ByteBuffer positive = ByteBuffer.wrap(good.clone()).putInt(trailerAt + 8, 16);
        assertMalformed(positive.array(), "header region size -16");

        ByteBuffer trailerOutside = ByteBuffer.wrap(good.clone()).putInt(8 + 8, b.getInt(4) - 15);
        assertMalformed(trailerOutside.array(), "header region trailer at offset " + (b.getInt(4) - 15) + " outside");

        ByteBuffer regionType = ByteBuffer.wrap(good.clone()).putInt(8 + 4, RpmTagType.INT32);
        assertMalformed(regionType.array(), "header region tag 63 has type 4 and count 16, expected type 7 (BIN)");
    }

    @Test
    void legacySignatureTrailerIsAccepted() throws Exception {
        byte[] blob = HeaderBlobBuilder.pkg("a", "1", "1").build();
        ByteBuffer b = ByteBuffer.wrap(blob);
        int trailerAt = 8 + 16 * b.getInt(0) + b.getInt(16);
        b.putInt(8, RpmTag.HEADERSIGNATURES).putInt(trailerAt, RpmTag.HEADERIMAGE);
        assertThat(HeaderParser.parse(blob).string(NAME)).contains("a");
    }

    @Test
    void realHeadersOfEveryCorpusDatabaseParse() throws Exception {
        int count = 0;
        for (var reader : RpmDbFormat.values()) {
            var db = switch (reader) {
                case BERKELEY_DB -> TestData.ubi8Bdb();
                case NDB -> TestData.slesNdb();
                case SQLITE -> TestData.marinerSqlite();
            };
            for (RecordingSink.Blob blob : RecordingSink.read(reader.reader(), db).blobs) {
                RpmHeader h = HeaderParser.parse(blob.data());
                assertThat(h.entry(RpmTag.NAME)).isPresent();
                assertThat(h.string(RpmTag.NAME)).isNotEmpty();
                count++;
            }
        }
        assertThat(count).isEqualTo(129 + 35 + 1);
    }

    private static void assertMalformed(byte[] blob, String message) {
        assertThatThrownBy(() -> HeaderParser.parse(blob)).isInstanceOf(MalformedHeaderException.class)
                .hasMessageContaining(message);
    }
}
