package io.kensa.analyze.lang.golang;

import io.kensa.analyze.lang.elf.ElfFixtures;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Module-mode Go binaries built by Debian's Go toolchain ({@code golang-go}) offline, from a file-based module proxy
 * written here: {@code example.com/greet v1.2.0} (required), {@code example.com/old v1.0.0} replaced by
 * {@code example.com/new v1.1.0}, {@code example.com/localdep} replaced by the directory {@code ./local}, and
 * {@code example.com/hello v1.3.0}, a command installed with {@code go install m@v} so that its main module has a
 * version. Built once per test JVM under {@code target/go-fixtures}.
 * <p>
 * Besides the toolchain's own outputs (amd64, stripped, 386, big-endian mips and s390x, externally linked by gcc),
 * three binaries are rewritten into the pre-1.18 build info layout, which this toolchain no longer writes: the
 * blob's flags say "pointers", and its two pointers are set to the {@code runtime.buildVersion} and
 * {@code runtime.modinfo} string variables ({@code go tool nm}), whose bytes lie in read-only data before the blob,
 * as old linkers laid them out; the inline strings are zeroed. One binary loses its section header table (as
 * {@code sstrip} does). {@code go version -m} reads every one of them; its output is the expected answer.
 */
final class GoFixtures {
    /** Variant name → binary. */
    final Map<String, Path> binaries = new LinkedHashMap<>();
    /** Variant name → {@code go version -m} output. */
    final Map<String, String> goVersionM = new LinkedHashMap<>();
    final Path dir;
    private final Map<String, String> env = new HashMap<>();

    private static GoFixtures built;

    private GoFixtures(Path dir) {
        this.dir = dir;
    }

    static synchronized GoFixtures get() {
        if (built == null) {
            built = new GoFixtures(Path.of("target", "go-fixtures").toAbsolutePath());
            built.build();
        }
        return built;
    }

