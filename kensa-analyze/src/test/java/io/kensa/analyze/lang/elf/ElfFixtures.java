package io.kensa.analyze.lang.elf;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.AnalyzerRegistry;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * Real ELF files for tests: built by Debian's toolchains (gcc, Go), edited by binutils (objcopy), inspected by
 * readelf; and the registered executable analyzer run over them as a stream. A missing tool fails the test with
 * the Debian package to install.
 */
public final class ElfFixtures {
    private ElfFixtures() {
    }

    public static void require(String command, String aptPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return;
            }
        }
        fail("'" + command + "' not found on PATH: install it with 'apt-get install " + aptPackage + "'");
    }

    /** Runs {@code command} in {@code dir} with extra environment; returns stdout. A failure fails the test. */
    public static String run(List<String> command, Path dir, Map<String, String> env) {
        try {
            Path out = Files.createTempFile(dir, "stdout", ".txt");
            Path err = Files.createTempFile(dir, "stderr", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(900, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out: " + command);
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            Files.delete(out);
            Files.delete(err);
            if (p.exitValue() != 0) {
                fail(command + " exited with " + p.exitValue() + ": " + stderr);
            }
            return stdout;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A small C program built by gcc: a real, dynamically linked ELF executable with section headers. */
    public static Path gccHello(Path dir) {
        require("gcc", "gcc");
        try {
            Path src = dir.resolve("hello.c");
            Files.writeString(src, "#include <stdio.h>\nint main(void) { puts(\"hello\"); return 0; }\n");
            Path exe = dir.resolve("hello");
            run(List.of("gcc", "-O2", "-o", exe.toString(), src.toString()), dir, Map.of());
            return exe;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code objcopy --add-section NAME=FILE} for each pair, writing a new file. One objcopy run per section, so the
     * sections follow each other in the file in the map's order (one run would add them in reverse order).
     */
    public static Path addSections(Path elf, Path out, Map<String, Path> sections) {
        require("objcopy", "binutils");
        Path from = elf;
        for (Map.Entry<String, Path> s : sections.entrySet()) {
            List<String> cmd = new ArrayList<>(List.of("objcopy", "--add-section", s.getKey() + "=" + s.getValue(),
                    from.toString()));
            if (!from.equals(out)) {
                cmd.add(out.toString());
            }
            run(cmd, out.getParent(), Map.of());
            from = out;
        }
        return out;
    }

    /** Section name → {offset, size}, as {@code readelf -SW} lists them. */
    public static Map<String, long[]> sections(Path elf) {
        require("readelf", "binutils");
        Map<String, long[]> out = new LinkedHashMap<>();
        for (String line : run(List.of("readelf", "-SW", elf.toString()), elf.getParent(), Map.of()).split("\n")) {
            int close = line.indexOf(']');
            if (!line.trim().startsWith("[") || close < 0) {
                continue;
            }
            String[] f = line.substring(close + 1).trim().split("\\s+");
            if (f.length >= 5 && f[0].startsWith(".")) {
                out.put(f[0], new long[]{Long.parseLong(f[3], 16), Long.parseLong(f[4], 16)});
            }
        }
        return out;
    }

    /** Overwrites bytes of a file in place. */
    public static void patch(Path file, long offset, byte[] bytes) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(bytes), offset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of a file with bytes overwritten at {@code offset}. */
    public static Path patchedCopy(Path file, Path out, long offset, byte[] bytes) {
        try {
            Files.copy(file, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        patch(out, offset, bytes);
        return out;
    }

    /** A copy of the first {@code length} bytes of a file. */
    public static Path truncatedCopy(Path file, long length, Path out) {
        try (InputStream in = Files.newInputStream(file)) {
            Files.write(out, in.readNBytes((int) length));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a streaming pass kept: the file view, and the most bytes held after any block. */
    public record Pass(ElfFile file, long maxRetained) {
    }

    /** Streams a file through the given extractors as the executable analyzer does. */
    public static Pass stream(Path file, List<ElfExtractor> extractors) {
        try (InputStream in = Files.newInputStream(file)) {
            ElfStream s = ElfStream.open(in, Files.size(file));
            if (s == null) {
                throw new AssertionError(file + " is not ELF");
            }
            extractors.forEach(e -> e.start(s));
            long max = 0;
            while (s.next()) {
                extractors.forEach(e -> e.block(s));
                max = Math.max(max, s.retainedBytes());
            }
            ElfFile f = s.finish();
            return new Pass(f, Math.max(max, s.retainedBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ElfFormatException e) {
            throw new AssertionError(e);
        }
    }

    /** The executable analyzer as registered by default. */
    public static Analyzer analyzer() {
        return AnalyzerRegistry.defaults().analyzers().stream().filter(a -> a.id().equals("elf-executable"))
                .findFirst().orElseThrow(() -> new AssertionError("elf-executable analyzer is not registered"));
    }

    /** Runs the registered executable analyzer over a file read as a stream, as a layer hands files over. */
    public static FileResult analyze(Path file, String imagePath) {
        try {
            return analyzer().analyze(new StreamedFile(file, imagePath, 0755));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of the local filesystem handed over as a forward-only stream; whole-file reads are refused. */
    public record StreamedFile(Path file, String path, int mode) implements FileEntry {
        @Override
        public long size() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public byte[] readAllBytes(long limit) {
            throw new AssertionError("the executable analyzer must stream, not read whole files");
        }

        @Override
        public Path toTempFile(long limit) {
            throw new AssertionError("the executable analyzer must stream, not copy files");
        }
    }
}
