package io.kensa.analyze.lang.python;

import io.kensa.analyze.testing.MemoryFileEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real metadata files of {@code src/test/resources/io/kensa/analyze/lang/python} (see its README). */
final class PythonFixtures {
    private PythonFixtures() {
    }

    static MemoryFileEntry entry(String imagePath, String resource) {
        try {
            Path p = Path.of(PythonFixtures.class.getResource("/io/kensa/analyze/lang/python/" + resource).toURI());
            return new MemoryFileEntry(imagePath, Files.readAllBytes(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
