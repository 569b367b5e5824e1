package io.kensa.analyze.lang.rust;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.lang.elf.ElfFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Rust program linked the way cargo-auditable links one: rustc gets an extra object file (made by gcc and
 * objcopy) holding the zlib-compressed dependency JSON in a {@code .dep-v0} section without flags and a global
 * {@code AUDITABLE_VERSION_INFO} symbol, which {@code -u} keeps through {@code --gc-sections}. The linker then places
 * the section itself: GNU ld right after {@code .comment}, lld (rustc's default on x86_64 Linux since 1.90) after
 * the debug sections.
 */
class RustBinaryTest {
    private static final String JSON = """
            {"packages":[\
            {"name":"hello","version":"0.1.0","source":"local","dependencies":[1],"root":true},\
            {"name":"itoa","version":"1.0.11","source":"crates.io"},\
            {"name":"autocfg","version":"1.3.0","source":"crates.io","kind":"build"}]}""";

    @TempDir
    static Path dir;
    static Path depObject;

    @BeforeAll
    static void object() throws IOException {
        ElfFixtures.require("rustc", "rustc");
        ElfFixtures.require("gcc", "gcc");
        ElfFixtures.require("objcopy", "binutils");
        Path zlib = dir.resolve("deps.zlib");
        try (OutputStream out = new DeflaterOutputStream(Files.newOutputStream(zlib), new Deflater(7))) {
            out.write(JSON.getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("empty.c"), "int kensa_empty;\n");
        ElfFixtures.run(List.of("gcc", "-c", "empty.c", "-o", "empty.o"), dir, Map.of());
        ElfFixtures.run(List.of("objcopy", "--add-section", ".dep-v0=deps.zlib",
                "--add-symbol", "AUDITABLE_VERSION_INFO=.dep-v0:0,global,object", "empty.o", "dep.o"), dir, Map.of());
        depObject = dir.resolve("dep.o");
        Files.writeString(dir.resolve("main.rs"), "fn main() { println!(\"hello\"); }\n");
    }

    private static Path link(String name, List<String> extra) {
        List<String> cmd = new ArrayList<>(List.of("rustc", "-O", "main.rs", "-o", name,
                "-C", "link-arg=" + depObject, "-C", "link-arg=-Wl,-u,AUDITABLE_VERSION_INFO"));
        cmd.addAll(extra);
        ElfFixtures.run(cmd, dir, Map.of());
        return dir.resolve(name);
    }

    @Test
    void theDefaultLinker() {
        Path bin = link("hello-default", List.of());
        assertThat(ElfFixtures.sections(bin)).containsKey(".dep-v0");
        assertRead(ElfFixtures.analyze(bin, "usr/local/bin/hello"));
    }

    @Test
    void gnuLdPutsTheSectionAfterComment() {
        Path bin = link("hello-bfd", List.of("-C", "link-arg=-fuse-ld=bfd"));
        List<String> names = List.copyOf(ElfFixtures.sections(bin).keySet());
        assertThat(names.indexOf(".dep-v0")).isEqualTo(names.indexOf(".comment") + 1);
        assertRead(ElfFixtures.analyze(bin, "usr/local/bin/hello"));
    }

    private static void assertRead(FileResult r) {
        assertThat(r.warnings()).isEmpty();
        assertThat(r.packages()).extracting(p -> p.type() + ":" + p.name() + "@" + p.version())
                .containsExactly("cargo:hello@0.1.0", "cargo:itoa@1.0.11");
    }
}
