package io.kensa.analyze.lang.golang;

import io.kensa.analyze.lang.elf.ElfExtractor;
import io.kensa.analyze.lang.elf.ElfFile;
import io.kensa.analyze.lang.elf.ElfNote;
import io.kensa.analyze.lang.elf.ElfStream;
import io.kensa.analyze.lang.elf.ProgramHeader;
import io.kensa.analyze.lang.elf.SectionHeader;
import io.kensa.core.Package;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the Go build info of an ELF executable while it streams past. The blob's magic is searched at 16-byte
 * aligned offsets of the writable loadable segments (where {@code .go.buildinfo} always lives), so no section
 * header, which often comes last in the file, is needed to find it; the bytes of each hit's blob are kept (when its
 * strings end in the same block, just those; otherwise up to the string limit). Which hit is the blob is decided at
 * the end, from the section headers (see {@link #chooseBlob}).
 * <p>
 * Go 1.18 and later write the strings inline after the blob header, so the kept bytes after the hit suffice. Older
 * binaries point to string headers in the data segment, which point to bytes in read-only data that streamed past
 * before the blob: for files carrying the Go linker's build ID note (read from the first bytes), the writable and
 * then the read-only loadable segments (the executable ones too when there is no read-only one, as with old
 * binutils) are kept, up to {@link #DATA_LIMIT} bytes, until an inline blob shows they are not needed. That costs
 * a copy of the read-only data of every Go binary up to its blob; pre-1.18 binaries whose data segments exceed the
 * limit give a warning.
 */
public final class GoBuildInfoExtractor implements ElfExtractor {
    /** Most bytes of loadable segments kept for pre-1.18 blobs. */
    static final long DATA_LIMIT = 32L << 20;
    /** Most magic hits kept. */
    static final int MAX_HITS = 8;
    /** Go looks for the blob in this many bytes from the start of {@code .go.buildinfo}. */
    private static final int SECTION_WINDOW = 64 << 10;
    private static final String HIT_TAG = "go-buildinfo";
    private static final String DATA_TAG = "go-data";
    private static final String SECTION = ".go.buildinfo";

    private final List<ProgramHeader> writable = new ArrayList<>();
    private final List<Long> hits = new ArrayList<>();
    private boolean keepingData;

    @Override
    public void start(ElfStream stream) {
        List<ProgramHeader> loads = stream.programs().stream().filter(ProgramHeader::isLoad).toList();
        loads.stream().filter(ProgramHeader::writable).forEach(p -> {
            writable.add(p);
            stream.inspect(p.offset(), p.end(), HIT_TAG);
        });
        if (stream.notes().stream().anyMatch(ElfNote::isGoBuildId)) {
            keepData(stream, loads);
        }
    }

    /** Keeps writable segments first (the string headers), then the others (the string bytes), within the limit. */
    private void keepData(ElfStream stream, List<ProgramHeader> loads) {
        boolean readOnly = loads.stream().anyMatch(p -> !p.executable() && !p.writable());
        List<ProgramHeader> order = new ArrayList<>(loads.stream().filter(ProgramHeader::writable).toList());
        loads.stream().filter(p -> !p.writable() && (!readOnly || !p.executable())).forEach(order::add);
        long budget = DATA_LIMIT;
        for (ProgramHeader p : order) {
            if (budget <= 0) {
                break;
            }
            long n = Math.min(p.filesz(), budget);
            stream.retain(p.offset(), p.offset() + n, DATA_TAG);
            budget -= n;
            keepingData = true;
        }
    }

    @Override
    public void block(ElfStream stream) {
        long start = stream.blockOffset();
        long end = start + stream.blockLength();
        byte[] b = stream.block();
        for (ProgramHeader p : writable) {
            long from = Math.max(start, p.offset());
            long to = Math.min(end, p.end());
            for (long at = (from + BuildInfoBlob.ALIGN - 1) / BuildInfoBlob.ALIGN * BuildInfoBlob.ALIGN;
                 at + BuildInfoBlob.MAGIC.length <= to && hits.size() < MAX_HITS; at += BuildInfoBlob.ALIGN) {
                int i = (int) (at - start);
                if (b[i] == BuildInfoBlob.MAGIC[0] && magicAt(b, i)) {
                    hit(stream, at, b, i, stream.blockLength());
                }
            }
        }
    }

    private void hit(ElfStream stream, long at, byte[] block, int i, int length) {
        if (hits.contains(at)) {
            return;
        }
        hits.add(at);
        int flags = i + 15 < length ? block[i + 15] : 0;
        long end;
        if (!BuildInfoBlob.inline(flags)) {
            end = at + BuildInfoBlob.HEADER;
        } else {
            long inBlock = BuildInfoBlob.inlineLength(block, i, length);
            end = at + (inBlock > 0 ? inBlock : BuildInfoBlob.HEADER + 2L * (BuildInfoBlob.MAX_STRING + 10));
            if (keepingData) {
                stream.release(DATA_TAG);
                keepingData = false;
            }
        }
        stream.retain(at, end, HIT_TAG);
    }

    private static boolean magicAt(byte[] b, int i) {
        for (int k = 1; k < BuildInfoBlob.MAGIC.length; k++) {
            if (b[i + k] != BuildInfoBlob.MAGIC[k]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void finish(ElfFile file, String path, List<Package> packages, List<String> warnings) {
        Optional<Long> blob = chooseBlob(file);
        if (blob.isEmpty()) {
            return;
        }
        try {
            RawBuildInfo raw = BuildInfoBlob.decode(file, blob.get());
            if (raw.goVersion().isEmpty()) {
                return;
            }
            packages.addAll(GoPackages.of(raw.goVersion(), ModInfo.parse(raw.modInfo()), path));
        } catch (BuildInfoException e) {
            warnings.add(e.getMessage());
        }
    }

    /**
     * The blob in the {@code .go.buildinfo} section (every Go linker since 1.13 writes one). When the section names
     * could not be read (lld puts them before {@code .strtab}, megabytes ahead of the section header table), the first
     * hit that starts a section; for files without a section header table (removed by sstrip-like tools, or
     * unreadable), the first hit in a writable segment. Unlike {@code go version}, a file whose named sections
     * include no {@code .go.buildinfo} is not searched further: a C program holding the magic in its data is not a
     * Go binary.
     */
    private Optional<Long> chooseBlob(ElfFile file) {
        Optional<SectionHeader> section = file.section(SECTION);
        if (section.isPresent()) {
            long start = section.get().offset();
            return hits.stream().filter(h -> h >= start && h < start + SECTION_WINDOW).findFirst();
        }
        List<SectionHeader> sections = file.sections();
        if (sections.isEmpty()) {
            return hits.stream().findFirst();
        }
        if (sections.stream().anyMatch(s -> !s.name().isEmpty())) {
            return Optional.empty();
        }
        return hits.stream().filter(h -> sections.stream().anyMatch(s -> s.offset() == h)).findFirst();
    }
}
