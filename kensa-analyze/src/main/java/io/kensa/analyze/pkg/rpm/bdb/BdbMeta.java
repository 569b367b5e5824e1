package io.kensa.analyze.pkg.rpm.bdb;

import io.kensa.analyze.pkg.rpm.PositionalReads;
import io.kensa.analyze.pkg.rpm.RpmDbFormatException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The validated metadata page (page 0) of a BerkeleyDB hash database file.
 *
 * @param order          byte order of the file's page structures (the writer's host order)
 * @param version        hash access method version
 * @param pageSize       page size in bytes, a power of two from 512 to 65536
 * @param lastPage       number of the last page
 * @param pageHeaderSize bytes before a page's item index: 26, or 32 when pages carry checksums
 * @param maxBucket      highest hash bucket in use
 * @param spares         the 32 "spare points": bucket {@code b} lives on page {@code b + spares[ceil(log2(b + 1))]}
 */
public record BdbMeta(ByteOrder order, int version, int pageSize, long lastPage, int pageHeaderSize, long maxBucket,
                      List<Long> spares) {
    /** Magic number of a hash database. */
    public static final int HASH_MAGIC = 0x061561;
    private static final int BTREE_MAGIC = 0x053162;
    private static final int QUEUE_MAGIC = 0x042253;
    private static final int HEAP_MAGIC = 0x074582;

    static final int MIN_PAGE_SIZE = 512;
    static final int MAX_PAGE_SIZE = 65536;
    private static final int P_HASHMETA = 8;
    private static final int DBMETA_CHKSUM = 0x01;
    private static final int PAGE_HEADER = 26;
    private static final int PAGE_HEADER_CHECKSUMMED = 32;
    private static final int SPARES = 32;

    public BdbMeta {
        spares = List.copyOf(spares);
    }

    /** The first page of {@code bucket} (0..maxBucket), as BerkeleyDB's {@code BUCKET_TO_PAGE} computes it. */
    public long bucketPage(long bucket) {
        int log2 = 64 - Long.numberOfLeadingZeros(bucket); // ceil(log2(bucket + 1))
        return bucket + spares.get(log2);
    }

    /** Reads and checks the metadata page of {@code ch}. */
    public static BdbMeta read(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size < MIN_PAGE_SIZE) {
            throw new RpmDbFormatException("file of " + size + " bytes is too short for a BerkeleyDB metadata page");
        }
        ByteBuffer b = PositionalReads.readFully(ch, ByteBuffer.allocate(MIN_PAGE_SIZE), 0);
        int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(12);
        ByteOrder order;
        if (magic == HASH_MAGIC) {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (Integer.reverseBytes(magic) == HASH_MAGIC) {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            String kind = kind(magic);
            if (kind == null) {
                kind = kind(Integer.reverseBytes(magic));
            }
            throw new RpmDbFormatException(kind == null
                    ? String.format("not a BerkeleyDB database: magic 0x%08x at offset 12", magic)
                    : "BerkeleyDB " + kind + " database, expected a hash database");
        }
        b.order(order);
        int version = b.getInt(16);
        if (version < 7 || version > 10) {
            throw new RpmDbFormatException("unsupported BerkeleyDB hash version " + version);
        }
        int pageSize = b.getInt(20);
        if (pageSize < MIN_PAGE_SIZE || pageSize > MAX_PAGE_SIZE || Integer.bitCount(pageSize) != 1) {
            throw new RpmDbFormatException("invalid BerkeleyDB page size " + pageSize);
        }
        if (b.get(24) != 0) {
            throw new RpmDbFormatException("encrypted BerkeleyDB database (algorithm " + b.get(24) + ") not supported");
        }
        int type = b.get(25) & 0xff;
        if (type != P_HASHMETA) {
            throw new RpmDbFormatException("BerkeleyDB metadata page has type " + type + ", expected 8 (hash metadata)");
        }
        boolean checksummed = (b.get(26) & DBMETA_CHKSUM) != 0;
        long lastPage = Integer.toUnsignedLong(b.getInt(32));
        long needed = (lastPage + 1) * pageSize;
        if (needed > size) {
            throw new RpmDbFormatException("BerkeleyDB file truncated: last page " + lastPage + " of " + pageSize
                    + " bytes needs " + needed + " bytes, file has " + size);
        }
        long maxBucket = Integer.toUnsignedLong(b.getInt(72));
        if (maxBucket > lastPage || 64 - Long.numberOfLeadingZeros(maxBucket) >= SPARES) {
            throw new RpmDbFormatException("BerkeleyDB hash metadata: max bucket " + maxBucket
                    + " is impossible in a file of " + (lastPage + 1) + " pages");
        }
        List<Long> spares = new ArrayList<>(SPARES);
        for (int i = 0; i < SPARES; i++) {
            spares.add(Integer.toUnsignedLong(b.getInt(96 + 4 * i)));
        }
        return new BdbMeta(order, version, pageSize, lastPage,
                checksummed ? PAGE_HEADER_CHECKSUMMED : PAGE_HEADER, maxBucket, spares);
    }

    private static String kind(int magic) {
        return switch (magic) {
            case BTREE_MAGIC -> "btree";
            case QUEUE_MAGIC -> "queue";
            case HEAP_MAGIC -> "heap";
            default -> null;
        };
    }
}
