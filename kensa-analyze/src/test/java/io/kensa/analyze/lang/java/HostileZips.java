package io.kensa.analyze.lang.java;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Hostile zip files laid out byte by byte, where the JDK's zip writer cannot make them (a declared size that
 * lies) or cannot make them fast (gigabytes of deflated zeros, ten thousand levels of nesting).
 */
final class HostileZips {
    private static final int LOC = 0x04034b50;
    private static final int CEN = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int MIB = 1 << 20;

    private HostileZips() {
    }

    /** An entry as it is stored: method 0 (stored) or 8 (deflated), its CRC, data and declared uncompressed size. */
    record RawEntry(String name, int method, long crc, byte[] data, long declaredSize) {

        static RawEntry stored(String name, byte[] data) {
            return new RawEntry(name, 0, HostileZips.crc(data), data, data.length);
        }
    }

    /** A zip of the given entries. */
    static byte[] zip(List<RawEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        for (RawEntry e : entries) {
            offsets.add(out.size());
            out.writeBytes(localHeader(e.name(), e.method(), e.crc(), e.data().length, e.declaredSize()));
            out.writeBytes(e.data());
        }
        int cdStart = out.size();
        for (int i = 0; i < entries.size(); i++) {
            RawEntry e = entries.get(i);
            out.writeBytes(centralHeader(e.name(), e.method(), e.crc(), e.data().length, e.declaredSize(), offsets.get(i)));
        }
        out.writeBytes(end(entries.size(), out.size() - cdStart, cdStart));
        return out.toByteArray();
    }

    /**
     * A deflated entry inflating to {@code mebibytes} MiB of zeros in about a kilobyte per MiB: one deflate block
     * of a MiB of zeros, flushed to a byte boundary and repeated (it only refers back to zeros), then a final block.
     * Its declared size is {@code declaredSize}; the CRC is the real one when the declared size is.
     */
    static RawEntry deflatedZeros(String name, int mebibytes, long declaredSize) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] zeros = new byte[MIB];
        byte[] first = deflateChunk(d, zeros, Deflater.SYNC_FLUSH);
        byte[] steady = deflateChunk(d, zeros, Deflater.SYNC_FLUSH);
        d.finish();
        byte[] last = deflateChunk(d, new byte[0], Deflater.FULL_FLUSH);
        d.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        for (int i = 1; i < mebibytes; i++) {
            out.writeBytes(steady);
        }
        out.writeBytes(last);
        long crc = 0;
        if (declaredSize == (long) mebibytes * MIB) {
            CRC32 c = new CRC32();
            for (int i = 0; i < mebibytes; i++) {
                c.update(zeros);
            }
            crc = c.getValue();
        }
        return new RawEntry(name, 8, crc, out.toByteArray(), declaredSize);
    }

    private static byte[] deflateChunk(Deflater d, byte[] input, int flush) {
        if (input.length > 0) {
            d.setInput(input);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 << 10];
        int n;
        do {
            n = d.deflate(buf, 0, buf.length, flush);
            out.write(buf, 0, n);
        } while (n == buf.length || !d.needsInput() && !d.finished());
        return out.toByteArray();
    }

    /**
     * {@code levels} archives each holding the next as its only, stored entry {@code level-<n>-1.0.jar}; the
     * innermost is an empty zip. Written in one buffer, innermost first, since level k's CRC covers level k+1.
     */
    static byte[] nested(int levels) {
        byte[][] names = new byte[levels][];
        long[] size = new long[levels];
        size[levels - 1] = 22;
        for (int k = levels - 2; k >= 0; k--) {
            names[k + 1] = ("level-" + (k + 1) + "-1.0.jar").getBytes(StandardCharsets.US_ASCII);
            size[k] = 30 + names[k + 1].length + size[k + 1] + 46 + names[k + 1].length + 22;
        }
        byte[] all = new byte[Math.toIntExact(size[0])];
        int[] start = new int[levels];
        for (int k = 0; k < levels - 1; k++) {
            start[k + 1] = start[k] + 30 + names[k + 1].length;
        }
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        b.position(start[levels - 1]).put(end(0, 0, 0));
        CRC32 crc = new CRC32();
        for (int k = levels - 2; k >= 0; k--) {
            String name = new String(names[k + 1], StandardCharsets.US_ASCII);
            int inner = (int) size[k + 1];
            crc.reset();
            crc.update(all, start[k + 1], inner);
            long c = crc.getValue();
            b.position(start[k]).put(localHeader(name, 0, c, inner, inner));
            int cd = start[k + 1] + inner;
            b.position(cd).put(centralHeader(name, 0, c, inner, inner, 0));
            int cdLength = 46 + names[k + 1].length;
            b.position(cd + cdLength).put(end(1, cdLength, cd - start[k]));
        }
        return all;
    }

    private static byte[] localHeader(String name, int method, long crc, long compressed, long size) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(30 + n.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(LOC).putShort((short) 20).putShort((short) 0x800).putShort((short) method).putInt(0)
                .putInt((int) crc).putInt((int) compressed).putInt((int) size).putShort((short) n.length)
                .putShort((short) 0).put(n);
        return b.array();
    }

    private static byte[] centralHeader(String name, int method, long crc, long compressed, long size, long offset) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(46 + n.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(CEN).putShort((short) 20).putShort((short) 20).putShort((short) 0x800).putShort((short) method)
                .putInt(0).putInt((int) crc).putInt((int) compressed).putInt((int) size).putShort((short) n.length)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0)
                .putInt((int) offset).put(n);
        return b.array();
    }

    private static byte[] end(int entries, long cdSize, long cdOffset) {
        ByteBuffer b = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(END).putShort((short) 0).putShort((short) 0).putShort((short) entries).putShort((short) entries)
                .putInt((int) cdSize).putInt((int) cdOffset).putShort((short) 0);
        return b.array();
    }

    static long crc(byte[] data) {
        CRC32 c = new CRC32();
        c.update(data);
        return c.getValue();
    }
}
