package io.kensa.analyze.lang.golang;

import io.kensa.analyze.lang.elf.ElfFile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the build info blob the Go linker writes at the start of {@code .go.buildinfo}: 14 bytes of magic, the
 * pointer size, a flags byte, then either (flag 2, Go 1.18 and later) two varint-length-prefixed strings after the
 * 32-byte header, or (older) two pointers to Go string headers ({@code {data pointer, length}}) that are read
 * through the program headers' virtual-address mapping. Each string is at most {@link #MAX_STRING} bytes.
 */
public final class BuildInfoBlob {
    /** The magic at the start of the blob. */
    static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
    /** The blob starts at a multiple of this (file offsets and addresses alike). */
    static final int ALIGN = 16;
    static final int HEADER = 32;
    /** Longest version or module-info string read; real ones are a few KiB to some hundred KiB. */
    static final int MAX_STRING = 1 << 20;
    private static final int FLAG_BIG_ENDIAN = 1;
    private static final int FLAG_INLINE = 2;
    /** Sentinels around the module information: 16 bytes before, 16 after, with a newline just before the end. */
    private static final int FRAME = 16;

    private BuildInfoBlob() {
    }

    /** Whether the flags byte of a blob says its strings follow the header inline. */
    static boolean inline(int flags) {
        return (flags & FLAG_INLINE) != 0;
    }

    /**
     * Bytes of the inline blob starting at {@code b[at]} (header and both strings), when they all lie within the
     * first {@code length} bytes of {@code b} and the strings are within the limit; otherwise -1.
     */
    static long inlineLength(byte[] b, int at, int length) {
        int p = at + HEADER;
        for (int string = 0; string < 2; string++) {
            long n = 0;
            int shift = 0;
            while (true) {
                if (p >= length || shift > 28) {
                    return -1;
                }
                int v = b[p++] & 0xff;
                n |= (long) (v & 0x7f) << shift;
                shift += 7;
                if (v < 0x80) {
                    break;
                }
            }
            if (n > MAX_STRING || n > length - p) {
                return -1;
            }
            p += (int) n;
        }
        return p - at;
    }

    /** Decodes the blob at file offset {@code at}, whose magic was checked. */
    public static RawBuildInfo decode(ElfFile file, long at) throws BuildInfoException {
        byte[] header = file.read(at, HEADER);
        if (header == null) {
            throw new BuildInfoException("the Go build info header at offset " + at + " ends past the end of the file");
        }
        int pointerSize = header[14];
        int flags = header[15];
        byte[] version;
        byte[] modInfo;
        if (inline(flags)) {
            byte[] data = file.readUpTo(at + HEADER, 2 * (MAX_STRING + 10));
            long base = at + HEADER;
            int[] cursor = {0};
            version = inlineBytes(file, data, base, cursor);
            modInfo = inlineBytes(file, data, base, cursor);
        } else {
            if (pointerSize != 4 && pointerSize != 8) {
                throw new BuildInfoException("Go build info with a pointer size of " + pointerSize);
            }
            ByteOrder order = (flags & FLAG_BIG_ENDIAN) != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            ByteBuffer h = ByteBuffer.wrap(header).order(order);
            version = pointedBytes(file, pointer(h, 16, pointerSize), pointerSize, order);
            modInfo = pointedBytes(file, pointer(h, 16 + pointerSize, pointerSize), pointerSize, order);
        }
        return new RawBuildInfo(new String(version, StandardCharsets.UTF_8), unframe(modInfo));
    }

    private static byte[] inlineBytes(ElfFile file, byte[] data, long base, int[] cursor) throws BuildInfoException {
        int at = cursor[0];
        long length = 0;
        int shift = 0;
        while (true) {
            if (at >= data.length) {
                throw new BuildInfoException("the Go build info ends inside a string length (offset " + (base + at)
                        + ")");
            }
            int b = data[at++] & 0xff;
            if (shift > 28) {
                throw new BuildInfoException("Go build info string length does not fit in 35 bits (offset "
                        + (base + cursor[0]) + ")");
            }
            length |= (long) (b & 0x7f) << shift;
            shift += 7;
            if (b < 0x80) {
                break;
            }
        }
        if (length > MAX_STRING) {
            throw new BuildInfoException("Go build info string of " + length + " bytes at offset " + (base + at)
                    + ", over the limit of " + MAX_STRING);
        }
        if (length > data.length - at) {
            long end = base + at + length;
            throw new BuildInfoException(end > file.size()
                    ? "Go build info string of " + length + " bytes at offset " + (base + at)
                    + " ends past the end of the " + file.size() + "-byte file"
                    : "Go build info string at offset " + (base + at) + " was not kept while streaming");
        }
        cursor[0] = at + (int) length;
        return java.util.Arrays.copyOfRange(data, at, at + (int) length);
    }

    private static long pointer(ByteBuffer b, int at, int size) {
        return size == 8 ? b.getLong(at) : b.getInt(at) & 0xffffffffL;
    }

    /** A Go string through its header at {@code address}; empty when the file does not map it, as Go reads it. */
    private static byte[] pointedBytes(ElfFile file, long address, int pointerSize, ByteOrder order)
            throws BuildInfoException {
        byte[] header = read(file, address, 2 * pointerSize);
        if (header == null || header.length < 2 * pointerSize) {
            return new byte[0];
        }
        ByteBuffer h = ByteBuffer.wrap(header).order(order);
        long data = pointer(h, 0, pointerSize);
        long length = pointer(h, pointerSize, pointerSize);
        if (Long.compareUnsigned(length, MAX_STRING) > 0) {
            throw new BuildInfoException("Go build info string of " + Long.toUnsignedString(length)
                    + " bytes, over the limit of " + MAX_STRING);
        }
        byte[] bytes = read(file, data, length);
        if (bytes == null || bytes.length < length) {
            return new byte[0];
        }
        return bytes;
    }

    private static byte[] read(ElfFile file, long address, long length) throws BuildInfoException {
        if (!file.mapped(address)) {
            return null;
        }
        byte[] b = file.readAddress(address, length);
        if (b == null) {
            throw new BuildInfoException("Go build info (pre-1.18 layout) points to address 0x"
                    + Long.toHexString(address) + ", whose bytes were not kept while streaming");
        }
        return b;
    }

    /** The module information without its sentinels (binary bytes, so removed before decoding the text). */
    private static String unframe(byte[] mod) {
        int n = mod.length;
        if (n >= 2 * FRAME + 1 && mod[n - FRAME - 1] == '\n') {
            return new String(mod, FRAME, n - 2 * FRAME, StandardCharsets.UTF_8);
        }
        return "";
    }
}
