package io.kensa.match.version;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A package manager's own implementation, run as a process that reads one tab-separated pair of versions a line on
 * stdin and answers one line each. A tool that is missing fails the test (the Debian packages are in
 * {@code .ci/apt-packages.txt}, which {@code ./run-tests} installs): a cross-check never skips itself.
 */
final class ReferenceTool {
    private ReferenceTool() {
    }

    /** The executable, which must exist. */
    static Path require(String executable, String debianPackage) {
        Path p = Path.of(executable);
        if (!p.isAbsolute()) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(executable);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        } else if (Files.isExecutable(p)) {
            return p;
        }
        throw new AssertionError(executable + " not found: install the Debian package " + debianPackage
                + " (listed in .ci/apt-packages.txt; ./run-tests installs it)");
    }

    /** A file or directory a Debian package ships, which must exist. */
    static Path requireFile(Path path, String debianPackage) {
        if (!Files.exists(path)) {
            throw new AssertionError(path + " not found: install the Debian package " + debianPackage
                    + " (listed in .ci/apt-packages.txt; ./run-tests installs it)");
        }
        return path;
    }

    /** Runs {@code command} with the pairs as input, one output line per pair. */
    static List<String> run(List<String> command, Map<String, String> env, List<String[]> pairs) {
        List<String> input = new ArrayList<>();
        for (String[] p : pairs) {
            input.add(p[0] + "\t" + p[1]);
        }
        List<String> out = exec(command, env, input);
        if (out.size() != pairs.size()) {
            throw new AssertionError(command.getFirst() + " answered " + out.size() + " lines for " + pairs.size()
                    + " pairs: " + out.subList(0, Math.min(5, out.size())));
        }
        return out;
    }

    /** Runs {@code command}, feeding {@code input} lines, and returns its stdout lines; fails on a non-zero exit. */
    static List<String> exec(List<String> command, Map<String, String> env, List<String> input) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        try {
            Process process = pb.start();
            // own threads, not the common pool: with one worker there (2 cores) the two readers would deadlock
            CompletableFuture<String> err = new CompletableFuture<>();
            CompletableFuture<List<String>> out = new CompletableFuture<>();
            Thread.ofPlatform().daemon().start(() -> err.complete(readAll(process.getErrorStream())));
            Thread.ofPlatform().daemon().start(() -> out.complete(lines(process)));
            try (Writer w = process.outputWriter(StandardCharsets.UTF_8)) {
                for (String line : input) {
                    w.write(line);
                    w.write('\n');
                }
            }
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command.getFirst() + " did not finish in 300 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command).lines().findFirst().orElse("") + " exited "
                        + process.exitValue() + ": " + err.join());
            }
            return out.join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<String> lines(Process process) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static String readAll(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
