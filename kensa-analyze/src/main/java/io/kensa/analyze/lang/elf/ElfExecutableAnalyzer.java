package io.kensa.analyze.lang.elf;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;
import io.kensa.core.Package;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads every executable file (any execute bit set) that is an ELF file, in one streaming pass shared by the
 * {@link ElfExtractor}s (Go build info, Rust's cargo-auditable section): the file is never copied whole, only the
 * ranges the extractors ask for are kept. Files that are not ELF cost a four-byte read. A damaged ELF file gives
 * one warning line and the scan goes on.
 */
public final class ElfExecutableAnalyzer implements Analyzer {
    private static final int EXECUTE_BITS = 0111;

    private final List<Supplier<ElfExtractor>> extractors;

    public ElfExecutableAnalyzer(List<Supplier<ElfExtractor>> extractors) {
        this.extractors = List.copyOf(extractors);
    }

    @Override
    public String id() {
        return "elf-executable";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(String path) {
        return false;
    }

    @Override
    public boolean wants(String path, int mode) {
        return (mode & EXECUTE_BITS) != 0;
    }

    @Override
    public FileResult analyze(FileEntry entry) throws IOException {
        ElfStream stream;
        try {
            stream = ElfStream.open(entry.open(), entry.size());
        } catch (ElfFormatException e) {
            return FileResult.of(id(), entry.path(), List.of(), List.of(entry.path() + ": " + e.getMessage()));
        }
        if (stream == null) {
            return null;
        }
        List<ElfExtractor> active = new ArrayList<>(extractors.size());
        for (Supplier<ElfExtractor> s : extractors) {
            ElfExtractor e = s.get();
            e.start(stream);
            active.add(e);
        }
        while (stream.next()) {
            for (ElfExtractor e : active) {
                e.block(stream);
            }
        }
        ElfFile file = stream.finish();
        List<Package> packages = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (ElfExtractor e : active) {
            e.finish(file, entry.path(), packages, found);
        }
        List<String> warnings = new ArrayList<>();
        if (!file.problems().isEmpty()) {
            int more = file.problems().size() - 1;
            warnings.add(entry.path() + ": " + file.problems().getFirst()
                    + (more == 0 ? "" : " (and " + more + " more problem" + (more == 1 ? "" : "s") + ")"));
        }
        for (String w : found) {
            warnings.add(entry.path() + ": " + w);
        }
        if (packages.isEmpty() && warnings.isEmpty()) {
            return null;
        }
        return FileResult.of(id(), entry.path(), packages, warnings);
    }
}
