package io.kensa.analyze.lang.elf;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * The blocks of a file kept while it streamed past, by block index; reads succeed only over kept blocks. Every
 * block is {@link ElfStream#BLOCK} bytes long except the file's last one.
 */
final class RetainedBytes {
    private final Map<Long, byte[]> blocks = new HashMap<>();
    private final long fileSize;
    private long bytes;

    RetainedBytes(long fileSize) {
        this.fileSize = fileSize;
    }

    boolean has(long index) {
        return blocks.containsKey(index);
    }

    void put(long index, byte[] block) {
        byte[] old = blocks.put(index, block);
        bytes += block.length - (old == null ? 0 : old.length);
    }

    byte[] get(long index) {
        return blocks.get(index);
    }

    /** Drops the blocks whose index fails {@code keep}. */
    void retainOnly(LongPredicate keep) {
        blocks.entrySet().removeIf(e -> {
            if (keep.test(e.getKey())) {
                return false;
            }
            bytes -= e.getValue().length;
            return true;
        });
    }

    /** Bytes held. */
    long bytes() {
        return bytes;
    }

    /** The {@code length} bytes at {@code offset}, or null when any of them lies outside the file or was not kept. */
    byte[] read(long offset, int length) {
        if (offset < 0 || length < 0 || offset > fileSize - length) {
            return null;
        }
        byte[] out = new byte[length];
        return copy(offset, out, length) == length ? out : null;
    }

    /** The kept bytes from {@code offset} on, at most {@code max} of them, stopping at the first missing block. */
    byte[] readUpTo(long offset, int max) {
        if (offset < 0 || offset >= fileSize || max <= 0) {
            return new byte[0];
        }
        int length = (int) Math.min(max, fileSize - offset);
        byte[] out = new byte[length];
        int n = copy(offset, out, length);
        return n == length ? out : java.util.Arrays.copyOf(out, n);
    }

    private int copy(long offset, byte[] out, int length) {
        int done = 0;
        while (done < length) {
            long at = offset + done;
            byte[] block = blocks.get(at / ElfStream.BLOCK);
            if (block == null) {
                return done;
            }
            int from = (int) (at % ElfStream.BLOCK);
            int n = Math.min(length - done, block.length - from);
            if (n <= 0) {
                return done;
            }
            System.arraycopy(block, from, out, done, n);
            done += n;
        }
        return done;
    }
}
