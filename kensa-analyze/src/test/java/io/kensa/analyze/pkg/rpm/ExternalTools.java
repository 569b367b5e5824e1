package io.kensa.analyze.pkg.rpm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/** Runs Debian's rpm and BerkeleyDB tools in tests; a missing tool fails the test with the apt package to install. */
final class ExternalTools {
    static final String RPM = "rpm";
    static final String DB_LOAD = "db5.3_load";
    static final String DB_DUMP = "db5.3_dump";

    private ExternalTools() {
    }

    static void require(String command, String aptPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return;
            }
        }
        fail("'" + command + "' not found on PATH: install it with 'apt-get install " + aptPackage + "'");
    }

    static void requireRpm() {
        require(RPM, "rpm");
    }

    static void requireDbUtils() {
        require(DB_LOAD, "db5.3-util");
        require(DB_DUMP, "db5.3-util");
    }

    /** Runs {@code command}, returns its stdout; a non-zero exit or a timeout fails. Stderr is kept for messages. */
    static String run(List<String> command, Path workDir) throws IOException, InterruptedException {
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Process p = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + command);
        }
        if (p.exitValue() != 0) {
            fail(command + " exited with " + p.exitValue() + ": " + Files.readString(err, StandardCharsets.UTF_8));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** {@code rpm -qa} over a database directory with the given backend, one line per package in rpm's order. */
    static String rpmQueryAll(Path dbDir, String backend, String queryFormat, Path workDir)
            throws IOException, InterruptedException {
        return run(List.of(RPM, "--dbpath", dbDir.toAbsolutePath().toString(), "--define", "_db_backend " + backend,
                "-qa", "--qf", queryFormat), workDir);
    }
}
