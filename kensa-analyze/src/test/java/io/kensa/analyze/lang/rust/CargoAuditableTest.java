package io.kensa.analyze.lang.rust;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.lang.elf.ElfFixtures;
import io.kensa.analyze.lang.golang.GoBuildInfoExtractor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * cargo-auditable cannot run offline, so its output is rebuilt the way it writes it: the dependency list as JSON in
 * its documented schema, zlib-compressed, in a {@code .dep-v0} section without flags, added to a real gcc-built
 * executable by objcopy.
 */
class CargoAuditableTest {
    private static final String PATH = "usr/local/bin/rg";
    private static final String JSON = """
            {"format":1,"packages":[\
            {"name":"ripgrep","version":"14.1.0","source":"local","dependencies":[1,2,3],"root":true},\
            {"name":"regex","version":"1.10.4","source":"crates.io","dependencies":[2]},\
            {"name":"memchr","version":"2.7.2","source":"crates.io"},\
            {"name":"grep-cli","version":"0.1.10","source":{"Other":"my-registry"}},\
            {"name":"cc","version":"1.0.90","source":"crates.io","kind":"build"}]}""";

    @TempDir
    static Path dir;
    static Path hello;

    @BeforeAll
    static void build() {
        hello = ElfFixtures.gccHello(dir);
    }

    private static Path zlib(String name, byte[] data) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = new DeflaterOutputStream(Files.newOutputStream(f), new Deflater(7))) {
            out.write(data);
        }
        return f;
    }

    private static Path withSections(String name, Map<String, Path> sections) {
        return ElfFixtures.addSections(hello, dir.resolve(name), sections);
    }

    @Test
    void readsTheEmbeddedDependencyList() throws IOException {
        Path rg = withSections("rg", Map.of(".dep-v0", zlib("deps.zlib", JSON.getBytes(StandardCharsets.UTF_8))));
        assertThat(ElfFixtures.run(List.of("readelf", "-SW", rg.toString()), dir, Map.of()))
                .containsPattern("\\.dep-v0\\s+PROGBITS");

        FileResult r = ElfFixtures.analyze(rg, PATH);

        assertThat(r.warnings()).isEmpty();
        assertThat(r.packages()).extracting(p -> p.name() + "@" + p.version()).containsExactly(
                "ripgrep@14.1.0", "regex@1.10.4", "memchr@2.7.2", "grep-cli@0.1.10");
        assertThat(r.packages()).allSatisfy(p -> {
            assertThat(p.type()).isEqualTo("cargo");
            assertThat(p.paths()).containsExactly(PATH);
            assertThat(p.foundBy()).isEqualTo("cargo-auditable");
        });
    }

    @Test
    void aSectionInTheMiddleOfAHugeTailIsAWarningAndMemoryStaysBounded() throws IOException {
        Map<String, Path> sections = new LinkedHashMap<>();
        sections.put(".filler", Files.write(dir.resolve("filler"), new byte[20 << 20]));
        sections.put(".dep-v0", zlib("deps2.zlib", JSON.getBytes(StandardCharsets.UTF_8)));
        // and more than the kept 16 MiB away from the section header table
        sections.put(".filler2", Files.write(dir.resolve("filler2"), new byte[20 << 20]));
        Path rg = withSections("rg-far", sections);
        Map<String, long[]> layout = ElfFixtures.sections(rg);
        assertThat(layout.get(".dep-v0")[0]).isGreaterThan(layout.get(".filler")[0] + (20 << 20) - 1);

        FileResult r = ElfFixtures.analyze(rg, PATH);

        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).containsExactly(PATH + ": .dep-v0 section at offset " + layout.get(".dep-v0")[0]
                + " lies outside the bytes kept while streaming (the first and last 16 MiB after the loaded segments); not read");
        assertThat(maxRetainedWhileStreaming(rg)).isLessThan(2 * CargoAuditableExtractor.TAIL_LIMIT + (1 << 20));
    }

    @Test
    void aZlibBombIsAWarning() throws IOException {
        Path bomb = dir.resolve("bomb.zlib");
        byte[] spaces = new byte[1 << 16];
        Arrays.fill(spaces, (byte) ' ');
        try (OutputStream out = new DeflaterOutputStream(Files.newOutputStream(bomb), new Deflater(9))) {
            out.write("{\"packages\":[".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 1024; i++) {
                out.write(spaces);
            }
        }
        assertThat(Files.size(bomb)).isLessThan(1 << 20);

        FileResult r = ElfFixtures.analyze(withSections("rg-bomb", Map.of(".dep-v0", bomb)), PATH);

        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).containsExactly(PATH + ": .dep-v0 inflates to more than "
                + AuditableDependencies.MAX_JSON + " bytes; not read");
    }

    @Test
    void truncatedZlibDataIsAWarning() throws IOException {
        byte[] whole = Files.readAllBytes(zlib("deps3.zlib", JSON.getBytes(StandardCharsets.UTF_8)));
        Path half = Files.write(dir.resolve("half.zlib"), Arrays.copyOf(whole, whole.length / 2));
        FileResult r = ElfFixtures.analyze(withSections("rg-half", Map.of(".dep-v0", half)), PATH);
        assertThat(r.warnings()).containsExactly(PATH + ": .dep-v0: truncated zlib data");
    }

    @Test
    void notJsonIsAWarning() throws IOException {
        Path z = zlib("text.zlib", "packages: none".getBytes(StandardCharsets.UTF_8));
        FileResult r = ElfFixtures.analyze(withSections("rg-text", Map.of(".dep-v0", z)), PATH);
        assertThat(r.warnings()).singleElement().asString().startsWith(PATH + ": .dep-v0 is not valid JSON: ");
    }

    @Test
    void notZlibIsAWarning() throws IOException {
        Path raw = Files.write(dir.resolve("raw.json"), JSON.getBytes(StandardCharsets.UTF_8));
        FileResult r = ElfFixtures.analyze(withSections("rg-raw", Map.of(".dep-v0", raw)), PATH);
        assertThat(r.warnings()).singleElement().asString().startsWith(PATH + ": .dep-v0 is not zlib data");
    }

    private static long maxRetainedWhileStreaming(Path file) {
        return ElfFixtures.stream(file, List.of(new GoBuildInfoExtractor(), new CargoAuditableExtractor()))
                .maxRetained();
    }

}
