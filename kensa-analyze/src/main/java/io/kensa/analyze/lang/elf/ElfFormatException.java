package io.kensa.analyze.lang.elf;

/** An ELF file whose headers cannot be read: truncated, or with values that point outside the file. */
public final class ElfFormatException extends Exception {
    public ElfFormatException(String message) {
        super(message);
    }
}
