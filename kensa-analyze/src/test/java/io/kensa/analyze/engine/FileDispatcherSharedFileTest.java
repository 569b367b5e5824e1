package io.kensa.analyze.engine;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.AnalyzerRegistry;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;
import io.kensa.analyze.malware.MalwareAnalyzer;
import io.kensa.analyze.malware.MalwareHashList;
import io.kensa.analyze.malware.MalwareMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file several analyzers want is read once from the layer and given to each: in memory up to a limit, copied to
 * the scratch space above it (so that a big executable does not escape the malware analyzer).
 */
class FileDispatcherSharedFileTest {
    @TempDir
    Path dir;

    /** Wants executables and records the SHA-256 of the content it was given. */
    static final class DigestRecorder implements Analyzer {
        @Override
        public String id() {
            return "recorder";
        }

        @Override
        public int version() {
            return 1;
        }

        @Override
        public boolean wants(String path) {
            return false;
        }

        @Override
        public boolean wants(String path, int mode) {
            return (mode & 0111) != 0;
        }

        @Override
        public FileResult analyze(FileEntry entry) throws IOException {
            try (InputStream in = entry.open()) {
                return FileResult.ofProperties(id(), entry.path(), Map.of("sha256", sha256(in.readAllBytes())));
            }
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void fileOverTheMemoryLimitIsSpooledToEveryAnalyzer() throws IOException {
        byte[] data = new byte[3 << 20];
        new Random(9).nextBytes(data);
        String hex = sha256(data);
        Path list = Files.writeString(dir.resolve("list.txt"), hex + " Test.Big.Executable\n");
        AnalyzerRegistry registry = new AnalyzerRegistry(List.of(new DigestRecorder(),
                new MalwareAnalyzer(MalwareHashList.load(List.of(list)), null)));
        for (long memoryLimit : new long[]{1 << 20, 256L << 20}) {
            Path scratchDir = Files.createDirectories(dir.resolve("scratch-" + memoryLimit));
            try (ScratchSpace scratch = ScratchSpace.under(scratchDir)) {
                FileDispatcher dispatcher = new FileDispatcher(registry, scratch, memoryLimit);
                List<FileResult> results = new ArrayList<>();
                List<String> warnings = new ArrayList<>();
                Map<String, Long> skipped = new HashMap<>();
                dispatcher.dispatch("usr/bin/big", data.length, 0755, new ByteArrayInputStream(data), results, warnings,
                        skipped);
                assertThat(results).as("memory limit %d", memoryLimit).containsExactly(
                        FileResult.ofProperties("recorder", "usr/bin/big", Map.of("sha256", hex)),
                        FileResult.ofMalware("malware", "usr/bin/big",
                                List.of(new MalwareMatch("hash", "Test.Big.Executable", hex))));
                assertThat(warnings).isEmpty();
                assertThat(skipped).isEmpty();
                try (Stream<Path> left = Files.walk(scratchDir)) {
                    assertThat(left.filter(Files::isRegularFile)).as("no copy left behind").isEmpty();
                }
            }
        }
    }
}
