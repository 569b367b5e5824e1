package io.kensa.analyze.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private directory for the temporary files some analyzers need (database files read at random). It lives
 * under the cache directory, so a scan writes nowhere else, and is removed when the scan ends.
 */
public final class ScratchSpace implements AutoCloseable {
    private final Path dir;

    private ScratchSpace(Path dir) {
        this.dir = dir;
    }

    public static ScratchSpace under(Path parent) throws IOException {
        Files.createDirectories(parent);
        return new ScratchSpace(Files.createTempDirectory(parent, "scratch-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
    }

    public Path newFile(String suffix) throws IOException {
        return Files.createTempFile(dir, "f-", suffix);
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: the directory is private and named scratch-*
        }
    }
}
