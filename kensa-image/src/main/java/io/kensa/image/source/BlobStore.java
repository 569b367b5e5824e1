package io.kensa.image.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** Named files of an image on disk: the files of a directory, or the entries of a tar archive. */
interface BlobStore extends Closeable {

    /** Whether a regular file of that relative path exists. */
    boolean exists(String path);

    /** Size of the file in bytes. */
    long size(String path) throws IOException;

    /** Opens the file; the stream is bounded to the file. */
    InputStream open(String path) throws IOException;
}
