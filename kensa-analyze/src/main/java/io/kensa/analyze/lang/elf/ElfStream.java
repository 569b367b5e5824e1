package io.kensa.analyze.lang.elf;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One forward pass over an ELF file that cannot be read at random (a tar entry): the ELF header, the program
 * headers and the notes are read from the first MiB, then the file streams past in {@link #BLOCK}-byte blocks,
 * aligned on file offsets. Readers name the ranges they want to look at as they pass ({@link #inspect}) and the
 * ranges they will need after the pass ({@link #retain}); blocks of neither kind are skipped, not copied (the
 * text of an executable, mostly), and only the blocks of retained ranges are kept, so memory is bounded by what is
 * asked for, not by the file. The section header table is always kept, with the section names: the 64
 * KiB before the table (where GNU ld and lld put them, the table being last), or, once the table has streamed past
 * (the Go linker writes it near the start), the name section it points to. {@link #finish()} then gives an
 * {@link ElfFile} over the kept bytes.
 * <p>
 * Every header value is checked against the file size before it drives a read or an allocation.
 */
public final class ElfStream {
    /** Block size; a multiple of every alignment readers search at. */
    public static final int BLOCK = 1 << 16;
    /** The program header table and the notes must lie in this many first bytes. */
    static final long PREFIX_LIMIT = 1 << 20;
    private static final int MAX_NOTE_SEGMENT = 1 << 16;
    private static final int MAX_NOTES = 64;
    private static final long NAMES_WINDOW = 1 << 16;
    private static final int MAX_PROBLEMS = 10;
    private static final int MAX_NAMES = 1 << 20;
    private static final String HEADERS = "elf-headers";

    private final InputStream in;
    private final long size;
    private final ElfHeader header;
    private final RetainedBytes retained;
    private final List<Range> ranges = new ArrayList<>();
    private final List<Range> inspected = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final List<ProgramHeader> programs = new ArrayList<>();
    private final List<ElfNote> notes = new ArrayList<>();
    private long readEnd;
    private long nextIndex;
    private long currentIndex = -1;
    private byte[] current;
    private int currentLength;
    private boolean currentKept;
    private byte[] spare;
    /** File offset just past the section header table when it lies in the file, else -1. */
    private long sectionTableEnd = -1;

    private record Range(long start, long end, String tag) {
    }

    private ElfStream(InputStream in, long size, ElfHeader header) {
        this.in = in;
        this.size = size;
        this.header = header;
        this.retained = new RetainedBytes(size);
    }

    /**
     * Starts the pass over a file of {@code size} bytes: null when the file does not start with the ELF magic (only
     * four bytes are read then).
     *
     * @throws ElfFormatException when the ELF or program headers cannot be read (truncated, out of bounds)
     */
    public static ElfStream open(InputStream in, long size) throws IOException, ElfFormatException {
        if (size < 4) {
            return null;
        }
        byte[] first = new byte[(int) Math.min(BLOCK, size)];
        readFully(in, first, 0, 4, size);
        if (!ElfHeader.hasMagic(first, 4)) {
            return null;
        }
        readFully(in, first, 4, first.length - 4, size);
        ElfStream s = new ElfStream(in, size, ElfHeader.parse(first, first.length));
        s.retained.put(0, first);
        s.readEnd = first.length;
        s.readHeaders();
        return s;
    }

    private void readHeaders() throws IOException, ElfFormatException {
        if (header.phnum() > 0) {
            if (header.phentsize() != header.programHeaderSize()) {
                throw new ElfFormatException("program headers of " + header.phentsize() + " bytes, expected "
                        + header.programHeaderSize());
            }
            long length = (long) header.phnum() * header.phentsize();
            if (header.phoff() < 0 || header.phoff() > size - length) {
                throw new ElfFormatException("truncated ELF: the program header table (offset " + header.phoff()
                        + ", " + header.phnum() + " entries) ends past the end of the " + size + "-byte file");
            }
            if (header.phoff() + length > PREFIX_LIMIT) {
                throw new ElfFormatException("the program header table at offset " + header.phoff()
                        + " lies beyond the first MiB; not read");
            }
            readThrough(header.phoff() + length);
            parsePrograms(retained.read(header.phoff(), (int) length));
            for (ProgramHeader p : programs) {
                if (p.type() == ProgramHeader.PT_NOTE && p.filesz() <= MAX_NOTE_SEGMENT && p.end() <= PREFIX_LIMIT) {
                    readThrough(p.end());
                    parseNotes(retained.read(p.offset(), (int) p.filesz()), p.align() == 8 ? 8 : 4);
                }
            }
        }
        ranges.add(new Range(0, readEnd, HEADERS));
        if (header.shoff() != 0 && header.shnum() > 0 && header.shentsize() == header.sectionHeaderSize()) {
            long length = (long) header.shnum() * header.shentsize();
            if (header.shoff() > 0 && header.shoff() <= size - length) {
                retain(header.shoff() - NAMES_WINDOW, header.shoff() + length, HEADERS);
                sectionTableEnd = header.shoff() + length;
                keepNamesOnceTableRead();
            }
        }
    }

    /** Once the section header table has been read, keeps the section name table it points to, if still ahead. */
    private void keepNamesOnceTableRead() {
        if (sectionTableEnd < 0 || readEnd < sectionTableEnd) {
            return;
        }
        sectionTableEnd = -1;
        int index = header.shstrndx();
        if (index <= 0 || index >= header.shnum()) {
            return;
        }
        byte[] entry = retained.read(header.shoff() + (long) index * header.shentsize(), header.shentsize());
        if (entry == null) {
            return;
        }
        Fields f = new Fields(entry, header.bigEndian(), header.is64());
        long offset = header.is64() ? f.u64(24) : f.u32(16);
        long length = header.is64() ? f.u64(32) : f.u32(20);
        if (offset >= 0 && length > 0 && length <= MAX_NAMES && offset <= size - length) {
            retain(offset, offset + length, HEADERS);
        }
    }

    private void parsePrograms(byte[] table) {
        Fields f = new Fields(table, header.bigEndian(), header.is64());
        int entry = header.phentsize();
        for (int i = 0; i < header.phnum(); i++) {
            int at = i * entry;
            long type = f.u32(at);
            long flags = header.is64() ? f.u32(at + 4) : f.u32(at + 24);
            long offset = header.is64() ? f.u64(at + 8) : f.u32(at + 4);
            long vaddr = header.is64() ? f.u64(at + 16) : f.u32(at + 8);
            long filesz = header.is64() ? f.u64(at + 32) : f.u32(at + 16);
            long align = header.is64() ? f.u64(at + 48) : f.u32(at + 28);
            if (offset < 0 || filesz < 0 || offset > size) {
                problem("truncated ELF: segment " + i + " starts at offset " + Long.toUnsignedString(offset)
                        + ", past the end of the " + size + "-byte file");
                continue;
            }
            if (filesz > size - offset) {
                problem("truncated ELF: segment " + i + " (offset " + offset + ", " + Long.toUnsignedString(filesz)
                        + " bytes) ends past the end of the " + size + "-byte file");
                filesz = size - offset;
            }
            programs.add(new ProgramHeader(i, type, flags, offset, vaddr, filesz, align));
        }
    }

    private void parseNotes(byte[] data, int align) {
        Fields f = new Fields(data, header.bigEndian(), false);
        int at = 0;
        while (data.length - at >= 12 && notes.size() < MAX_NOTES) {
            long nameSize = f.u32(at);
            long descSize = f.u32(at + 4);
            long type = f.u32(at + 8);
            long nameEnd = at + 12L + nameSize;
            long next = at + 12L + pad(nameSize, align) + pad(descSize, align);
            if (nameEnd > data.length) {
                return;
            }
            int n = (int) nameSize;
            while (n > 0 && data[at + 12 + n - 1] == 0) {
                n--;
            }
            notes.add(new ElfNote(new String(data, at + 12, n, java.nio.charset.StandardCharsets.ISO_8859_1), type));
            if (next > data.length) {
                return;
            }
            at = (int) next;
        }
    }

    private static long pad(long n, int align) {
        return (n + align - 1) / align * align;
    }

    public ElfHeader header() {
        return header;
    }

    /** The program headers whose start lies inside the file; truncated segments are cut at the end of the file. */
    public List<ProgramHeader> programs() {
        return List.copyOf(programs);
    }

    public List<ElfNote> notes() {
        return List.copyOf(notes);
    }

    public long size() {
        return size;
    }

    /** File offset just past the last byte of any loadable segment: non-loaded sections live after it. */
    public long loadEnd() {
        long end = 0;
        for (ProgramHeader p : programs) {
            if (p.isLoad()) {
                end = Math.max(end, p.end());
            }
        }
        return end;
    }

    /**
     * Keeps the bytes of {@code [start, end)} (clamped to the file) that have not streamed past yet, under
     * {@code tag}. Bytes already passed are kept only if another range asked for them in time.
     */
    public void retain(long start, long end, String tag) {
        long s = Math.max(0, start);
        long e = Math.min(size, end);
        if (e > s) {
            ranges.add(new Range(s, e, tag));
        }
    }

    /** Reads the blocks of {@code [start, end)} (clamped to the file) that have not streamed past yet. */
    public void inspect(long start, long end, String tag) {
        long s = Math.max(0, start);
        long e = Math.min(size, end);
        if (e > s) {
            inspected.add(new Range(s, e, tag));
        }
    }

    /** Forgets the ranges of {@code tag} and drops the blocks no other range needs. */
    public void release(String tag) {
        ranges.removeIf(r -> r.tag().equals(tag));
        retained.retainOnly(this::covered);
    }

    /** Bytes currently kept. */
    public long retainedBytes() {
        return retained.bytes();
    }

    /**
     * Moves to the next block that a retained or inspected range covers, skipping the blocks before it; false when
     * no range needs anything further (the rest of the file is left unread).
     */
    public boolean next() throws IOException {
        commitCurrent();
        long offset = nextIndex * BLOCK;
        if (offset >= size) {
            return false;
        }
        if (offset >= readEnd) {
            long needed = nextNeeded(offset);
            if (needed >= size) {
                return false;
            }
            long blockStart = needed / BLOCK * BLOCK;
            if (blockStart > offset) {
                skipFully(blockStart - offset);
                readEnd = blockStart;
                nextIndex = blockStart / BLOCK;
                offset = blockStart;
            }
        }
        currentIndex = nextIndex++;
        currentLength = (int) Math.min(BLOCK, size - offset);
        if (offset < readEnd) {
            current = retained.get(currentIndex);
            currentKept = true;
            return true;
        }
        current = spare != null ? spare : new byte[BLOCK];
        spare = null;
        readFully(in, current, 0, currentLength, size);
        readEnd = offset + currentLength;
        currentKept = false;
        keepNamesOnceTableRead();
        return true;
    }

    /** File offset of the current block. */
    public long blockOffset() {
        return currentIndex * BLOCK;
    }

    /** The current block's bytes: {@link #blockLength()} of them are valid. Do not keep a reference. */
    public byte[] block() {
        return current;
    }

    public int blockLength() {
        return currentLength;
    }

    /** Reads the blocks still needed (the section headers come last) and gives the kept bytes. */
    public ElfFile finish() throws IOException {
        while (next()) {
            // the section header table and any range asked for after the last block looked at
        }
        List<SectionHeader> sections = SectionTable.read(header, retained, size, this::problem);
        return new ElfFile(header, programs(), sections, retained, size, List.copyOf(problems));
    }

    private void commitCurrent() {
        if (current == null || currentKept) {
            return;
        }
        if (covered(currentIndex)) {
            retained.put(currentIndex, currentLength == current.length ? current : Arrays.copyOf(current, currentLength));
        } else {
            spare = current;
        }
        current = null;
    }

    private boolean covered(long index) {
        long start = index * BLOCK;
        long end = start + BLOCK;
        for (Range r : ranges) {
            if (r.start() < end && r.end() > start) {
                return true;
            }
        }
        return false;
    }

    /** The first offset at or after {@code from} that a retained or inspected range covers; the size if none. */
    private long nextNeeded(long from) {
        long next = size;
        for (List<Range> list : List.of(ranges, inspected)) {
            for (Range r : list) {
                if (r.end() > from) {
                    next = Math.min(next, Math.max(r.start(), from));
                }
            }
        }
        return next;
    }

    private void skipFully(long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("the stream ends before the " + size + " bytes the file should have");
                }
                s = 1;
            }
            left -= s;
        }
    }

    private void readThrough(long end) throws IOException {
        while (readEnd < end) {
            long index = readEnd / BLOCK;
            byte[] block = new byte[(int) Math.min(BLOCK, size - readEnd)];
            readFully(in, block, 0, block.length, size);
            retained.put(index, block);
            readEnd += block.length;
        }
    }

    void problem(String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(message);
        }
    }

    private static void readFully(InputStream in, byte[] b, int off, int len, long size) throws IOException {
        int done = 0;
        while (done < len) {
            int n = in.read(b, off + done, len - done);
            if (n < 0) {
                throw new EOFException("the stream ends before the " + size + " bytes the file should have");
            }
            done += n;
        }
    }
}
