package io.kensa.analyze.engine;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.AnalyzerRegistry;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One file, several analyzers: each reads the whole content, however big; declined files are only counted. */
class FileDispatcherTest {

    /** Records the content it read as a property. */
    private record Reader(String id) implements Analyzer {
        @Override
        public int version() {
            return 1;
        }

        @Override
        public boolean wants(String path) {
            return true;
        }

        @Override
        public FileResult analyze(FileEntry entry) throws IOException {
            byte[] all = entry.readAllBytes(1 << 20);
            return FileResult.ofProperties(id, entry.path(), Map.of("content", new String(all, StandardCharsets.UTF_8)));
        }
    }

    /** Declines every file. */
    private record Decliner() implements Analyzer {
        @Override
        public String id() {
            return "decliner";
        }

        @Override
        public int version() {
            return 1;
        }

        @Override
        public boolean wants(String path) {
            return true;
        }

        @Override
        public FileResult analyze(FileEntry entry) {
            return FileResult.skipped(id(), entry.path(), "binary");
        }
    }

    @Test
    void aFileOverTheSharedLimitIsSpilledToScratchAndEveryAnalyzerReadsAllOfIt(@TempDir Path dir) throws IOException {
        String text = "x".repeat(100) + "END";
        List<FileResult> results = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Long> skipped = new HashMap<>();
        try (ScratchSpace scratch = ScratchSpace.under(dir)) {
            FileDispatcher dispatcher = new FileDispatcher(new AnalyzerRegistry(List.of(new Reader("a"),
                    new Reader("b"), new Decliner())), scratch, 16);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            dispatcher.dispatch("app/big.txt", bytes.length, 0644, new ByteArrayInputStream(bytes), results, warnings,
                    skipped);
            try (var left = Files.list(dir.resolve(Files.list(dir).findFirst().orElseThrow().getFileName()))) {
                assertThat(left).as("the scratch copy is deleted at once").isEmpty();
            }
        }

        assertThat(warnings).isEmpty();
        assertThat(results).extracting(FileResult::analyzer).containsExactly("a", "b");
        assertThat(results).extracting(r -> r.properties().get("content")).containsOnly(text);
        assertThat(skipped).containsExactly(Map.entry("decliner: binary", 1L));
    }

    @Test
    void aSmallFileIsSharedInMemory(@TempDir Path dir) throws IOException {
        List<FileResult> results = new ArrayList<>();
        Map<String, Long> skipped = new HashMap<>();
        try (ScratchSpace scratch = ScratchSpace.under(dir)) {
            FileDispatcher dispatcher = new FileDispatcher(new AnalyzerRegistry(List.of(new Reader("a"),
                    new Reader("b"))), scratch);
            byte[] bytes = "small".getBytes(StandardCharsets.UTF_8);
            dispatcher.dispatch("etc/x", bytes.length, 0644, new ByteArrayInputStream(bytes), results, new ArrayList<>(),
                    skipped);
        }
        assertThat(results).extracting(r -> r.properties().get("content")).containsExactly("small", "small");
        assertThat(skipped).isEmpty();
    }
}
