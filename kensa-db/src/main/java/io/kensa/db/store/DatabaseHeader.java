package io.kensa.db.store;

import io.kensa.core.KensaException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The first 100 bytes of an SQLite file, checked before SQLite opens it: a file that is not SQLite, not a Kensa
 * database, of another schema version, or shorter than its header says (a truncated copy) is refused with one line.
 */
record DatabaseHeader(int pageSize, long pageCount, int userVersion, int applicationId) {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int SIZE = 100;

    /** Reads and checks the header of {@code file}; throws a one-line {@link KensaException} when it is unusable. */
    static DatabaseHeader check(Path file) {
        if (!Files.exists(file)) {
            throw new KensaException(file + ": no such database file");
        }
        if (!Files.isRegularFile(file)) {
            throw new KensaException(file + ": not a database file (not a regular file)");
        }
        byte[] head = new byte[SIZE];
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, SIZE);
            size = Files.size(file);
            if (n < SIZE) {
                throw notKensa(file, "too short for an SQLite file");
            }
        } catch (NoSuchFileException e) {
            throw new KensaException(file + ": no such database file");
        } catch (IOException e) {
            throw new KensaException(file + ": unreadable database (" + e.getMessage() + ")", e);
        }
        ByteBuffer b = ByteBuffer.wrap(head);
        if (!ByteBuffer.wrap(MAGIC).equals(b.slice(0, MAGIC.length))) {
            throw notKensa(file, "not an SQLite file");
        }
        int rawPageSize = Short.toUnsignedInt(b.getShort(16));
        int pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
        long pageCount = Integer.toUnsignedLong(b.getInt(28));
        int userVersion = b.getInt(60);
        int applicationId = b.getInt(68);
        if (applicationId != Schema.APPLICATION_ID) {
            throw notKensa(file, "an SQLite file of another application");
        }
        if (userVersion != Schema.VERSION) {
            throw new KensaException(file + ": Kensa database schema version " + userVersion + ", this kensa reads "
                    + "version " + Schema.VERSION + " (rebuild it with kensa db build)");
        }
        if (pageSize < 512 || Integer.bitCount(pageSize) != 1 || (pageCount > 0 && size < pageCount * pageSize)) {
            throw new KensaException(file + ": corrupt Kensa database (" + size + " bytes, its header says "
                    + pageCount * pageSize + "): truncated or damaged, rebuild it with kensa db build");
        }
        return new DatabaseHeader(pageSize, pageCount, userVersion, applicationId);
    }

    private static KensaException notKensa(Path file, String why) {
        return new KensaException(file + ": not a Kensa database (" + why + ")");
    }
}
