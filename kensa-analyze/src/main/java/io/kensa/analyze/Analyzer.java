package io.kensa.analyze;

import java.io.IOException;

/**
 * Reads the files of a layer that it declares it wants and turns them into pure data. Analyzers are stateless:
 * one instance serves every layer, possibly from several threads. Register new analyzers in
 * {@link AnalyzerRegistry}; bump {@link #version()} whenever the output for the same bytes changes, so cached
 * layer results are recomputed.
 */
public interface Analyzer {

    /** Short stable id, e.g. {@code dpkg}. */
    String id();

    /** Version of this analyzer's output format and logic. */
    int version();

    /**
     * Whether this analyzer wants the regular file at {@code path}: relative to the image root, no leading
     * slash, normalised (no {@code .} or {@code ..} segments). Called for every file of every layer: keep it cheap.
     */
    boolean wants(String path);

    /**
     * Whether this analyzer wants the regular file at {@code path} with permission bits {@code mode}; by default
     * decided by the path alone. Analyzers of executables (Go, Rust binaries) look at the mode instead.
     */
    default boolean wants(String path, int mode) {
        return wants(path);
    }

    /**
     * Whether links at the paths this analyzer wants are recorded, so that the inventory can follow a symbolic or
     * hard link to the file this analyzer read (an {@code os-release} link, a package database shared by a hard
     * link). Analyzers that read every file where it lies (secrets, malware) say false: links then cost nothing.
     */
    default boolean followsLinks() {
        return true;
    }

    /**
     * Analyzes one wanted file. Returns null when the file holds nothing of interest. A malformed file should
     * produce a result with a warning rather than throw; an {@link IOException} aborts the layer.
     */
    FileResult analyze(FileEntry entry) throws IOException;
}
