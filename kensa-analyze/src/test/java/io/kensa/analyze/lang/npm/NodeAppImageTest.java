package io.kensa.analyze.lang.npm;

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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The corpus node-app image end to end: 68 packages installed by npm, with their lock file beside them. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NodeAppImageTest {
    @TempDir
    Path scratch;

    @Test
    void everyInstalledPackageOnceWithItsPath() throws IOException {
        ScanReport report = Scans.scan(Corpus.image("node-app.docker.tar"), scratch);
        List<Package> npm = report.packages().stream().filter(p -> p.type().equals("npm")).toList();

        Map<String, String> expected = new TreeMap<>();  // path → name@version
        Corpus.tsvBody(Corpus.image("node-app.expected/language-packages.tsv"))
                .forEach(row -> expected.put(row[3].substring(1), row[1] + "@" + row[2]));
        assertThat(expected).hasSize(68);
        Map<String, String> actual = new TreeMap<>();
        for (Package p : npm) {
            assertThat(p.paths()).as(p.name()).hasSize(1);
            assertThat(actual.put(p.paths().getFirst(), p.name() + "@" + p.version())).as("reported twice").isNull();
        }
        assertThat(actual).isEqualTo(expected);

        String appLayer = report.layers().get(1).diffId();
        assertThat(npm).allSatisfy(p -> {
            assertThat(p.foundBy()).isEqualTo("package.json");
            assertThat(p.layer()).isEqualTo(appLayer);
            assertThat(p.purl()).isEqualTo(purl(p));
            assertThat(p.dev()).isNull();
        });
        assertThat(Scans.find(npm, "lodash").licenses()).containsExactly("MIT");
        assertThat(Scans.find(npm, "jsonwebtoken").purl()).isEqualTo("pkg:npm/jsonwebtoken@8.5.1");
        assertThat(report.warnings()).isEmpty();
    }

    private static String purl(Package p) {
        return "pkg:npm/" + p.name().replace("@", "%40") + "@" + p.version();
    }
}
