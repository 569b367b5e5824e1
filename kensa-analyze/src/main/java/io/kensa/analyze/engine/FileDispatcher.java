package io.kensa.analyze.engine;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.AnalyzerRegistry;
import io.kensa.analyze.FileResult;
import io.kensa.core.KensaException;
import io.kensa.image.tar.TarFormatException;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hands one file to every analyzer that wants it. A failing analyzer costs a warning for that file, not the
 * scan; failures of the stream itself (truncated or corrupt layer) propagate.
 */
public final class FileDispatcher {
    /** Largest file read into memory when several analyzers want the same file; larger ones are spooled. */
    private static final long SHARED_FILE_LIMIT = 32L << 20;
    /**
     * Largest file copied to the scratch space when several analyzers want it (a malware analyzer wants every
     * file, so a big executable or archive must not escape it); larger ones are skipped with a warning.
     */
    private static final long SHARED_SPOOL_LIMIT = 2L << 30;

    private final List<Analyzer> analyzers;
    private final ScratchSpace scratch;
    private final long memoryLimit;

    public FileDispatcher(AnalyzerRegistry registry, ScratchSpace scratch) {
        this(registry, scratch, SHARED_FILE_LIMIT);
    }

    /** With another limit for the files shared in memory (tests). */
    FileDispatcher(AnalyzerRegistry registry, ScratchSpace scratch, long memoryLimit) {
        this.analyzers = registry.analyzers();
        this.scratch = scratch;
        this.memoryLimit = memoryLimit;
    }

    /** Whether any analyzer that follows links wants the path, whatever the file's mode (for symbolic links). */
    public boolean wanted(String path) {
        for (Analyzer a : analyzers) {
            if (a.followsLinks() && a.wants(path)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any analyzer wants a regular file at the path with these permission bits. */
    public boolean wanted(String path, int mode) {
        for (Analyzer a : analyzers) {
            if (a.wants(path, mode)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any analyzer that follows links wants a file at the path with these permission bits (hard links). */
    public boolean wantedLink(String path, int mode) {
        for (Analyzer a : analyzers) {
            if (a.followsLinks() && a.wants(path, mode)) {
                return true;
            }
        }
        return false;
    }

    /** Whether exactly the same analyzers that follow links want both paths for a file of this mode. */
    public boolean sameAnalyzers(String a, String b, int mode) {
        for (Analyzer analyzer : analyzers) {
            if (analyzer.followsLinks() && analyzer.wants(a, mode) != analyzer.wants(b, mode)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs the analyzers wanting {@code path}; adds their results and warnings to the given lists, and counts the
     * files an analyzer declined ({@link FileResult#skipped()}) in {@code skipped} by {@code analyzer: reason}.
     */
    public void dispatch(String path, long size, int mode, InputStream content, List<FileResult> results,
                         List<String> warnings, Map<String, Long> skipped) throws IOException {
        List<Analyzer> wanting = new ArrayList<>(1);
        for (Analyzer a : analyzers) {
            if (a.wants(path, mode)) {
                wanting.add(a);
            }
        }
        if (wanting.isEmpty()) {
            return;
        }
        if (wanting.size() == 1) {
            StreamFileEntry entry = new StreamFileEntry(path, size, mode, content, scratch);
            try {
                run(wanting.getFirst(), entry, results, warnings, skipped);
            } finally {
                entry.cleanUp();
            }
            return;
        }
        if (size > SHARED_SPOOL_LIMIT) {
            warnings.add(path + ": skipped, " + size + " bytes is over the " + SHARED_SPOOL_LIMIT + "-byte limit");
            return;
        }
        if (size > memoryLimit) {
            spool(path, size, mode, content, wanting, results, warnings, skipped);
            return;
        }
        byte[] data = content.readNBytes((int) size);
        for (Analyzer a : wanting) {
            StreamFileEntry entry = new StreamFileEntry(path, data.length, mode, new ByteArrayInputStream(data), scratch);
            try {
                run(a, entry, results, warnings, skipped);
            } finally {
                entry.cleanUp();
            }
        }
    }

    /** Copies a big file wanted by several analyzers to the scratch space once, and streams it to each. */
    private void spool(String path, long size, int mode, InputStream content, List<Analyzer> wanting,
                       List<FileResult> results, List<String> warnings, Map<String, Long> skipped)
            throws IOException {
        Path copy = scratch.newFile("-shared");
        try {
            try (OutputStream out = Files.newOutputStream(copy)) {
                byte[] buf = new byte[1 << 16];
                long left = size;
                while (left > 0) {
                    int n = content.read(buf, 0, (int) Math.min(buf.length, left));
                    if (n < 0) {
                        throw new IOException(path + ": short read");
                    }
                    out.write(buf, 0, n);
                    left -= n;
                }
            }
            for (Analyzer a : wanting) {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(copy), 1 << 16)) {
                    StreamFileEntry entry = new StreamFileEntry(path, size, mode, in, scratch);
                    try {
                        run(a, entry, results, warnings, skipped);
                    } finally {
                        entry.cleanUp();
                    }
                }
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static void run(Analyzer analyzer, io.kensa.analyze.FileEntry entry, List<FileResult> results,
                            List<String> warnings, Map<String, Long> skipped) throws IOException {
        try {
            FileResult r = analyzer.analyze(entry);
            if (r != null && r.skipped() != null) {
                skipped.merge(analyzer.id() + ": " + r.skipped(), 1L, Long::sum);
            } else if (r != null) {
                results.add(r);
            }
        } catch (KensaException | TarFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (e.getCause() instanceof KensaException k) {
                throw k;
            }
            warnings.add(entry.path() + ": " + analyzer.id() + " could not read it (" + e.getMessage() + ")");
        }
    }
}
