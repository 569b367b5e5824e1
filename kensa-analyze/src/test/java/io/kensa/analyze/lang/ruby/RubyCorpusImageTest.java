package io.kensa.analyze.lang.ruby;

import io.kensa.analyze.testing.Scans;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The gems of the corpus image python-ruby-app, scanned end to end and compared with its ground truth. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RubyCorpusImageTest {
    @TempDir
    Path scratch;

    @Test
    void debianGemspecsAreFoundWhereDpkgInstalledThem() throws IOException {
        ScanReport report = Scans.scan(Corpus.image("python-ruby-app.docker.tar"), scratch);
        Path tsv = Corpus.image("python-ruby-app.expected/language-packages.tsv");
        int ecosystem = Corpus.column(tsv, "ecosystem");
        int name = Corpus.column(tsv, "name");
        int version = Corpus.column(tsv, "version");
        int path = Corpus.column(tsv, "path");
        int owned = Corpus.column(tsv, "os_owned");
        List<String[]> expected = Corpus.tsvBody(tsv).stream().filter(r -> r[ecosystem].equals("gem")).toList();
        assertThat(expected).hasSize(2);

        List<Package> gems = report.packages().stream().filter(p -> p.type().equals("gem")).toList();
        assertThat(gems).extracting(p -> p.name() + " " + p.version() + " /" + p.paths().getFirst())
                .containsExactlyInAnyOrderElementsOf(expected.stream()
                        .map(r -> r[name] + " " + r[version] + " " + r[path]).toList());
        String layer1 = report.layers().get(1).diffId();
        for (String[] row : expected) {
            Package gem = gems.stream().filter(p -> p.name().equals(row[name])).findFirst().orElseThrow();
            // os_owned=yes: dpkg's .list names this very path, so the inventory marks the gem once the dpkg
            // analyzer reports owned files (ownedBy is set by the inventory, not by this analyzer)
            assertThat(row[owned]).isEqualTo("yes");
            assertThat(gem.licenses()).containsExactly("MIT");
            assertThat(gem.foundBy()).isEqualTo("gemspec");
            assertThat(gem.layer()).isEqualTo(layer1);
            assertThat(gem.purl()).isEqualTo("pkg:gem/" + row[name] + "@" + row[version]);
        }
        assertThat(report.warnings()).isEmpty();
    }
}
