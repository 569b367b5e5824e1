package io.kensa.analyze.lang.rust;

import io.kensa.analyze.lang.elf.ElfExtractor;
import io.kensa.analyze.lang.elf.ElfFile;
import io.kensa.analyze.lang.elf.ElfHeader;
import io.kensa.analyze.lang.elf.ElfNote;
import io.kensa.analyze.lang.elf.ElfStream;
import io.kensa.analyze.lang.elf.SectionHeader;
import io.kensa.core.Package;

import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code .dep-v0} section of Rust binaries built with cargo-auditable. cargo-auditable hands the linker an
 * object file whose {@code .dep-v0} section has no flags, so the section is not loaded and linkers put it among
 * the sections after the loadable segments: GNU ld right after {@code .comment}, at the start of that tail; lld after
 * the debug sections, just before {@code .symtab}, near its end. Its offset is known only from the section headers
 * at the end of the file, so the first and the last {@link #TAIL_LIMIT} bytes of the tail (up to the section header
 * table) are kept while the file streams past; a section elsewhere gives a warning. Files without section headers
 * cannot name it and keep nothing; files carrying the Go linker's note are Go binaries and are skipped.
 */
public final class CargoAuditableExtractor implements ElfExtractor {
    static final long TAIL_LIMIT = 16L << 20;
    /** Largest compressed section read. */
    static final int MAX_SECTION = 8 << 20;
    private static final String SECTION = ".dep-v0";
    private static final String TAG = "rust-tail";

    @Override
    public void start(ElfStream stream) {
        ElfHeader h = stream.header();
        if (h.shoff() <= 0 || h.shnum() == 0 || stream.notes().stream().anyMatch(ElfNote::isGoBuildId)) {
            return;
        }
        long from = stream.loadEnd();
        stream.retain(from, from + TAIL_LIMIT, TAG);
        if (h.shoff() > from + TAIL_LIMIT) {
            stream.retain(h.shoff() - TAIL_LIMIT, h.shoff(), TAG);
        }
    }

    @Override
    public void finish(ElfFile file, String path, List<Package> packages, List<String> warnings) {
        Optional<SectionHeader> section = file.section(SECTION);
        if (section.isEmpty() || section.get().type() == SectionHeader.SHT_NOBITS) {
            return;
        }
        SectionHeader s = section.get();
        if (s.size() > MAX_SECTION) {
            warnings.add(SECTION + " section of " + s.size() + " bytes, over the limit of " + MAX_SECTION
                    + "; not read");
            return;
        }
        byte[] data = file.read(s.offset(), (int) s.size());
        if (data == null) {
            warnings.add(SECTION + " section at offset " + s.offset() + " lies outside the bytes kept while streaming"
                    + " (the first and last " + (TAIL_LIMIT >> 20) + " MiB after the loaded segments); not read");
            return;
        }
        try {
            packages.addAll(AuditableDependencies.parse(data, path));
        } catch (CargoDataException e) {
            warnings.add(e.getMessage());
        }
    }
}
