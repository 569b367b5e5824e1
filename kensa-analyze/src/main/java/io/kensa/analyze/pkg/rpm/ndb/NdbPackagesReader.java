package io.kensa.analyze.pkg.rpm.ndb;

import io.kensa.analyze.pkg.rpm.HeaderBlobSink;
import io.kensa.analyze.pkg.rpm.PositionalReads;
import io.kensa.analyze.pkg.rpm.RpmDbFormatException;
import io.kensa.analyze.pkg.rpm.RpmDbReader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.Adler32;

/**
 * Reads rpm's native NDB package database {@code Packages.db} (SUSE 15 and later). All numbers little-endian.
 *
 * <ul>
 *   <li>File header (32 bytes, slots 0–1): magic {@code RpmP}, version 0, generation, number of 4096-byte slot
 *       pages, next package index.</li>
 *   <li>Slot pages: 16-byte {@link NdbSlot}s.</li>
 *   <li>Blobs, at a slot's block offset: header (magic {@code BlbS}, package index, generation, blob length),
 *       the header blob, zero padding to a 16-byte block, tail (Adler-32 of everything before the tail, blob
 *       length, magic {@code BlbE}).</li>
 * </ul>
 *
 * A damaged file header or slot page fails the whole file; a slot whose blob is out of bounds or damaged is
 * reported to {@link HeaderBlobSink#skipped} and reading goes on.
 */
public final class NdbPackagesReader implements RpmDbReader {
    static final int FILE_MAGIC = magic("RpmP");
    static final int SLOT_MAGIC = magic("Slot");
    static final int BLOB_HEAD_MAGIC = magic("BlbS");
    static final int BLOB_TAIL_MAGIC = magic("BlbE");
    static final int HEADER_SIZE = 32;
    static final int SLOT_SIZE = 16;
    static final int BLOCK_SIZE = 16;
    static final int SLOT_PAGE_SIZE = 4096;
    static final int BLOB_HEAD_SIZE = 16;
    static final int BLOB_TAIL_SIZE = 12;
    /** Largest header blob read (rpm's own header limit is 256 MiB of data). */
    static final long MAX_BLOB_LENGTH = 256L << 20;

    @Override
    public void read(Path db, HeaderBlobSink sink) throws IOException {
        try (FileChannel ch = FileChannel.open(db, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < HEADER_SIZE) {
                throw new RpmDbFormatException("file of " + size + " bytes is too short for an NDB header");
            }
            ByteBuffer h = le(PositionalReads.readFully(ch, ByteBuffer.allocate(HEADER_SIZE), 0));
            if (h.getInt(0) != FILE_MAGIC) {
                throw new RpmDbFormatException(String.format("not an NDB package database: magic 0x%08x", h.getInt(0)));
            }
            if (h.getInt(4) != 0) {
                throw new RpmDbFormatException("unsupported NDB version " + Integer.toUnsignedString(h.getInt(4)));
            }
            long slotPages = Integer.toUnsignedLong(h.getInt(12));
            if (slotPages < 1 || slotPages * SLOT_PAGE_SIZE > size) {
                throw new RpmDbFormatException("NDB header declares " + slotPages + " slot pages of 4096 bytes, file has "
                        + size + " bytes");
            }
            long firstBlobBlock = slotPages * SLOT_PAGE_SIZE / BLOCK_SIZE;
            long fileBlocks = size / BLOCK_SIZE;
            for (long page = 0; page < slotPages; page++) {
                ByteBuffer slots = le(PositionalReads.readFully(ch, ByteBuffer.allocate(SLOT_PAGE_SIZE),
                        page * SLOT_PAGE_SIZE));
                for (int at = page == 0 ? HEADER_SIZE : 0; at < SLOT_PAGE_SIZE; at += SLOT_SIZE) {
                    long number = (page * SLOT_PAGE_SIZE + at) / SLOT_SIZE;
                    if (slots.getInt(at) != SLOT_MAGIC) {
                        throw new RpmDbFormatException("NDB slot " + number + " has a bad magic number");
                    }
                    NdbSlot slot = new NdbSlot(number, u32(slots, at + 4), u32(slots, at + 8), u32(slots, at + 12));
                    if (!slot.free()) {
                        blob(ch, slot, firstBlobBlock, fileBlocks, sink);
                    }
                }
            }
        }
    }

    private static void blob(FileChannel ch, NdbSlot slot, long firstBlobBlock, long fileBlocks, HeaderBlobSink sink)
            throws IOException {
        long minBlocks = (BLOB_HEAD_SIZE + BLOB_TAIL_SIZE + BLOCK_SIZE - 1) / BLOCK_SIZE;
        long maxBlocks = (BLOB_HEAD_SIZE + MAX_BLOB_LENGTH + BLOB_TAIL_SIZE + BLOCK_SIZE - 1) / BLOCK_SIZE;
        if (slot.blockOffset() < firstBlobBlock || slot.blockCount() < minBlocks || slot.blockCount() > maxBlocks
                || slot.blockOffset() + slot.blockCount() > fileBlocks) {
            sink.skipped(slot.pkgIdx(), "NDB slot " + slot.number() + " points to blocks " + slot.blockOffset()
                    + "+" + slot.blockCount() + ", outside the blob area " + firstBlobBlock + ".." + fileBlocks);
            return;
        }
        int total = Math.toIntExact(slot.blockCount() * BLOCK_SIZE);
        byte[] raw = new byte[total];
        PositionalReads.readFully(ch, ByteBuffer.wrap(raw), slot.blockOffset() * BLOCK_SIZE);
        ByteBuffer b = le(ByteBuffer.wrap(raw));
        long length = u32(b, 12);
        String problem = null;
        if (b.getInt(0) != BLOB_HEAD_MAGIC) {
            problem = "bad blob header magic";
        } else if (u32(b, 4) != slot.pkgIdx()) {
            problem = "blob belongs to package index " + u32(b, 4);
        } else if ((BLOB_HEAD_SIZE + length + BLOB_TAIL_SIZE + BLOCK_SIZE - 1) / BLOCK_SIZE != slot.blockCount()) {
            problem = "blob length " + length + " does not match the slot's " + slot.blockCount() + " blocks";
        } else if (b.getInt(total - 4) != BLOB_TAIL_MAGIC || u32(b, total - 8) != length) {
            problem = "bad blob tail";
        } else {
            Adler32 adler = new Adler32();
            adler.update(raw, 0, total - BLOB_TAIL_SIZE);
            if (adler.getValue() != u32(b, total - BLOB_TAIL_SIZE)) {
                problem = "blob checksum mismatch";
            }
        }
        if (problem != null) {
            sink.skipped(slot.pkgIdx(), "NDB slot " + slot.number() + " (package index " + slot.pkgIdx() + "): "
                    + problem);
            return;
        }
        byte[] blob = new byte[(int) length];
        System.arraycopy(raw, BLOB_HEAD_SIZE, blob, 0, blob.length);
        sink.header(slot.pkgIdx(), blob);
    }

    private static ByteBuffer le(ByteBuffer b) {
        return b.order(ByteOrder.LITTLE_ENDIAN);
    }

    private static long u32(ByteBuffer b, int at) {
        return Integer.toUnsignedLong(b.getInt(at));
    }

    private static int magic(String s) {
        return s.charAt(0) | s.charAt(1) << 8 | s.charAt(2) << 16 | s.charAt(3) << 24;
    }
}
