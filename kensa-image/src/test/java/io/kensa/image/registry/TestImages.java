package io.kensa.image.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Paths of the shared image corpus ({@code -Dkensa.corpus}, else {@code /work/shared/corpus}) and its ground truth. */
public final class TestImages {
    private TestImages() {
    }

    public static Path corpus() {
        String configured = System.getProperty("kensa.corpus");
        Path dir = configured != null ? Path.of(configured) : Path.of("/work/shared/corpus");
        if (!Files.isDirectory(dir.resolve("images"))) {
            throw new IllegalStateException("image corpus not found at " + dir + " (set -Dkensa.corpus)");
        }
        return dir;
    }

    public static Path image(String file) {
        return corpus().resolve("images").resolve(file);
    }

    /** The rows of a ground-truth TSV (header dropped), split on tabs. */
    public static List<String[]> tsv(String relative) {
        try {
            return Files.readAllLines(image(relative)).stream().skip(1).filter(l -> !l.isBlank())
                    .map(l -> l.split("\t", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
