package io.kensa.image.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Tar bytes assembled header by header, for archives no well-behaved writer produces: wrong checksums, sizes
 * that lie, base-256 numbers, malformed extension headers.
 */
public final class RawTar {
    public static final int BLOCK = 512;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A ustar header with a correct checksum. */
    public static byte[] header(String name, char type, long size, String linkName) {
        byte[] h = new byte[BLOCK];
        put(h, 0, 100, name);
        put(h, 100, 8, "0000644");
        put(h, 108, 8, "0000000");
        put(h, 116, 8, "0000000");
        put(h, 124, 12, String.format("%011o", size));
        put(h, 136, 12, String.format("%011o", 1_783_728_000L));
        h[156] = (byte) type;
        if (linkName != null) {
            put(h, 157, 100, linkName);
        }
        put(h, 257, 6, "ustar");
        put(h, 263, 2, "00");
        fixChecksum(h);
        return h;
    }

    /** Writes {@code text} into a field (truncating it) and zero-fills the rest of the field. */
    public static void put(byte[] h, int offset, int length, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        java.util.Arrays.fill(h, offset, offset + length, (byte) 0);
        System.arraycopy(b, 0, h, offset, Math.min(b.length, length));
    }

    /** Recomputes the header checksum (unsigned sum, checksum field counted as spaces). */
    public static byte[] fixChecksum(byte[] h) {
        java.util.Arrays.fill(h, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, 8, String.format("%06o", sum));
        h[154] = 0;
        h[155] = ' ';
        return h;
    }

    /** Sets the size field in GNU base-256 encoding and fixes the checksum. */
    public static byte[] base256Size(byte[] h, long size) {
        java.util.Arrays.fill(h, 124, 136, (byte) 0);
        h[124] = (byte) 0x80;
        for (int i = 0; i < 8; i++) {
            h[135 - i] = (byte) (size >>> (8 * i));
        }
        return fixChecksum(h);
    }

    /** PAX records {@code "<len> key=value\n"} for the given key/value pairs, with correct lengths. */
    public static byte[] pax(String... keyValues) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keyValues.length; i += 2) {
            String body = " " + keyValues[i] + "=" + keyValues[i + 1] + "\n";
            int bodyLen = body.getBytes(StandardCharsets.UTF_8).length;
            int len = bodyLen + 1;
            while (String.valueOf(len).length() + bodyLen != len) {
                len++;
            }
            sb.append(len).append(body);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public RawTar add(byte[] header) {
        out.writeBytes(header);
        return this;
    }

    /** A header followed by its data, padded to a block. */
    public RawTar entry(byte[] header, byte[] data) {
        out.writeBytes(header);
        return data(data);
    }

    /** Data padded to a whole block. */
    public RawTar data(byte[] data) {
        out.writeBytes(data);
        int pad = (BLOCK - data.length % BLOCK) % BLOCK;
        out.writeBytes(new byte[pad]);
        return this;
    }

    /** A regular file entry. */
    public RawTar file(String name, byte[] data) {
        return entry(header(name, '0', data.length, null), data);
    }

    /** A PAX extended header ('x') with the given records, applying to the next entry. */
    public RawTar paxHeader(byte[] records) {
        return entry(header("PaxHeaders/x", 'x', records.length, null), records);
    }

    /** Bytes as they are, no padding. */
    public RawTar raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** The two zero blocks that end an archive. */
    public RawTar end() {
        out.writeBytes(new byte[2 * BLOCK]);
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }
}
