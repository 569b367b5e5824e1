package io.kensa.analyze.lang.elf;

import io.kensa.core.Package;

import java.util.List;

/**
 * Finds one kind of package information in ELF files during their single streaming pass. One instance reads one
 * file: it says which bytes it needs kept ({@link ElfStream#retain}) or wants to look at as they pass
 * ({@link ElfStream#inspect}), looks at those blocks, and turns the kept bytes into packages at the end. Blocks
 * nobody asked for are skipped.
 */
public interface ElfExtractor {

    /** Called once the ELF header, the program headers and the notes are known, before the rest streams past. */
    void start(ElfStream stream);

    /**
     * Called for each block read, in file order: the first blocks (replayed from memory) and every block that a
     * retained or inspected range of any extractor covers.
     */
    default void block(ElfStream stream) {
    }

    /**
     * Called after the pass: adds what was found in the file at {@code path} (relative to the image root) to
     * {@code packages}, and problems with it to {@code warnings} (one line each, without the path).
     */
    void finish(ElfFile file, String path, List<Package> packages, List<String> warnings);
}
