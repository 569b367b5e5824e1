package io.kensa.analyze.testing;

import io.kensa.analyze.FileEntry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file handed to an analyzer straight from memory. */
public record MemoryFileEntry(String path, byte[] data) implements FileEntry {

    public static MemoryFileEntry of(String path, String text) {
        return new MemoryFileEntry(path, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public long size() {
        return data.length;
    }

    @Override
    public int mode() {
        return 0644;
    }

    @Override
    public InputStream open() {
        return new ByteArrayInputStream(data);
    }

    @Override
    public byte[] readAllBytes(long limit) throws IOException {
        if (data.length > limit) {
            throw new IOException(path + " too large");
        }
        return data;
    }

    @Override
    public Path toTempFile(long limit) throws IOException {
        Path p = Files.createTempFile("kensa-test-", "");
        p.toFile().deleteOnExit();
        return Files.write(p, readAllBytes(limit));
    }
}
