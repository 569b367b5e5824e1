package io.kensa.analyze.engine;

import io.kensa.analyze.FileEntry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A file read straight from a stream (a tar entry or a file of a root filesystem); its content is read once. */
final class StreamFileEntry implements FileEntry {
    private final String path;
    private final long size;
    private final int mode;
    private final InputStream content;
    private final ScratchSpace scratch;
    private final List<Path> tempFiles = new ArrayList<>();
    private boolean consumed;

    StreamFileEntry(String path, long size, int mode, InputStream content, ScratchSpace scratch) {
        this.path = path;
        this.size = size;
        this.mode = mode;
        this.content = content;
        this.scratch = scratch;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int mode() {
        return mode;
    }

    @Override
    public InputStream open() throws IOException {
        consume();
        return new FilterInputStream(content) {
            @Override
            public void close() {
                // the underlying stream belongs to the layer reader
            }
        };
    }

    @Override
    public byte[] readAllBytes(long limit) throws IOException {
        checkLimit(limit);
        consume();
        byte[] data = content.readNBytes((int) size);
        if (data.length != size) {
            throw new IOException(path + ": short read");
        }
        return data;
    }

    @Override
    public Path toTempFile(long limit) throws IOException {
        checkLimit(limit);
        consume();
        Path tmp = scratch.newFile("-" + path.substring(path.lastIndexOf('/') + 1));
        tempFiles.add(tmp);
        try (OutputStream out = Files.newOutputStream(tmp)) {
            content.transferTo(out);
        }
        return tmp;
    }

    /** Deletes the temporary files handed out. */
    void cleanUp() {
        for (Path p : tempFiles) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // the scratch space is removed at the end of the scan anyway
            }
        }
    }

    private void checkLimit(long limit) throws IOException {
        if (size > limit) {
            throw new IOException(path + " is larger than the limit of " + limit + " bytes");
        }
    }

    private void consume() throws IOException {
        if (consumed) {
            throw new IOException(path + ": content already read");
        }
        consumed = true;
    }
}
