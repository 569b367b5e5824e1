package io.kensa.analyze.pkg.rpm;

import io.kensa.analyze.pkg.rpm.bdb.BdbPackagesReader;
import io.kensa.analyze.pkg.rpm.ndb.NdbPackagesReader;
import io.kensa.analyze.pkg.rpm.sqlite.SqlitePackagesReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** The on-disk formats of rpm's package database, recognised by their magic bytes rather than the file name. */
public enum RpmDbFormat {
    /** BerkeleyDB hash {@code Packages} (rpm ≤ 4.15). */
    BERKELEY_DB("BerkeleyDB"),
    /** rpm's native {@code Packages.db} (SUSE). */
    NDB("NDB"),
    /** {@code rpmdb.sqlite} (rpm ≥ 4.16). */
    SQLITE("SQLite");

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NDB_MAGIC = "RpmP".getBytes(StandardCharsets.US_ASCII);
    /** Magic numbers of the BerkeleyDB access methods (hash, btree, queue, heap), found at offset 12. */
    private static final int[] BDB_MAGICS = {0x061561, 0x053162, 0x042253, 0x074582};

    private final String displayName;

    RpmDbFormat(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** A new reader for this format. */
    public RpmDbReader reader() {
        return switch (this) {
            case BERKELEY_DB -> new BdbPackagesReader();
            case NDB -> new NdbPackagesReader();
            case SQLITE -> new SqlitePackagesReader();
        };
    }

    /** The format of {@code file} judged by its first 16 bytes; empty when none matches. */
    public static Optional<RpmDbFormat> detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SQLITE_MAGIC.length);
        }
        return detect(head);
    }

    /** The format of a file starting with {@code head}; empty when none matches. */
    public static Optional<RpmDbFormat> detect(byte[] head) {
        if (startsWith(head, SQLITE_MAGIC)) {
            return Optional.of(SQLITE);
        }
        if (startsWith(head, NDB_MAGIC)) {
            return Optional.of(NDB);
        }
        if (head.length >= 16) {
            int magic = ByteBuffer.wrap(head, 12, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            for (int m : BDB_MAGICS) {
                if (magic == m || Integer.reverseBytes(magic) == m) {
                    return Optional.of(BERKELEY_DB);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
