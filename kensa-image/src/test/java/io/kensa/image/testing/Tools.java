package io.kensa.image.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the command-line tools the tests rely on (GNU tar, gzip, zstd, skopeo); a missing tool fails the test. */
public final class Tools {
    private Tools() {
    }

    /** Runs {@code command} in {@code dir} and returns its stdout; fails on a non-zero exit or after 5 minutes. */
    public static String run(Path dir, String... command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new AssertionError("cannot run " + command[0] + " (is it installed?): " + e.getMessage(), e);
            }
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", command));
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " exited " + p.exitValue() + ": " + text);
            }
            return text;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static String run(Path dir, List<String> command) {
        return run(dir, command.toArray(String[]::new));
    }
}
