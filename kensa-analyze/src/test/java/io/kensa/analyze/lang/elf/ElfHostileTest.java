package io.kensa.analyze.lang.elf;

import io.kensa.analyze.FileResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Damaged ELF files, made from a real gcc-built executable: each gives one warning line naming the file, no
 * exception, and the stream is read to its end so the layer goes on.
 */
class ElfHostileTest {
    private static final String PATH = "usr/bin/hello";

    @TempDir
    static Path dir;
    static Path hello;
    static long size;

    @BeforeAll
    static void build() throws IOException {
        hello = ElfFixtures.gccHello(dir);
        size = Files.size(hello);
    }

    @Test
    void theIntactExecutableGivesNothing() {
        assertThat(ElfFixtures.analyze(hello, PATH)).isNull();
    }

    @Test
    void aTruncatedElfGivesOneWarning() {
        Path cut = ElfFixtures.truncatedCopy(hello, size / 2, dir.resolve("cut-half"));
        FileResult r = ElfFixtures.analyze(cut, PATH);
        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).singleElement().asString()
                .startsWith(PATH + ": truncated ELF: ").contains("past the end of the " + size / 2 + "-byte file");
    }

    @Test
    void aFileCutInsideTheElfHeaderGivesOneWarning() {
        Path cut = ElfFixtures.truncatedCopy(hello, 40, dir.resolve("cut-40"));
        assertThat(ElfFixtures.analyze(cut, PATH).warnings()).containsExactly(
                PATH + ": truncated ELF: 40 bytes, shorter than the 64-byte ELF header");
    }

    @Test
    void filesShorterThanTheMagicOrWithoutItAreNotElf() throws IOException {
        assertThat(ElfFixtures.analyze(ElfFixtures.truncatedCopy(hello, 3, dir.resolve("cut-3")), PATH)).isNull();
        Path script = Files.writeString(dir.resolve("script.sh"), "#!/bin/sh\necho hello\n");
        assertThat(ElfFixtures.analyze(script, PATH)).isNull();
    }

    @Test
    void sectionHeadersPointingPastTheEnd() {
        Path p = ElfFixtures.patchedCopy(hello, dir.resolve("shoff"), 40, le64(size - 10));
        assertThat(ElfFixtures.analyze(p, PATH).warnings()).singleElement().asString()
                .startsWith(PATH + ": truncated ELF: the section header table (offset " + (size - 10));
    }

    @Test
    void hugeCounts() {
        Path phnum = ElfFixtures.patchedCopy(hello, dir.resolve("phnum"), 56, le16(0xffff));
        assertThat(ElfFixtures.analyze(phnum, PATH).warnings()).singleElement().asString()
                .contains("the program header table (offset 64, 65535 entries) ends past the end");
        Path shnum = ElfFixtures.patchedCopy(hello, dir.resolve("shnum"), 60, le16(0xffff));
        assertThat(ElfFixtures.analyze(shnum, PATH).warnings()).singleElement().asString()
                .contains("65535 entries) ends past the end");
        Path phentsize = ElfFixtures.patchedCopy(hello, dir.resolve("phentsize"), 54, le16(0xffff));
        assertThat(ElfFixtures.analyze(phentsize, PATH).warnings())
                .containsExactly(PATH + ": program headers of 65535 bytes, expected 56");
    }

    @Test
    void aSegmentPastTheEnd() {
        long ph1 = 64 + 56; // the second program header of gcc's output is the interpreter; the fourth a PT_LOAD
        Path p = ElfFixtures.patchedCopy(hello, dir.resolve("filesz"), ph1 + 32, le64(1L << 40));
        assertThat(ElfFixtures.analyze(p, PATH).warnings()).singleElement().asString()
                .startsWith(PATH + ": truncated ELF: segment 1 (offset ")
                .contains(" 1099511627776 bytes) ends past the end");
    }

    @Test
    void programHeadersBeyondTheFirstMibAreRefused() throws IOException {
        Path filler = Files.write(dir.resolve("filler"), new byte[3 << 20]);
        Path big = ElfFixtures.addSections(hello, dir.resolve("big"), Map.of(".filler", filler));
        long fillerOffset = ElfFixtures.sections(big).get(".filler")[0];
        ElfFixtures.patch(big, 32, le64(fillerOffset + (1 << 20)));
        assertThat(ElfFixtures.analyze(big, PATH).warnings()).containsExactly(PATH
                + ": the program header table at offset " + (fillerOffset + (1 << 20))
                + " lies beyond the first MiB; not read");
    }

    @Test
    void onlyExecutableFilesAreWanted() {
        var a = ElfFixtures.analyzer();
        assertThat(a.wants("usr/bin/hello")).isFalse();
        assertThat(a.wants("usr/bin/hello", 0755)).isTrue();
        assertThat(a.wants("usr/bin/hello", 0700)).isTrue();
        assertThat(a.wants("usr/bin/hello", 0010)).isTrue();
        assertThat(a.wants("usr/lib/libc.so.6", 0644)).isFalse();
    }

    static byte[] le64(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }

    static byte[] le16(int v) {
        return ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) v).array();
    }
}
