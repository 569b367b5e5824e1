package io.kensa.analyze;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** A regular file handed to an analyzer. Its content can be read once, by one of the methods below. */
public interface FileEntry {

    /** Path relative to the root, no leading slash. */
    String path();

    /** Size in bytes as recorded in the layer. */
    long size();

    /** Unix permission bits, including setuid/setgid/sticky. */
    int mode();

    /** The content as a stream, bounded to {@link #size()}. */
    InputStream open() throws IOException;

    /** The whole content; fails with an IOException when the file is larger than {@code limit} bytes. */
    byte[] readAllBytes(long limit) throws IOException;

    /**
     * The content copied to a private temporary file, for readers that need random access (database files).
     * The file is deleted after {@link Analyzer#analyze} returns. Fails when the file is larger than {@code limit}.
     */
    Path toTempFile(long limit) throws IOException;
}
