package io.kensa.analyze.pkg.rpm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Reads an exact byte range of a file channel, failing clearly when the file ends first. */
public final class PositionalReads {
    private PositionalReads() {
    }

    /** Fills {@code buffer} from {@code position}; a short file is an {@link RpmDbFormatException}. */
    public static ByteBuffer readFully(FileChannel ch, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = ch.read(buffer, at);
            if (n < 0) {
                throw new RpmDbFormatException("file truncated: need " + buffer.limit() + " bytes at offset "
                        + position + ", file ends at " + ch.size());
            }
            at += n;
        }
        return buffer.flip();
    }
}
