package io.kensa.analyze.lang.python;

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

/** The corpus python-ruby-app image end to end: Debian's dist-packages and a virtual environment's site-packages. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PythonRubyAppImageTest {
    @TempDir
    Path scratch;

    @Test
    void everyDistributionWithItsMetadataFile() throws IOException {
        ScanReport report = Scans.scan(Corpus.image("python-ruby-app.docker.tar"), scratch);
        List<Package> pypi = report.packages().stream().filter(p -> p.type().equals("pypi")).toList();

        Map<String, String> expected = new TreeMap<>();  // metadata directory → normalised name@version
        Corpus.tsvBody(Corpus.image("python-ruby-app.expected/language-packages.tsv")).stream()
                .filter(row -> row[0].equals("pypi"))
                .forEach(row -> expected.put(row[3].substring(1), PythonNames.normalize(row[1]) + "@" + row[2]));
        assertThat(expected).hasSize(9);
        Map<String, String> actual = new TreeMap<>();
        for (Package p : pypi) {
            String path = p.paths().getFirst();
            String metadataDir = path.substring(0, path.lastIndexOf('/'));
            assertThat(path).endsWith(path.endsWith(".dist-info/METADATA") ? "/METADATA" : ".egg-info/PKG-INFO");
            assertThat(actual.put(metadataDir, p.name() + "@" + p.version())).isNull();
            assertThat(p.foundBy()).isEqualTo(path.endsWith("METADATA") ? "METADATA" : "PKG-INFO");
        }
        assertThat(actual).isEqualTo(expected);

        assertThat(Scans.find(pypi, "jinja2").licenses()).containsExactly("BSD-3-Clause");
        assertThat(Scans.find(pypi, "jinja2").purl()).isEqualTo("pkg:pypi/jinja2@3.1.2");
        assertThat(Scans.find(pypi, "jinja2").layer()).isEqualTo(report.layers().get(2).diffId());
        assertThat(Scans.find(pypi, "pyyaml").licenses()).containsExactly("MIT");
        assertThat(Scans.find(pypi, "pyyaml").layer()).isEqualTo(report.layers().get(1).diffId());
        assertThat(Scans.find(pypi, "requests").licenses()).containsExactly("Apache 2.0");
        assertThat(Scans.find(pypi, "chardet").licenses()).containsExactly("LGPL");
        assertThat(report.warnings()).isEmpty();
    }
}
