package io.kensa.analyze.pkg.rpm;

import io.kensa.analyze.FileEntry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file of a layer backed by a local file. {@link #toTempFile} hands out a private copy, as the real one does,
 * unless the backing file is already a private test file ({@code copy} false).
 */
record TestFileEntry(Path file, String path, long size, boolean copy) implements FileEntry {

    static TestFileEntry of(Path file, String path) throws IOException {
        return new TestFileEntry(file, path, Files.size(file), true);
    }

    /** An entry with {@code content}, written to {@code file} (overwritten), handed out as its own temp file. */
    static TestFileEntry of(byte[] content, String path, Path dir) throws IOException {
        Path file = Files.write(dir.resolve("entry.bin"), content);
        return new TestFileEntry(file, path, content.length, false);
    }

    @Override
    public int mode() {
        return 0644;
    }

    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public byte[] readAllBytes(long limit) throws IOException {
        checkLimit(limit);
        return Files.readAllBytes(file);
    }

    @Override
    public Path toTempFile(long limit) throws IOException {
        checkLimit(limit);
        if (!copy) {
            return file;
        }
        Path dir = Files.createTempDirectory("kensa-rpm-test");
        Path copied = dir.resolve(file.getFileName());
        Files.copy(file, copied, StandardCopyOption.REPLACE_EXISTING);
        copied.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return copied;
    }

    private void checkLimit(long limit) throws IOException {
        if (size > limit) {
            throw new IOException(path + " is larger than " + limit + " bytes");
        }
    }
}
