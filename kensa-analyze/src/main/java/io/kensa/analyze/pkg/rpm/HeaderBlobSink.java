package io.kensa.analyze.pkg.rpm;

import java.io.IOException;

/** Receives the header blobs a {@link RpmDbReader} finds, one at a time. */
public interface HeaderBlobSink {

    /**
     * One stored header.
     *
     * @param instance the header's instance number in the database (rpm's {@code hnum} / package index)
     * @param blob     the header blob, without the 8-byte magic prefix of an on-disk rpm header
     */
    void header(long instance, byte[] blob) throws IOException;

    /** A record the reader had to skip because it is damaged; the rest of the database is still read. */
    default void skipped(long instance, String reason) {
    }
}
