package io.kensa.analyze.scan;

import io.kensa.analyze.testing.Scans;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import io.kensa.image.oci.Platform;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every corpus image with a package ground truth (images.tsv), scanned and compared exactly. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CorpusInventoryTest {
    @TempDir
    Path scratch;

    /** The rows of images.tsv with expected packages; the rpm images belong to the rpm analyzer's own tests. */
    static Stream<Arguments> images() {
        Path tsv = Corpus.image("images.tsv");
        int name = Corpus.column(tsv, "name");
        int file = Corpus.column(tsv, "file");
        int platform = Corpus.column(tsv, "platform");
        int expected = Corpus.column(tsv, "expected_packages");
        int family = Corpus.column(tsv, "os_family");
        int version = Corpus.column(tsv, "os_version");
        List<Arguments> rows = Corpus.tsvBody(tsv).stream()
                .filter(r -> !r[expected].isEmpty())
                .filter(r -> !r[name].contains("rpm"))
                .map(r -> Arguments.of(r[name], r[file], r[platform], r[expected], r[family], r[version]))
                .toList();
        assertThat(rows).as("images.tsv rows to check").hasSizeGreaterThanOrEqualTo(12);
        return rows.stream();
    }

    static Map<String, String> expectedVersions(String expectedFile) {
        Path file = Corpus.image(expectedFile);
        int n = Corpus.column(file, "name");
        int v = Corpus.column(file, "version");
        Map<String, String> m = new TreeMap<>();
        Corpus.tsvBody(file).forEach(r -> m.put(r[n], r[v]));
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void inventoryEqualsGroundTruth(String name, String file, String platform, String expectedFile, String family,
                                    String version) throws IOException {
        ScanReport report = Scans.scan(Corpus.image(file), platform.isEmpty() ? null : Platform.parse(platform),
                io.kensa.analyze.cache.LayerCache.NONE, scratch);
        Map<String, String> expected = expectedVersions(expectedFile);
        assertThat(expected).isNotEmpty();
        // application packages (Go binaries' modules …) are checked by their analyzers' tests
        List<Package> osPackages = report.packages().stream().filter(Package::isOsPackage).toList();
        assertThat(Scans.versions(osPackages)).as("%s: (name, version) of every OS package", name)
                .isEqualTo(expected);

        // source package and architecture agree with dpkg-query / the apk records too
        Path tsv = Corpus.image(expectedFile);
        int n = Corpus.column(tsv, "name");
        int src = Corpus.column(tsv, "source");
        int srcVersion = Corpus.column(tsv, "source_version");
        int arch = Corpus.column(tsv, "architecture");
        for (String[] row : Corpus.tsvBody(tsv)) {
            Package p = Scans.find(osPackages, row[n]);
            assertThat(p.source().name()).as("%s: source of %s", name, row[n]).isEqualTo(row[src]);
            assertThat(p.source().version()).as("%s: source version of %s", name, row[n]).isEqualTo(row[srcVersion]);
            assertThat(p.arch()).as("%s: arch of %s", name, row[n]).isEqualTo(row[arch]);
        }
        // every package names a layer of the image, the database it came from, and a purl
        List<String> diffIds = report.layers().stream().map(l -> l.diffId()).toList();
        assertThat(report.packages()).allSatisfy(p -> {
            assertThat(diffIds).contains(p.layer());
            assertThat(p.paths()).isNotEmpty();
            assertThat(p.purl()).startsWith("pkg:" + p.type() + "/");
        });
        assertThat(report.artifact().os()).as("%s: OS detected", name).isNotNull();
        assertThat(List.of(family.split("\\|"))).as("%s: OS family", name).contains(report.artifact().os().family());
        assertThat(report.artifact().os().version()).as("%s: OS version", name).startsWith(version);
        assertThat(report.warnings()).as("%s: warnings", name).isEmpty();
        assertThat(report.layers()).allSatisfy(l -> assertThat(l.cached()).isFalse());
    }

    @Test
    void ubuntuDeinstalledPackageIsNotListed() throws IOException {
        ScanReport report = Scans.scan(Corpus.image("ubuntu18-dpkg.docker.tar"), scratch);
        assertThat(report.packages()).hasSize(90).noneMatch(p -> p.name().equals("git"));
        assertThat(Scans.find(report.packages(), "base-files").version()).isEqualTo("10.1ubuntu2.2");
        assertThat(report.artifact().os().family()).isEqualTo("ubuntu");
        assertThat(report.artifact().os().version()).isEqualTo("18.04");
    }

    @Test
    void pythonRubyAppReadsBothStatusAndStatusD() throws IOException {
        ScanReport report = Scans.scan(Corpus.image("python-ruby-app.docker.tar"), scratch);
        assertThat(report.packages()).hasSize(12);
        assertThat(report.packages()).filteredOn(p -> p.paths().contains("var/lib/dpkg/status")).hasSize(8);
        assertThat(report.packages()).filteredOn(p -> p.paths().getFirst().startsWith("var/lib/dpkg/status.d/")).hasSize(4);
    }
}
