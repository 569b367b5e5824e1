package io.kensa.image.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shared real-image corpus ({@code shared/corpus}), located by the system property {@code kensa.corpus} that
 * Surefire sets. A missing corpus fails the test with a clear message: tests on real bytes are never skipped.
 */
public final class Corpus {
    public static final String PROPERTY = "kensa.corpus";

    private Corpus() {
    }

    /** The corpus root (the directory holding {@code images/}). */
    public static Path root() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            throw new AssertionError("system property " + PROPERTY + " is not set: run the tests through Maven "
                    + "(Surefire sets it to <project root>/../shared/corpus) or pass -D" + PROPERTY + "=DIR");
        }
        Path root = Path.of(value);
        if (!Files.isDirectory(root.resolve("images"))) {
            throw new AssertionError("Kensa corpus not found: " + root.toAbsolutePath() + " has no images/ directory ("
                    + PROPERTY + "=" + value + "); the shared corpus must be checked out beside the project");
        }
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code images/} of the corpus. */
    public static Path images() {
        return root().resolve("images");
    }

    /** A file of {@code images/}, which must exist. */
    public static Path image(String relative) {
        Path p = images().resolve(relative);
        if (!Files.exists(p)) {
            throw new AssertionError("corpus file missing: " + p);
        }
        return p;
    }

    /** The rows of a tab-separated file, header first. Empty trailing columns are kept. */
    public static List<String[]> tsv(Path file) {
        try {
            List<String[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isEmpty()) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a tab-separated file without its header line. */
    public static List<String[]> tsvBody(Path file) {
        List<String[]> rows = tsv(file);
        return rows.isEmpty() ? rows : rows.subList(1, rows.size());
    }

    /** Column {@code column} of the header of {@code file}. */
    public static int column(Path file, String column) {
        String[] header = tsv(file).getFirst();
        int i = Arrays.asList(header).indexOf(column);
        if (i < 0) {
            throw new AssertionError(file + " has no column " + column);
        }
        return i;
    }
}
