package io.kensa.analyze.pkg.rpm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** A little-endian byte patcher over a copy of a database file, for building damaged databases. */
final class Patch {
    private final ByteBuffer bytes;

    private Patch(byte[] bytes) {
        this.bytes = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    static Patch of(Path file) throws IOException {
        return new Patch(Files.readAllBytes(file));
    }

    Patch u8(long at, int value) {
        bytes.put((int) at, (byte) value);
        return this;
    }

    Patch u16(long at, int value) {
        bytes.putShort((int) at, (short) value);
        return this;
    }

    Patch u32(long at, long value) {
        bytes.putInt((int) at, (int) value);
        return this;
    }

    long readU32(long at) {
        return Integer.toUnsignedLong(bytes.getInt((int) at));
    }

    int readU16(long at) {
        return bytes.getShort((int) at) & 0xffff;
    }

    byte[] bytes() {
        return bytes.array();
    }

    byte[] truncated(int length) {
        return Arrays.copyOf(bytes.array(), length);
    }

    Path write(Path dir, String name) throws IOException {
        return Files.write(dir.resolve(name), bytes.array());
    }
}
