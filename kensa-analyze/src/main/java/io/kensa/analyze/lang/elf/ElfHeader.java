package io.kensa.analyze.lang.elf;

/**
 * The fields of the ELF file header that locate the program and section header tables.
 *
 * @param is64       ELFCLASS64 (otherwise ELFCLASS32)
 * @param bigEndian  ELFDATA2MSB (otherwise ELFDATA2LSB)
 * @param type       e_type (2 executable, 3 shared object or PIE, …)
 * @param phoff      file offset of the program header table
 * @param phentsize  size of one program header
 * @param phnum      number of program headers
 * @param shoff      file offset of the section header table, 0 when there is none
 * @param shentsize  size of one section header
 * @param shnum      number of section headers
 * @param shstrndx   index of the section holding the section names
 */
public record ElfHeader(boolean is64, boolean bigEndian, int type, long phoff, int phentsize, int phnum, long shoff,
                        int shentsize, int shnum, int shstrndx) {

    /** Bytes of the ELF header of the larger class; the smaller needs 52. */
    public static final int MAX_SIZE = 64;
    static final int IDENT_SIZE = 16;
    private static final int ELFCLASS32 = 1;
    private static final int ELFCLASS64 = 2;
    private static final int ELFDATA2LSB = 1;
    private static final int ELFDATA2MSB = 2;

    /** Whether the bytes start with the ELF magic {@code \x7fELF}. */
    public static boolean hasMagic(byte[] b, int length) {
        return length >= 4 && b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F';
    }

    /** Parses the header from the first {@code length} bytes of a file that has the ELF magic. */
    static ElfHeader parse(byte[] b, int length) throws ElfFormatException {
        if (length < IDENT_SIZE) {
            throw new ElfFormatException("truncated ELF: " + length + " bytes, shorter than the ELF identification");
        }
        boolean is64 = switch (b[4]) {
            case ELFCLASS32 -> false;
            case ELFCLASS64 -> true;
            default -> throw new ElfFormatException("unknown ELF class " + b[4]);
        };
        boolean bigEndian = switch (b[5]) {
            case ELFDATA2LSB -> false;
            case ELFDATA2MSB -> true;
            default -> throw new ElfFormatException("unknown ELF data encoding " + b[5]);
        };
        int size = is64 ? 64 : 52;
        if (length < size) {
            throw new ElfFormatException("truncated ELF: " + length + " bytes, shorter than the " + size
                    + "-byte ELF header");
        }
        Fields f = new Fields(b, bigEndian, is64);
        int type = f.u16(16);
        if (is64) {
            return new ElfHeader(true, bigEndian, type, f.u64(32), f.u16(54), f.u16(56), f.u64(40), f.u16(58),
                    f.u16(60), f.u16(62));
        }
        return new ElfHeader(false, bigEndian, type, f.u32(28), f.u16(42), f.u16(44), f.u32(32), f.u16(46),
                f.u16(48), f.u16(50));
    }

    /** Size of a program header of this class. */
    int programHeaderSize() {
        return is64 ? 56 : 32;
    }

    /** Size of a section header of this class. */
    int sectionHeaderSize() {
        return is64 ? 64 : 40;
    }

    /** Size of a pointer of this class. */
    public int pointerSize() {
        return is64 ? 8 : 4;
    }
}
