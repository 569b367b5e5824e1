package io.kensa.analyze.lang.elf;

/**
 * One section header whose bytes start inside the file; a section running past the end is cut at the end.
 *
 * @param index  position in the table
 * @param name   name from the section name table, empty when the table could not be read
 * @param type   sh_type
 * @param flags  sh_flags
 * @param offset file offset of the section's bytes
 * @param size   bytes of the section ({@code SHT_NOBITS} sections occupy none in the file)
 */
public record SectionHeader(int index, String name, long type, long flags, long offset, long size) {
    public static final long SHT_NOBITS = 8;
}
