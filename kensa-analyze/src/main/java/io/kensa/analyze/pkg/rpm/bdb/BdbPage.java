package io.kensa.analyze.pkg.rpm.bdb;

import io.kensa.analyze.pkg.rpm.RpmDbFormatException;

import java.nio.ByteBuffer;

/**
 * One page of a BerkeleyDB file with bounds-checked accessors. Layout of the 26-byte header: LSN (8), page
 * number (4), previous and next page (4 + 4), entry count (2), high free offset (2), level (1), type (1); the
 * item offset index follows the header (after a 6-byte checksum area when the database is checksummed).
 */
final class BdbPage {
    static final int P_INVALID = 0;
    static final int P_HASH_UNSORTED = 2;
    static final int P_IBTREE = 3;
    static final int P_IRECNO = 4;
    static final int P_LRECNO = 6;
    static final int P_OVERFLOW = 7;
    static final int P_LDUP = 12;
    static final int P_HASH = 13;

    private final long number;
    private final ByteBuffer data;
    private final int headerSize;

    BdbPage(long number, ByteBuffer data, int headerSize) {
        this.number = number;
        this.data = data;
        this.headerSize = headerSize;
    }

    long number() {
        return number;
    }

    int size() {
        return data.limit();
    }

    int type() {
        return data.get(25) & 0xff;
    }

    long nextPage() {
        return Integer.toUnsignedLong(data.getInt(16));
    }

    int entries() {
        return data.getShort(20) & 0xffff;
    }

    /** The high free offset; on overflow pages, the number of data bytes on the page. */
    int highFreeOffset() {
        return data.getShort(22) & 0xffff;
    }

    int headerSize() {
        return headerSize;
    }

    /** Offset of item {@code i}, checked to lie after the item index and inside the page. */
    int itemOffset(int i) throws RpmDbFormatException {
        int n = entries();
        int indexEnd = headerSize + 2 * n;
        if (indexEnd > size()) {
            throw new RpmDbFormatException("page " + number + ": " + n + " items do not fit a page of " + size()
                    + " bytes");
        }
        int off = data.getShort(headerSize + 2 * i) & 0xffff;
        if (off < indexEnd || off >= size()) {
            throw new RpmDbFormatException("page " + number + ": item " + i + " offset " + off
                    + " outside the item area " + indexEnd + ".." + size());
        }
        return off;
    }

    int u8(int at) throws RpmDbFormatException {
        check(at, 1);
        return data.get(at) & 0xff;
    }

    int u16(int at) throws RpmDbFormatException {
        check(at, 2);
        return data.getShort(at) & 0xffff;
    }

    long u32(int at) throws RpmDbFormatException {
        check(at, 4);
        return Integer.toUnsignedLong(data.getInt(at));
    }

    byte[] bytes(int at, int length) throws RpmDbFormatException {
        check(at, length);
        byte[] out = new byte[length];
        data.get(at, out);
        return out;
    }

    void copy(int at, byte[] dest, int destAt, int length) throws RpmDbFormatException {
        check(at, length);
        data.get(at, dest, destAt, length);
    }

    private void check(int at, int length) throws RpmDbFormatException {
        if (at < 0 || length < 0 || (long) at + length > size()) {
            throw new RpmDbFormatException("page " + number + ": read of " + length + " bytes at offset " + at
                    + " runs past the page end " + size());
        }
    }
}
