package io.kensa.analyze.lang.java;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What a zip file's end records declare about its central directory, read before the zip reader opens the
 * file: the reader loads the whole central directory into memory, so a hostile archive declaring a huge one is
 * refused first. Every end-record signature in the file's tail counts (the largest declaration wins), so the
 * bound holds whichever record the reader then picks.
 *
 * @param bytes   the largest central-directory size declared
 * @param entries the largest entry count declared
 */
record CentralDirectorySize(long bytes, long entries) {
    private static final int END_SIG = 0x06054b50;
    private static final int END_LENGTH = 22;
    private static final int ZIP64_LOCATOR_SIG = 0x07064b50;
    private static final int ZIP64_LOCATOR_LENGTH = 20;
    private static final int ZIP64_END_SIG = 0x06064b50;
    private static final int ZIP64_END_LENGTH = 56;
    private static final int MAX_COMMENT = 0xffff;
    /** Zip readers search a little further back than the longest comment allows: so does this bound. */
    private static final int SEARCH_SLACK = 256;

    /** The declared sizes, or null when the file has no end record (it is no zip file). */
    static CentralDirectorySize of(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            int tailLength = (int) Math.min(size, END_LENGTH + MAX_COMMENT + SEARCH_SLACK);
            long tailStart = size - tailLength;
            ByteBuffer tail = read(ch, tailStart, tailLength);
            if (tail == null) {
                return null;
            }
            boolean found = false;
            long bytes = 0;
            long entries = 0;
            for (int i = tailLength - END_LENGTH; i >= 0; i--) {
                if (tail.getInt(i) != END_SIG) {
                    continue;
                }
                found = true;
                bytes = Math.max(bytes, Integer.toUnsignedLong(tail.getInt(i + 12)));
                entries = Math.max(entries, Short.toUnsignedInt(tail.getShort(i + 10)));
                long endPos = tailStart + i;
                ByteBuffer zip64 = zip64End(ch, endPos);
                if (zip64 != null) {
                    bytes = Math.max(bytes, unsigned(zip64.getLong(40)));
                    entries = Math.max(entries, unsigned(zip64.getLong(32)));
                }
            }
            return found ? new CentralDirectorySize(bytes, entries) : null;
        }
    }

    /** The ZIP64 end record a locator just before the end record points to, if any. */
    private static ByteBuffer zip64End(FileChannel ch, long endPos) throws IOException {
        if (endPos < ZIP64_LOCATOR_LENGTH) {
            return null;
        }
        ByteBuffer locator = read(ch, endPos - ZIP64_LOCATOR_LENGTH, ZIP64_LOCATOR_LENGTH);
        if (locator == null || locator.getInt(0) != ZIP64_LOCATOR_SIG) {
            return null;
        }
        long offset = locator.getLong(8);
        if (offset < 0 || offset > ch.size() - ZIP64_END_LENGTH) {
            return null;
        }
        ByteBuffer end = read(ch, offset, ZIP64_END_LENGTH);
        return end != null && end.getInt(0) == ZIP64_END_SIG ? end : null;
    }

    private static long unsigned(long v) {
        return v < 0 ? Long.MAX_VALUE : v;
    }

    private static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                return null;
            }
        }
        return b.flip();
    }
}
