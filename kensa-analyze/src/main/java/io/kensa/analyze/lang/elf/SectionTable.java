package io.kensa.analyze.lang.elf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads the section header table and the section names from the bytes kept while the file streamed past. */
final class SectionTable {
    private static final int MAX_NAMES = 1 << 20;

    private SectionTable() {
    }

    static List<SectionHeader> read(ElfHeader h, RetainedBytes bytes, long size, Consumer<String> problems) {
        if (h.shoff() == 0 || h.shnum() == 0) {
            return List.of();
        }
        if (h.shentsize() != h.sectionHeaderSize()) {
            problems.accept("section headers of " + h.shentsize() + " bytes, expected " + h.sectionHeaderSize()
                    + "; sections not read");
            return List.of();
        }
        long length = (long) h.shnum() * h.shentsize();
        if (h.shoff() < 0 || h.shoff() > size - length) {
            problems.accept("truncated ELF: the section header table (offset " + Long.toUnsignedString(h.shoff())
                    + ", " + h.shnum() + " entries) ends past the end of the " + size + "-byte file");
            return List.of();
        }
        byte[] table = bytes.read(h.shoff(), (int) length);
        if (table == null) {
            return List.of();
        }
        Fields f = new Fields(table, h.bigEndian(), h.is64());
        byte[] names = names(h, f, size, bytes);
        List<SectionHeader> out = new ArrayList<>(h.shnum());
        for (int i = 1; i < h.shnum(); i++) {
            int at = i * h.shentsize();
            long nameOffset = f.u32(at);
            long type = f.u32(at + 4);
            long flags = f.word(at + 8);
            long offset = h.is64() ? f.u64(at + 24) : f.u32(at + 16);
            long length1 = h.is64() ? f.u64(at + 32) : f.u32(at + 20);
            String name = name(names, nameOffset);
            boolean nobits = type == SectionHeader.SHT_NOBITS;
            if (!nobits && (offset < 0 || length1 < 0 || offset > size)) {
                problems.accept("truncated ELF: section " + i + (name.isEmpty() ? "" : " (" + name + ")")
                        + " starts at offset " + Long.toUnsignedString(offset) + ", past the end of the " + size
                        + "-byte file");
                continue;
            }
            if (!nobits && length1 > size - offset) {
                problems.accept("truncated ELF: section " + i + (name.isEmpty() ? "" : " (" + name + ")")
                        + " at offset " + offset + " with " + Long.toUnsignedString(length1)
                        + " bytes ends past the end of the " + size + "-byte file");
                length1 = size - offset;
            }
            out.add(new SectionHeader(i, name, type, flags, offset, length1));
        }
        return out;
    }

    private static byte[] names(ElfHeader h, Fields f, long size, RetainedBytes bytes) {
        int index = h.shstrndx();
        if (index <= 0 || index >= h.shnum()) {
            return null;
        }
        int at = index * h.shentsize();
        long offset = h.is64() ? f.u64(at + 24) : f.u32(at + 16);
        long length = h.is64() ? f.u64(at + 32) : f.u32(at + 20);
        if (offset < 0 || length < 0 || length > MAX_NAMES || offset > size - length) {
            return null;
        }
        return bytes.read(offset, (int) length);
    }

    private static String name(byte[] names, long offset) {
        if (names == null || offset < 0 || offset >= names.length) {
            return "";
        }
        int start = (int) offset;
        int end = start;
        while (end < names.length && names[end] != 0) {
            end++;
        }
        return new String(names, start, end - start, StandardCharsets.ISO_8859_1);
    }
}
