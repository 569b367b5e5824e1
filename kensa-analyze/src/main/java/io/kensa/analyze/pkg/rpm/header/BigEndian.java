package io.kensa.analyze.pkg.rpm.header;

/** Big-endian reads from a byte array; callers check the bounds. */
final class BigEndian {
    private BigEndian() {
    }

    static int int32(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }
}
