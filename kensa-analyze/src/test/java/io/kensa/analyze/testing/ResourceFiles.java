package io.kensa.analyze.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test resources (real files stored beside the tests) read as bytes or handed to analyzers. */
public final class ResourceFiles {
    private ResourceFiles() {
    }

    /** The bytes of a classpath resource, which must exist. */
    public static byte[] bytes(String resource) {
        try (InputStream in = ResourceFiles.class.getResourceAsStream(resource.startsWith("/") ? resource : "/" + resource)) {
            if (in == null) {
                throw new AssertionError("test resource missing: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A resource handed to an analyzer as if it were the file {@code imagePath} of an image. */
    public static MemoryFileEntry entry(String resource, String imagePath) {
        return new MemoryFileEntry(imagePath, bytes(resource));
    }
}
