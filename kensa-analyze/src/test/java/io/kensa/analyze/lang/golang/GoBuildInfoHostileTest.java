package io.kensa.analyze.lang.golang;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.lang.elf.ElfFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Go binaries built in the test, then damaged: warnings naming the file, never an exception. */
class GoBuildInfoHostileTest {
    private static final String PATH = "app";

    @TempDir
    Path dir;

    private static Path binary(String variant) {
        return GoFixtures.get().binaries.get(variant);
    }

    private static long buildInfoOffset(Path binary) {
        return ElfFixtures.sections(binary).get(".go.buildinfo")[0];
    }

    @Test
    void aStringLengthPastTheEndOfTheFile() throws IOException {
        Path amd64 = binary("amd64");
        long at = buildInfoOffset(amd64);
        Path cut = ElfFixtures.truncatedCopy(amd64, at + 40, dir.resolve("cut"));

        FileResult r = ElfFixtures.analyze(cut, PATH);

        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).hasSize(2);
        assertThat(r.warnings().get(0)).startsWith(PATH + ": truncated ELF: ");
        assertThat(r.warnings().get(1)).isEqualTo(PATH + ": Go build info string of 8 bytes at offset "
                + (at + 33) + " ends past the end of the " + Files.size(cut) + "-byte file");
    }

    @Test
    void aStringLengthOverTheLimit() {
        Path amd64 = binary("amd64");
        long at = buildInfoOffset(amd64);
        Path p = ElfFixtures.patchedCopy(amd64, dir.resolve("long"), at + 32,
                new byte[]{(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f});

        FileResult r = ElfFixtures.analyze(p, PATH);

        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).containsExactly(PATH + ": Go build info string of 4294967295 bytes at offset "
                + (at + 37) + ", over the limit of 1048576");
    }

    @Test
    void aVarintThatNeverEnds() {
        Path amd64 = binary("amd64");
        long at = buildInfoOffset(amd64);
        byte[] ff = new byte[12];
        java.util.Arrays.fill(ff, (byte) 0xff);
        Path p = ElfFixtures.patchedCopy(amd64, dir.resolve("varint"), at + 32, ff);

        assertThat(ElfFixtures.analyze(p, PATH).warnings()).singleElement().asString()
                .startsWith(PATH + ": Go build info string length does not fit in 35 bits");
    }

    @Test
    void aHalfGoBinary() throws IOException {
        Path amd64 = binary("amd64");
        Path cut = ElfFixtures.truncatedCopy(amd64, Files.size(amd64) / 2, dir.resolve("half"));

        FileResult r = ElfFixtures.analyze(cut, PATH);

        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).singleElement().asString().startsWith(PATH + ": truncated ELF: ");
    }

    /**
     * The pre-1.18 layout needs read-only data that streamed past before the blob: it is kept only for files with
     * the Go linker's note. Without the note the limitation shows as a warning, not as a wrong answer. (The gcc-linked
     * binary is used: there nothing else keeps its read-only data.)
     */
    @Test
    void thePointerLayoutWithoutTheGoNoteIsAWarning() {
        Path pointers = binary("external-pointers");
        long note = ElfFixtures.sections(pointers).get(".note.go.buildid")[0];
        Path p = ElfFixtures.patchedCopy(pointers, dir.resolve("no-note"), note + 12, new byte[]{'X', 'X'});

        FileResult r = ElfFixtures.analyze(p, PATH);

        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).singleElement().asString().startsWith(PATH
                + ": Go build info (pre-1.18 layout) points to address 0x").endsWith(
                ", whose bytes were not kept while streaming");
    }

    /**
     * A C program whose writable data holds a complete build info blob at an aligned address: {@code go version}
     * takes it for a Go 1.99 binary (it searches the data segment when there is no {@code .go.buildinfo}); Kensa
     * does not, because the file has section headers and none is {@code .go.buildinfo}.
     */
    @Test
    void aBlobOutsideGoBuildInfoInAFileWithSectionsIsIgnored() throws IOException {
        Path c = dir.resolve("fake.c");
        Files.writeString(c, "__attribute__((aligned(16))) char fake[64] = "
                + "\"\\xff Go buildinf:\\x08\\x02\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\""
                + " \"\\x08go1.99.0\\x00\";\n"
                + "int main(void) { return fake[0]; }\n");
        ElfFixtures.run(java.util.List.of("gcc", "-O2", "-o", "fake", "fake.c"), dir, java.util.Map.of());
        Path fake = dir.resolve("fake");
        assertThat(ElfFixtures.run(java.util.List.of("go", "version", fake.toString()), dir, java.util.Map.of()))
                .contains("go1.99.0");

        assertThat(ElfFixtures.analyze(fake, PATH)).isNull();
    }
}
