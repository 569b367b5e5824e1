package io.kensa.analyze.lang.golang;

import io.kensa.analyze.testing.Scans;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus image {@code go-binaries}: three Debian-built Go binaries, GOPATH builds (no module versions). Each
 * must report the standard library at the toolchain version {@code go version -m} printed, at its path.
 */
class GoBinariesCorpusTest {
    @TempDir
    Path scratch;

    @Test
    void everyGoBinaryReportsItsStdlibVersion() throws IOException {
        Path expected = Corpus.image("go-binaries.expected");
        Map<String, String> goVersions = new TreeMap<>();
        for (String line : Files.readAllLines(expected.resolve("go-version-m.txt"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("\t") && line.contains(": ")) {
                goVersions.put(line.substring(1, line.indexOf(": ")), line.substring(line.indexOf(": ") + 4));
            }
        }
        List<String[]> rows = Corpus.tsv(expected.resolve("language-packages.tsv"));
        assertThat(goVersions).hasSize(3).containsValue("1.19.8");
        assertThat(rows.subList(1, rows.size()).stream().map(r -> r[3].substring(1)).toList())
                .containsExactlyInAnyOrderElementsOf(goVersions.keySet());

        ScanReport report = Scans.scan(Corpus.image("go-binaries.docker.tar"), scratch);

        List<Package> golang = report.packages().stream().filter(p -> p.type().equals("golang")).toList();
        Map<String, String> stdlibByPath = golang.stream().filter(p -> p.name().equals("stdlib"))
                .collect(Collectors.toMap(p -> p.paths().getFirst(), Package::version));
        assertThat(stdlibByPath).isEqualTo(goVersions);
        assertThat(golang).hasSize(3).allSatisfy(p -> {
            assertThat(p.foundBy()).isEqualTo("go-buildinfo");
            assertThat(p.purl()).isEqualTo("pkg:golang/stdlib@1.19.8");
            assertThat(p.layer()).isEqualTo(report.layers().getLast().diffId());
        });
        assertThat(report.warnings()).isEmpty();
    }
}