    private void build() {
        ElfFixtures.require("go", "golang-go");
        try {
            deleteTree(dir);
            Path proxy = dir.resolve("proxy");
            module(proxy, "example.com/greet", "v1.2.0", "greet",
                    "func Hello() string { return \"greet v1.2.0\" }\n");
            module(proxy, "example.com/old", "v1.0.0", "old", "func Name() string { return \"old v1.0.0\" }\n");
            module(proxy, "example.com/new", "v1.1.0", "old", "func Name() string { return \"new v1.1.0\" }\n");
            Map<String, String> hello = Map.of(
                    "go.mod", "module example.com/hello\n\ngo 1.19\n\nrequire example.com/greet v1.2.0\n",
                    "main.go", "package main\n\nimport \"example.com/greet\"\n\nfunc main() { println(greet.Hello()) }\n");
            module(proxy, "example.com/hello", "v1.3.0", hello);
            Path app = dir.resolve("app");
            write(app.resolve("go.mod"), """
                    module example.com/app

                    go 1.19

                    require (
                    \texample.com/greet v1.2.0
                    \texample.com/localdep v0.0.0
                    \texample.com/old v1.0.0
                    )

                    replace example.com/localdep => ./local

                    replace example.com/old v1.0.0 => example.com/new v1.1.0
                    """);
            write(app.resolve("main.go"), """
                    package main

                    import (
                    \t"example.com/greet"
                    \t"example.com/localdep"
                    \t"example.com/old"
                    )

                    func main() { println(greet.Hello(), old.Name(), localdep.Name(), len(table)) }
                    """);
            write(app.resolve("local/go.mod"), "module example.com/localdep\n\ngo 1.19\n");
            write(app.resolve("table.go"), functionTable(4000));
            write(app.resolve("local/localdep.go"), "package localdep\n\nfunc Name() string { return \"local\" }\n");

            env.put("GOPROXY", proxy.toUri().toString().replaceFirst("^file:/+", "file:///"));
            env.put("GOFLAGS", "-mod=mod -modcacherw");
            env.put("GOSUMDB", "off");
            env.put("GONOSUMDB", "*");
            env.put("GOTOOLCHAIN", "local");
            env.put("GOPATH", dir.resolve("gopath").toString());
            env.put("GOCACHE", dir.resolve("gocache").toString());
            env.put("GOBIN", dir.resolve("bin").toString());
            env.put("GOENV", "off");
            env.put("GOWORK", "off");
            env.put("GO111MODULE", "on");
            env.put("HOME", dir.toString());
            env.put("CGO_ENABLED", "0");
            Files.createDirectories(dir.resolve("bin"));

            goBuild(app, "amd64", "amd64", List.of());
            goBuild(app, "stripped", "amd64", List.of("-ldflags=-s -w"));
            goBuild(app, "386", "386", List.of());
            goBuild(app, "mips", "mips", List.of());
            goBuild(app, "s390x", "s390x", List.of());
            Map<String, String> cgo = new HashMap<>(env);
            cgo.put("CGO_ENABLED", "1");
            ElfFixtures.require("gcc", "gcc");
            ElfFixtures.run(List.of("go", "build", "-ldflags=-linkmode=external", "-o", bin("external").toString(),
                    "."), app, withArch(cgo, "amd64"));
            binaries.put("external", bin("external"));
            ElfFixtures.require("ld.lld", "lld");
            ElfFixtures.run(List.of("go", "build", "-ldflags=-linkmode=external -extldflags=-fuse-ld=lld",
                    "-o", bin("lld").toString(), "."), app, withArch(cgo, "amd64"));
            binaries.put("lld", bin("lld"));
            ElfFixtures.run(List.of("go", "install", "example.com/hello@v1.3.0"), dir, withArch(env, "amd64"));
            binaries.put("installed", dir.resolve("bin/hello"));

            pointerLayout("amd64", "amd64-pointers", 8, false);
            pointerLayout("386", "386-pointers", 4, false);
            pointerLayout("s390x", "s390x-pointers", 8, true);
            pointerLayout("external", "external-pointers", 8, false);
            withoutSections("amd64", "no-sections");


            for (Map.Entry<String, Path> b : binaries.entrySet()) {
                goVersionM.put(b.getKey(), ElfFixtures.run(List.of("go", "version", "-m", b.getValue().toString()),
                        dir, env));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Many reachable functions, so that the symbol names make {@code .strtab} larger than 64 KiB: lld writes it
     * between the section names and the section header table, which puts the names out of the window kept
     * before the table.
     */
    private static String functionTable(int n) {
        StringBuilder b = new StringBuilder("package main\n\nvar table = []func() int{\n");
        for (int i = 0; i < n; i++) {
            b.append("\tgeneratedFunctionWithALongNameNumber").append(i).append(",\n");
        }
        b.append("}\n");
        for (int i = 0; i < n; i++) {
            b.append("\nfunc generatedFunctionWithALongNameNumber").append(i).append("() int { return ").append(i)
                    .append(" }\n");
        }
        return b.toString();
    }

    private Path bin(String name) {
        return dir.resolve("bin").resolve("app-" + name);
    }

    private static Map<String, String> withArch(Map<String, String> env, String arch) {
        Map<String, String> m = new HashMap<>(env);
        m.put("GOARCH", arch);
        return m;
    }

    private void goBuild(Path app, String name, String arch, List<String> flags) {
        List<String> cmd = new ArrayList<>(List.of("go", "build"));
        cmd.addAll(flags);
        cmd.addAll(List.of("-o", bin(name).toString(), "."));
        ElfFixtures.run(cmd, app, withArch(env, arch));
        binaries.put(name, bin(name));
    }

    private void pointerLayout(String from, String name, int pointerSize, boolean bigEndian) throws IOException {
        binaries.put(name, pointerLayout(binaries.get(from), bin(name), pointerSize, bigEndian));
    }

    /** Rewrites a binary's blob into the pre-1.18 layout: flags, then pointers to the runtime's string variables. */
    Path pointerLayout(Path source, Path target, int pointerSize, boolean bigEndian) throws IOException {
        long[] section = ElfFixtures.sections(source).get(".go.buildinfo");
        Map<String, Long> symbols = symbols(source);
        ByteBuffer b = ByteBuffer.allocate((int) section[1] - 15)
                .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        b.put((byte) (bigEndian ? 1 : 0));
        for (String symbol : List.of("runtime.buildVersion", "runtime.modinfo")) {
            long address = symbols.get(symbol);
            if (pointerSize == 8) {
                b.putLong(address);
            } else {
                b.putInt((int) address);
            }
        }
        Path out = ElfFixtures.patchedCopy(source, target, section[0] + 15, b.array());
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        return out;
    }

    /** Zeroes e_shoff, e_shnum and e_shstrndx of an ELF64 little-endian binary. */
    private void withoutSections(String from, String name) throws IOException {
        Path out = ElfFixtures.patchedCopy(binaries.get(from), bin(name), 40, new byte[8]);
        ElfFixtures.patch(out, 60, new byte[4]);
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        binaries.put(name, out);
    }

    private Map<String, Long> symbols(Path binary) {
        Map<String, Long> out = new HashMap<>();
        for (String line : ElfFixtures.run(List.of("go", "tool", "nm", binary.toString()), dir, env).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3) {
                out.put(f[2], Long.parseUnsignedLong(f[0], 16));
            }
        }
        return out;
    }

    private static void module(Path proxy, String path, String version, String pkg, String body) throws IOException {
        module(proxy, path, version, Map.of(
                "go.mod", "module " + path + "\n\ngo 1.19\n",
                pkg + ".go", "package " + pkg + "\n\n" + body));
    }

    /** Writes one module version into the proxy: list, .info, .mod and the zip whose entries start with m@v/. */
    private static void module(Path proxy, String path, String version, Map<String, String> files) throws IOException {
        Path v = proxy.resolve(path).resolve("@v");
        Files.createDirectories(v);
        Files.writeString(v.resolve("list"), version + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        write(v.resolve(version + ".info"), "{\"Version\":\"" + version + "\",\"Time\":\"2023-01-01T00:00:00Z\"}\n");
        write(v.resolve(version + ".mod"), files.get("go.mod"));
        try (OutputStream os = Files.newOutputStream(v.resolve(version + ".zip"));
             ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(path + "@" + version + "/" + f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.delete(p);
            }
        }
    }
}
