package io.kensa.analyze.testing;

import io.kensa.analyze.FileEntry;

import java.io.InputStream;
import java.nio.file.Path;

/** A file whose recorded size is over an analyzer's limit; reading it fails the test (it must be refused unread). */
public record OversizedFileEntry(String path, long size) implements FileEntry {

    @Override
    public int mode() {
        return 0644;
    }

    @Override
    public InputStream open() {
        throw new AssertionError(path + " was read despite its size");
    }

    @Override
    public byte[] readAllBytes(long limit) {
        throw new AssertionError(path + " was read despite its size");
    }

    @Override
    public Path toTempFile(long limit) {
        throw new AssertionError(path + " was read despite its size");
    }
}
