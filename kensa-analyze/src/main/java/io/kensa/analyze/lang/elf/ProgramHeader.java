package io.kensa.analyze.lang.elf;

/**
 * One program header (segment). Offsets and sizes were checked to be non-negative; {@code vaddr} is unsigned.
 *
 * @param index  position in the table
 * @param type   p_type
 * @param flags  p_flags ({@link #PF_X}, {@link #PF_W}, {@link #PF_R})
 * @param offset file offset of the segment
 * @param vaddr  virtual address of the segment
 * @param filesz bytes of the segment in the file
 * @param align  p_align
 */
public record ProgramHeader(int index, long type, long flags, long offset, long vaddr, long filesz, long align) {
    public static final long PT_LOAD = 1;
    public static final long PT_NOTE = 4;
    public static final long PF_X = 1;
    public static final long PF_W = 2;

    public boolean isLoad() {
        return type == PT_LOAD;
    }

    public boolean executable() {
        return (flags & PF_X) != 0;
    }

    public boolean writable() {
        return (flags & PF_W) != 0;
    }

    /** File offset just past the segment. */
    public long end() {
        return offset + filesz;
    }

    /** Whether the unsigned virtual address {@code address} lies in the file-backed part of the segment. */
    public boolean containsAddress(long address) {
        return filesz > 0 && Long.compareUnsigned(address, vaddr) >= 0
                && Long.compareUnsigned(address - vaddr, filesz) < 0;
    }
}
