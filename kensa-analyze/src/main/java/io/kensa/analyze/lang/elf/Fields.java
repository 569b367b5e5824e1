package io.kensa.analyze.lang.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Reads the fixed-size fields of ELF structures in the file's byte order; callers check the bounds. */
final class Fields {
    private final ByteBuffer buffer;
    private final boolean is64;

    Fields(byte[] data, boolean bigEndian, boolean is64) {
        this.buffer = ByteBuffer.wrap(data).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        this.is64 = is64;
    }

    int u16(int at) {
        return buffer.getShort(at) & 0xffff;
    }

    long u32(int at) {
        return buffer.getInt(at) & 0xffffffffL;
    }

    /** An unsigned 64-bit field; values of 2^63 and more come back negative and are refused by the callers. */
    long u64(int at) {
        return buffer.getLong(at);
    }

    /** A field that is 32 bits wide in ELF32 and 64 bits wide in ELF64. */
    long word(int at) {
        return is64 ? u64(at) : u32(at);
    }
}
