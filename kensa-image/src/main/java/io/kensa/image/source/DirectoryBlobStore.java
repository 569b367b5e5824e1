package io.kensa.image.source;

import io.kensa.image.layer.PathNames;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** The files of an OCI layout directory. Symbolic links are never followed. */
final class DirectoryBlobStore implements BlobStore {
    private final Path root;

    DirectoryBlobStore(Path root) {
        this.root = root;
    }

    @Override
    public boolean exists(String path) {
        Path p = resolve(path);
        return p != null && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public long size(String path) throws IOException {
        return attributes(path).size();
    }

    @Override
    public InputStream open(String path) throws IOException {
        attributes(path);
        return Files.newInputStream(resolve(path), LinkOption.NOFOLLOW_LINKS);
    }

    private BasicFileAttributes attributes(String path) throws IOException {
        Path p = resolve(path);
        if (p == null) {
            throw new NoSuchFileException(path);
        }
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isRegularFile()) {
            throw new NoSuchFileException(path + " (not a regular file)");
        }
        return a;
    }

    private Path resolve(String path) {
        String normalized = PathNames.normalize(path);
        return normalized == null || normalized.isEmpty() ? null : root.resolve(normalized);
    }

    @Override
    public void close() {
    }
}
