package io.kensa.analyze.engine;

import io.kensa.analyze.FileEntry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file held in memory, for the rare file that several analyzers want. */
final class BytesFileEntry implements FileEntry {
    private final String path;
    private final int mode;
    private final byte[] data;
    private final ScratchSpace scratch;
    private Path temp;

    BytesFileEntry(String path, int mode, byte[] data, ScratchSpace scratch) {
        this.path = path;
        this.mode = mode;
        this.data = data;
        this.scratch = scratch;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public long size() {
        return data.length;
    }

    @Override
    public int mode() {
        return mode;
    }

    @Override
    public InputStream open() {
        return new ByteArrayInputStream(data);
    }

    @Override
    public byte[] readAllBytes(long limit) throws IOException {
        if (data.length > limit) {
            throw new IOException(path + " is larger than the limit of " + limit + " bytes");
        }
        return data;
    }

    @Override
    public Path toTempFile(long limit) throws IOException {
        readAllBytes(limit);
        temp = scratch.newFile("-" + path.substring(path.lastIndexOf('/') + 1));
        Files.write(temp, data);
        return temp;
    }

    void cleanUp() {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // removed with the scratch space
            }
        }
    }
}
