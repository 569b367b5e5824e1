package io.kensa.analyze.pkg.rpm.bdb;

import io.kensa.analyze.pkg.rpm.RpmDbFormatException;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads every key/data pair of a BerkeleyDB hash database file (as written by db 4.x/5.x, either byte order,
 * with or without page checksums; not encrypted), in cursor order: bucket by bucket, each bucket's chain of hash
 * pages in turn. Every page is read at most once per walk (cycles are errors), so the walk is bounded by the
 * file's page count, plus the (cycle-checked) overflow and duplicate chains.
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
    private final BdbOffPageDuplicates duplicateTrees;
    private long hashPages;
    private long pairs;
    private long overflowValues;
    private long onPageDuplicates;
    private long offPageDuplicates;

    private BdbHashFile(FileChannel ch, BdbMeta meta) {
        this.ch = ch;
        this.pages = new BdbPageReader(ch, meta);
        long capacity = meta.lastPage() * (meta.pageSize() - meta.pageHeaderSize());
        this.overflow = new BdbOverflowReader(pages, Math.min(MAX_ITEM_LENGTH, capacity));
        this.duplicateTrees = new BdbOffPageDuplicates(pages, overflow);
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

    /** Streams every pair to {@code sink}, in cursor order (see {@link BdbHashFile}); call once. */
    public BdbStats read(BdbPairSink sink) throws IOException {
        return walk(sink);
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }

    /**
     * Walks buckets 0..maxBucket, each from its first page along its chain of overflow bucket pages, the order of a
     * BerkeleyDB cursor (and of rpm). Every page may be visited once in the whole walk, so the walk ends after at
     * most as many page reads as the file has pages.
     */
    private BdbStats walk(BdbPairSink sink) throws IOException {
        BdbMeta meta = pages.meta();
        PageVisits visits = new PageVisits(meta.lastPage());
        visits.newWalk();
        for (long bucket = 0; bucket <= meta.maxBucket(); bucket++) {
            long page = meta.bucketPage(bucket);
            boolean first = true;
            while (page != 0) {
                BdbPage p = pages.read(page);
                if (!visits.firstVisit(page)) {
                    throw new RpmDbFormatException("hash bucket " + bucket + " reaches page " + page
                            + ", which an earlier bucket page already used");
                }
                if (first && p.type() == BdbPage.P_INVALID && p.entries() == 0) {
                    break; // a bucket page never written: an empty bucket
                }
                if (p.type() != BdbPage.P_HASH && p.type() != BdbPage.P_HASH_UNSORTED) {
                    throw new RpmDbFormatException("hash bucket " + bucket + " reaches page " + page + " of type "
                            + p.type() + ", expected a hash page");
                }
                hashPages++;
                hashPage(p, sink);
                page = p.nextPage();
                first = false;
            }
        }
        return new BdbStats(hashPages, pairs, overflowValues, onPageDuplicates, offPageDuplicates);
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
            case H_DUPLICATE -> readOnPageDuplicates(p, at + 1, end, key, sink);
            case H_OFFDUP -> {
                requireLength(p, at, end, 8);
                duplicateTrees.read(p.u32(at + 4), (value, fromOverflow) -> {
                    offPageDuplicates++;
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

    private void readOnPageDuplicates(BdbPage p, int from, int end, byte[] key, BdbPairSink sink) throws IOException {
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
            onPageDuplicates++;
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
