package io.kensa.analyze.pkg.rpm;

import java.io.IOException;
import java.nio.file.Path;

/** Reads the header blobs of one rpm package database file format, without rpm or any native rpm library. */
public interface RpmDbReader {

    /**
     * Streams every stored header of {@code db} to {@code sink}, in database order. Never writes to the file.
     *
     * @throws RpmDbFormatException when the file is not a database of this format or is damaged
     */
    void read(Path db, HeaderBlobSink sink) throws IOException;
}
