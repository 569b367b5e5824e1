package io.kensa.analyze.pkg.rpm;

import io.kensa.analyze.FileEntry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A file of a layer backed by a local file; {@link #toTempFile} hands out a private copy, as the real one does. */
record TestFileEntry(Path file, String path, long size) implements FileEntry {

    static TestFileEntry of(Path file, String path) throws IOException {
        return new TestFileEntry(file, path, Files.size(file));
    }

    /** An entry with {@code content}, written to a file under {@code dir}. */
    static TestFileEntry of(byte[] content, String path, Path dir) throws IOException {
        Path file = Files.createTempFile(dir, "entry", ".bin");
        Files.write(file, content);
        return of(file, path);
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
        if (size > limit) {
            throw new IOException(path + " is larger than " + limit + " bytes");
        }
        return Files.readAllBytes(file);
    }

    @Override
    public Path toTempFile(long limit) throws IOException {
        if (size > limit) {
            throw new IOException(path + " is larger than " + limit + " bytes");
        }
        Path dir = Files.createTempDirectory("kensa-rpm-test");
        Path copy = dir.resolve(file.getFileName());
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        copy.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return copy;
    }
}
