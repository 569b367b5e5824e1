package io.kensa.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.core.KensaException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Runs a Docker credential helper ({@code docker-credential-<name> get}, the server on standard input,
 * {@code {"Username":…,"Secret":…}} on standard output) found on a search path, within a time limit.
 */
final class CredentialHelper {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final int MAX_OUTPUT = 64 * 1024;

    private final List<Path> searchPath;
    private final Duration timeout;

    CredentialHelper(List<Path> searchPath, Duration timeout) {
        this.searchPath = List.copyOf(searchPath);
        this.timeout = timeout;
    }

    /** The directories of {@code $PATH}-style text. */
    static List<Path> parsePath(String path) {
        if (path == null || path.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(path.split(java.io.File.pathSeparator)).filter(s -> !s.isEmpty()).map(Path::of).toList();
    }

    /** The credentials helper {@code name} has for {@code server}; empty when it has none. */
    Optional<Credentials> get(String name, String server) {
        String program = "docker-credential-" + name;
        if (!NAME.matcher(name).matches()) {
            throw new KensaException("invalid credential helper name '" + HttpTransport.clip(name) + "' in the docker config");
        }
        Path executable = searchPath.stream().map(dir -> dir.resolve(program))
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst()
                .orElseThrow(() -> new KensaException("credential helper " + program
                        + " named in the docker config was not found on the PATH"));
        Process process;
        try {
            process = new ProcessBuilder(executable.toString(), "get").start();
        } catch (IOException e) {
            throw new KensaException("cannot run credential helper " + program + ": " + e.getMessage());
        }
        FutureTask<byte[]> stdout = drain(process.getInputStream());
        FutureTask<byte[]> stderr = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            in.write(server.getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // the helper exited without reading its input; its exit status tells the rest
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new KensaException("credential helper " + program + " did not answer within " + timeout.toSeconds() + " s");
            }
            byte[] out = stdout.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            byte[] err = stderr.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return interpret(program, server, process.exitValue(), out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
            throw new KensaException("interrupted while running credential helper " + program);
        } catch (TimeoutException e) {
            kill(process);
            throw new KensaException("credential helper " + program + " did not close its output within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new KensaException("cannot read the output of credential helper " + program);
        }
    }

    private static Optional<Credentials> interpret(String program, String server, int exit, byte[] out, byte[] err) {
        String output = new String(out, StandardCharsets.UTF_8).strip();
        if (exit != 0) {
            String all = (output + " " + new String(err, StandardCharsets.UTF_8)).toLowerCase(java.util.Locale.ROOT);
            if (all.contains("credentials not found")) {
                return Optional.empty();
            }
            String firstLine = firstLine(output.isEmpty() ? new String(err, StandardCharsets.UTF_8).strip() : output);
            throw new KensaException("credential helper " + program + " failed (exit " + exit + ")"
                    + (firstLine.isEmpty() ? "" : ": " + HttpTransport.clip(firstLine)));
        }
        JsonNode root;
        try {
            root = JSON.readTree(output);
        } catch (IOException e) {
            throw new KensaException("credential helper " + program + " printed something that is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new KensaException("credential helper " + program + " printed something that is not a JSON object");
        }
        String username = root.path("Username").asText("");
        String secret = root.path("Secret").asText("");
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        String origin = "credential helper " + program;
        if (username.equals("<token>")) {
            return Optional.of(new Credentials(null, null, secret, origin));
        }
        return Optional.of(Credentials.basic(username, secret, origin));
    }

    private static FutureTask<byte[]> drain(InputStream stream) {
        FutureTask<byte[]> task = new FutureTask<>(() -> {
            try (InputStream in = stream) {
                byte[] kept = in.readNBytes(MAX_OUTPUT);
                in.transferTo(OutputStream.nullOutputStream());
                return kept;
            }
        });
        Thread.ofVirtual().name("credential-helper-output").start(task);
        return task;
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.getInputStream().close();
            process.getErrorStream().close();
        } catch (IOException ignored) {
            // the process is gone
        }
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return (nl >= 0 ? text.substring(0, nl) : text).strip();
    }
}
