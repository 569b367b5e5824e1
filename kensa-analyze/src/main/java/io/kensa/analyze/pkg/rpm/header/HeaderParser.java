package io.kensa.analyze.pkg.rpm.header;

import java.util.HashMap;
import java.util.Map;

/**
 * Parses an rpm header blob as the package database stores it: without the 8-byte magic/reserved prefix of a
 * header in an rpm file, i.e. {@code il} (index entry count) and {@code dl} (data length) as big-endian int32,
 * then {@code il} index entries of 16 bytes, then {@code dl} bytes of data.
 *
 * <p>Every count and offset is checked against the blob before it is used, so a hostile blob yields a
 * {@link MalformedHeaderException} and never an out-of-bounds access or a large allocation. Values are decoded
 * lazily by {@link RpmHeader}. A leading region entry ({@link RpmTag#HEADERIMMUTABLE} and friends) is validated
 * against its trailer and not exposed as a value; entries after the region ("dribbles", added by rpm at install
 * time) replace region entries with the same tag, as rpm itself does.
 */
public final class HeaderParser {
    /** rpm's limit on the number of index entries ({@code HEADER_TAGS_MAX}). */
    public static final int MAX_INDEX_ENTRIES = 0xffff;
    /** rpm's limit on the data store size ({@code HEADER_DATA_MAX}, 256 MiB). */
    public static final int MAX_DATA_LENGTH = 0x0fffffff;

    private static final int PREAMBLE = 8;
    private static final int ENTRY_SIZE = 16;
    private static final int REGION_TRAILER_SIZE = 16;

    private HeaderParser() {
    }

    public static RpmHeader parse(byte[] blob) throws MalformedHeaderException {
        if (blob.length < PREAMBLE) {
            throw new MalformedHeaderException("header blob too short: " + blob.length + " bytes, need at least 8");
        }
        long il = Integer.toUnsignedLong(BigEndian.int32(blob, 0));
        long dl = Integer.toUnsignedLong(BigEndian.int32(blob, 4));
        if (il < 1 || il > MAX_INDEX_ENTRIES) {
            throw new MalformedHeaderException("header index entry count " + il + " out of range 1.." + MAX_INDEX_ENTRIES);
        }
        if (dl > MAX_DATA_LENGTH) {
            throw new MalformedHeaderException("header data length " + dl + " exceeds the limit of " + MAX_DATA_LENGTH);
        }
        long needed = PREAMBLE + il * ENTRY_SIZE + dl;
        if (needed > blob.length) {
            throw new MalformedHeaderException("header blob truncated: " + il + " index entries and " + dl
                    + " data bytes need " + needed + " bytes, blob has " + blob.length);
        }
        int count = (int) il;
        int dataLength = (int) dl;
        int dataStart = PREAMBLE + count * ENTRY_SIZE;

        IndexEntry[] index = new IndexEntry[count];
        for (int i = 0; i < count; i++) {
            int at = PREAMBLE + i * ENTRY_SIZE;
            index[i] = new IndexEntry(BigEndian.int32(blob, at), BigEndian.int32(blob, at + 4),
                    BigEndian.int32(blob, at + 8), BigEndian.int32(blob, at + 12));
        }

        int first = 0;
        if (RpmTag.isRegion(index[0].tag())) {
            checkRegion(blob, dataStart, dataLength, index);
            first = 1;
        }
        Map<Integer, IndexEntry> entries = new HashMap<>();
        for (int i = first; i < count; i++) {
            IndexEntry e = index[i];
            if (RpmTag.isRegion(e.tag())) {
                continue;
            }
            checkEntry(i, e, dataLength);
            entries.put(e.tag(), e);
        }
        return new RpmHeader(blob, dataStart, dataLength, entries);
    }

    private static void checkEntry(int i, IndexEntry e, int dataLength) throws MalformedHeaderException {
        if (e.type() < RpmTagType.NULL || e.type() > RpmTagType.MAX) {
            throw new MalformedHeaderException("header index entry " + i + " (tag " + e.tag() + ") has unknown type "
                    + e.type());
        }
        if (e.offset() < 0 || e.offset() >= dataLength) {
            throw new MalformedHeaderException("header index entry " + i + " (tag " + e.tag() + ") data offset "
                    + e.offset() + " outside the data store of " + dataLength + " bytes");
        }
        long n = Integer.toUnsignedLong(e.count());
        if (e.type() != RpmTagType.NULL && (n < 1 || n > dataLength)) {
            throw new MalformedHeaderException("header index entry " + i + " (tag " + e.tag() + ") element count "
                    + n + " out of range 1.." + dataLength);
        }
    }

    /**
     * The region entry's data is a trailer: an index entry whose tag repeats the region tag and whose negative
     * offset gives the size of the region's index ({@code ril * 16}).
     */
    private static void checkRegion(byte[] blob, int dataStart, int dataLength, IndexEntry[] index)
            throws MalformedHeaderException {
        IndexEntry region = index[0];
        if (region.type() != RpmTagType.BIN || region.count() != REGION_TRAILER_SIZE) {
            throw new MalformedHeaderException("header region tag " + region.tag() + " has type " + region.type()
                    + " and count " + region.count() + ", expected type 7 (BIN) and count 16");
        }
        if (region.offset() < 0 || (long) region.offset() + REGION_TRAILER_SIZE > dataLength) {
            throw new MalformedHeaderException("header region trailer at offset " + region.offset()
                    + " outside the data store of " + dataLength + " bytes");
        }
        int at = dataStart + region.offset();
        int trailerTag = BigEndian.int32(blob, at);
        int trailerType = BigEndian.int32(blob, at + 4);
        long regionIndexBytes = -(long) BigEndian.int32(blob, at + 8);
        int trailerCount = BigEndian.int32(blob, at + 12);
        // Some old signature headers carry HEADERIMAGE in the trailer, which rpm accepts.
        boolean tagOk = trailerTag == region.tag()
                || (region.tag() == RpmTag.HEADERSIGNATURES && trailerTag == RpmTag.HEADERIMAGE);
        if (!tagOk || trailerType != RpmTagType.BIN || trailerCount != REGION_TRAILER_SIZE) {
            throw new MalformedHeaderException("header region trailer (tag " + trailerTag + ", type " + trailerType
                    + ", count " + trailerCount + ") does not match region tag " + region.tag());
        }
        if (regionIndexBytes <= 0 || regionIndexBytes % ENTRY_SIZE != 0
                || regionIndexBytes / ENTRY_SIZE > index.length) {
            throw new MalformedHeaderException("header region size " + regionIndexBytes
                    + " is not a whole number of entries within the " + index.length + " index entries");
        }
    }
}
