package io.kensa.analyze.lang.npm;

import io.kensa.analyze.testing.MemoryFileEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The real npm, yarn and pnpm files of {@code src/test/resources/io/kensa/analyze/lang/npm} (see its README). */
final class NpmFixtures {
    /** Every package the fixture project installs, as name@version (15, with the alias my-ms → ms@2.1.2). */
    static final Set<String> ALL = Set.of("@sindresorhus/is@4.6.0", "@types/ms@0.7.34", "debug@2.6.9", "ms@2.0.0",
            "ms@2.1.3", "ms@2.1.2", "is-number@7.0.0", "supports-color@7.2.0", "has-flag@4.0.0", "resolve@1.22.8",
            "is-core-module@2.18.0", "hasown@2.0.4", "function-bind@1.1.2", "path-parse@1.0.7",
            "supports-preserve-symlinks-flag@1.0.0");
    /** The dev-only packages as npm computes them. */
    static final Set<String> NPM_DEV = Set.of("@types/ms@0.7.34", "is-number@7.0.0", "supports-color@7.2.0",
            "has-flag@4.0.0", "resolve@1.22.8", "is-core-module@2.18.0", "hasown@2.0.4", "function-bind@1.1.2",
            "path-parse@1.0.7", "supports-preserve-symlinks-flag@1.0.0");
    /** pnpm makes supports-color an optional peer of debug, so it and has-flag are production packages there. */
    static final Set<String> PNPM_DEV = Set.of("@types/ms@0.7.34", "is-number@7.0.0", "resolve@1.22.8",
            "is-core-module@2.18.0", "hasown@2.0.4", "function-bind@1.1.2", "path-parse@1.0.7",
            "supports-preserve-symlinks-flag@1.0.0");

    private NpmFixtures() {
    }

    static Path resource(String relative) {
        try {
            return Path.of(NpmFixtures.class.getResource("/io/kensa/analyze/lang/npm/" + relative).toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** A resource file handed to an analyzer as if it were at {@code imagePath}. */
    static MemoryFileEntry entry(String imagePath, String relative) {
        try {
            return new MemoryFileEntry(imagePath, Files.readAllBytes(resource(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files under a resource directory, relative to it, with '/' separators. */
    static List<String> files(String relativeDir) {
        Path dir = resource(relativeDir);
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a resource directory into {@code target}. */
    static void copyTree(String relativeDir, Path target) throws IOException {
        Path dir = resource(relativeDir);
        for (String file : files(relativeDir)) {
            Path to = target.resolve(file);
            Files.createDirectories(to.getParent());
            Files.copy(dir.resolve(file), to);
        }
    }
}
