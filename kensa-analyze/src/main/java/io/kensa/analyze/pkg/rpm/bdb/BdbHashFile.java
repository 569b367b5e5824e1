package io.kensa.analyze.pkg.rpm.bdb;

import io.kensa.analyze.pkg.rpm.RpmDbFormatException;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads every key/data pair of a BerkeleyDB hash database file (as written by db 4.x/5.x, either byte order,
 * with or without page checksums; not encrypted). Scans pages 1..last in file order and reads the hash pages
 * (bucket pages and their overflow bucket pages), so each stored pair is seen exactly once and the walk ends
 * after at most as many page reads as the file has pages, plus the (cycle-checked) overflow and duplicate chains.
 *
 * <p>Hash page items, addressed by the offset index after the page header: {@code H_KEYDATA} (type 1, bytes up
 * to the previous item), {@code H_DUPLICATE} (2, on-page duplicates: length, bytes, length), {@code H_OFFPAGE}
 * (3, first overflow page and total length) and {@code H_OFFDUP} (4, root of an off-page duplicate tree).
 */
public final class BdbHashFile implements Closeable {
    /** Largest single key or value read (rpm's own header limit is 256 MiB of data). */
    public static final long MAX_ITEM_LENGTH = 256L << 20;

    private static final int H_KEYDATA = 1;
    private static final int H_DUPLICATE = 2;
    private static final int H_OFFPAGE = 3;
    private static final int H_OFFDUP = 4;

    private final FileChannel ch;
    private final BdbPageReader pages;
    private final BdbOverflowReader overflow;
    private final BdbOffPageDuplicates offPageDuplicates;
    private long hashPages;
    private long pairs;
    private long overflowValues;
    private long duplicateValues;

    private BdbHashFile(FileChannel ch, BdbMeta meta) {
        this.ch = ch;
        this.pages = new BdbPageReader(ch, meta);
        long capacity = meta.lastPage() * (meta.pageSize() - meta.pageHeaderSize());
        this.overflow = new BdbOverflowReader(pages, Math.min(MAX_ITEM_LENGTH, capacity));
        this.offPageDuplicates = new BdbOffPageDuplicates(pages, overflow);
    }

    /** Opens {@code file} and checks its metadata page; nothing else is read yet. */
    public static BdbHashFile open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new BdbHashFile(ch, BdbMeta.read(ch));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    public BdbMeta meta() {
        return pages.meta();
    }

    /** Streams every pair to {@code sink}, in page order; call once. */
    public BdbStats read(BdbPairSink sink) throws IOException {
        return walk(sink);
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }

    private BdbStats walk(BdbPairSink sink) throws IOException {
        long last = pages.meta().lastPage();
        for (long n = 1; n <= last; n++) {
            BdbPage p = pages.read(n);
            if (p.type() == BdbPage.P_HASH || p.type() == BdbPage.P_HASH_UNSORTED) {
                hashPages++;
                hashPage(p, sink);
            }
        }
        return new BdbStats(hashPages, pairs, overflowValues, duplicateValues);
    }

    private void hashPage(BdbPage p, BdbPairSink sink) throws IOException {
        int n = p.entries();
        if (n % 2 != 0) {
            throw new RpmDbFormatException("hash page " + p.number() + " has an odd number of items (" + n + ")");
        }
        int end = p.size();
        for (int i = 0; i < n; i += 2) {
            int keyAt = itemAt(p, i, end);
            int valueAt = itemAt(p, i + 1, keyAt);
            byte[] key = key(p, keyAt, end);
            values(p, valueAt, keyAt, key, sink);
            end = valueAt;
        }
    }

    /** Offset of item {@code i}, which must end where the previous item starts ({@code end}). */
    private static int itemAt(BdbPage p, int i, int end) throws RpmDbFormatException {
        int at = p.itemOffset(i);
        if (at >= end) {
            throw new RpmDbFormatException("hash page " + p.number() + ": item " + i + " at offset " + at
                    + " overlaps the previous item at " + end);
        }
        return at;
    }

    private byte[] key(BdbPage p, int at, int end) throws IOException {
        int type = p.u8(at);
        return switch (type) {
            case H_KEYDATA -> p.bytes(at + 1, end - at - 1);
            case H_OFFPAGE -> offPage(p, at, end);
            default -> throw new RpmDbFormatException("hash page " + p.number() + ": key item at offset " + at
                    + " has type " + type + ", expected 1 (key/data) or 3 (overflow)");
        };
    }

    private void values(BdbPage p, int at, int end, byte[] key, BdbPairSink sink) throws IOException {
        int type = p.u8(at);
        switch (type) {
            case H_KEYDATA -> emit(sink, key, p.bytes(at + 1, end - at - 1));
            case H_OFFPAGE -> {
                byte[] value = offPage(p, at, end);
                overflowValues++;
                emit(sink, key, value);
            }
            case H_DUPLICATE -> onPageDuplicates(p, at + 1, end, key, sink);
            case H_OFFDUP -> {
                requireLength(p, at, end, 8);
                offPageDuplicates.read(p.u32(at + 4), (value, fromOverflow) -> {
                    duplicateValues++;
                    if (fromOverflow) {
                        overflowValues++;
                    }
                    emit(sink, key, value);
                });
            }
            default -> throw new RpmDbFormatException("hash page " + p.number() + ": data item at offset " + at
                    + " has unknown type " + type);
        }
    }

    /** HOFFPAGE: type(1) unused(3) first page(4) total length(4). */
    private byte[] offPage(BdbPage p, int at, int end) throws IOException {
        requireLength(p, at, end, 12);
        return overflow.read(p.u32(at + 4), p.u32(at + 8));
    }

    private void onPageDuplicates(BdbPage p, int from, int end, byte[] key, BdbPairSink sink) throws IOException {
        int at = from;
        while (at < end) {
            if (at + 2 > end) {
                throw new RpmDbFormatException("hash page " + p.number() + ": duplicate set truncated at " + at);
            }
            int len = p.u16(at);
            if (at + 2L + len + 2 > end || p.u16(at + 2 + len) != len) {
                throw new RpmDbFormatException("hash page " + p.number() + ": bad duplicate entry of " + len
                        + " bytes at offset " + at);
            }
            duplicateValues++;
            emit(sink, key, p.bytes(at + 2, len));
            at += 2 + len + 2;
        }
    }

    private static void requireLength(BdbPage p, int at, int end, int length) throws RpmDbFormatException {
        if (end - at < length) {
            throw new RpmDbFormatException("hash page " + p.number() + ": item at offset " + at + " is "
                    + (end - at) + " bytes, too short for its type");
        }
    }

    private void emit(BdbPairSink sink, byte[] key, byte[] value) throws IOException {
        pairs++;
        sink.pair(key, value);
    }
}
