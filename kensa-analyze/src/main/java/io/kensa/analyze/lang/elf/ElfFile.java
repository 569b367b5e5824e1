package io.kensa.analyze.lang.elf;

import java.util.List;
import java.util.Optional;

/**
 * An ELF file after its streaming pass: the headers, and reads over the bytes that were kept. A read of bytes that
 * were not kept, or that lie outside the file, gives null.
 */
public final class ElfFile {
    private final ElfHeader header;
    private final List<ProgramHeader> programs;
    private final List<SectionHeader> sections;
    private final RetainedBytes bytes;
    private final long size;
    private final List<String> problems;

    ElfFile(ElfHeader header, List<ProgramHeader> programs, List<SectionHeader> sections, RetainedBytes bytes,
            long size, List<String> problems) {
        this.header = header;
        this.programs = programs;
        this.sections = sections;
        this.bytes = bytes;
        this.size = size;
        this.problems = problems;
    }

    public ElfHeader header() {
        return header;
    }

    public List<ProgramHeader> programs() {
        return programs;
    }

    /** Sections whose bytes lie inside the file (the null section excluded); empty when the table was unreadable. */
    public List<SectionHeader> sections() {
        return sections;
    }

    public Optional<SectionHeader> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public long size() {
        return size;
    }

    /** What is wrong with the file's structure (truncation, headers pointing outside it), at most ten lines. */
    public List<String> problems() {
        return problems;
    }

    /** {@code length} bytes at file offset {@code offset}, or null. */
    public byte[] read(long offset, int length) {
        return bytes.read(offset, length);
    }

    /** Up to {@code max} bytes from {@code offset}, fewer when the file or the kept bytes end first. */
    public byte[] readUpTo(long offset, int max) {
        return bytes.readUpTo(offset, max);
    }

    /** Whether a loadable segment maps the unsigned virtual address {@code address} to bytes of the file. */
    public boolean mapped(long address) {
        return programs.stream().anyMatch(p -> p.isLoad() && p.containsAddress(address));
    }

    /**
     * Up to {@code length} bytes at the unsigned virtual address {@code address}, through the loadable segment that
     * maps it: fewer when the segment's bytes in the file end first, null when no segment maps the address or the
     * bytes were not kept.
     */
    public byte[] readAddress(long address, long length) {
        for (ProgramHeader p : programs) {
            if (p.isLoad() && p.containsAddress(address)) {
                long into = address - p.vaddr();
                long n = Math.min(length, p.filesz() - into);
                if (n > Integer.MAX_VALUE) {
                    return null;
                }
                return bytes.read(p.offset() + into, (int) n);
            }
        }
        return null;
    }
}
