package io.kensa.analyze.lang.java;

import io.kensa.analyze.testing.Scans;
import io.kensa.core.JavaIndex;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus java-app image scanned end to end: every row of its ground truth ({@code language-packages.tsv}) is
 * found with its name, version and a path naming the innermost archive, and nothing else.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JavaAppImageTest {
    private static final Path IMAGE = Corpus.image("java-app.docker.tar");
    private static MemoryJavaIndex index;

    @TempDir
    Path scratch;

    @BeforeAll
    static void readIndex() throws IOException {
        index = MemoryJavaIndex.read(Corpus.root().resolve("advisories/maven/sha1-index.tsv"));
        assertThat(index.rows()).isEqualTo(2406);
    }

    /** name, version and path of each expected row; jars without Maven metadata named as the index names them. */
    static Set<String> expected() {
        Path tsv = Corpus.image("java-app.expected/language-packages.tsv");
        int ecosystem = Corpus.column(tsv, "ecosystem");
        int name = Corpus.column(tsv, "name");
        int version = Corpus.column(tsv, "version");
        int path = Corpus.column(tsv, "path");
        Set<String> rows = new TreeSet<>();
        for (String[] r : Corpus.tsvBody(tsv)) {
            String p = r[path];
            String archive;
            String n;
            if (r[ecosystem].equals("maven")) {
                archive = p.substring(1, p.lastIndexOf("!META-INF/maven/"));
                n = r[name];
            } else {
                archive = p.substring(1, p.indexOf(" sha1="));
                n = switch (archive.substring(archive.lastIndexOf('/') + 1)) {
                    case "spring-web-5.3.17.jar" -> "org.springframework:spring-web";
                    case "spring-boot-jarmode-layertools-2.7.18.jar" ->
                            "org.springframework.boot:spring-boot-jarmode-layertools";
                    case "beanutils.jar" -> "commons-beanutils:commons-beanutils";
                    default -> throw new AssertionError("unexpected row " + String.join(" ", r));
                };
            }
            rows.add(n + " " + r[version] + " " + archive.replace("!", "!/"));
        }
        assertThat(rows).hasSize(18);
        return rows;
    }

    static Set<String> found(List<Package> packages) {
        Set<String> rows = new TreeSet<>();
        for (Package p : packages) {
            if (!p.isOsPackage()) {
                assertThat(p.paths()).as("%s", p).hasSize(1);
                rows.add(p.name() + " " + p.version() + " " + p.paths().getFirst());
            }
        }
        return rows;
    }

    @Test
    void everyJavaPackageOfTheGroundTruthAndNothingElse() throws IOException {
        ScanReport report = Scans.scan(IMAGE, scratch, index);
        assertThat(found(report.packages())).isEqualTo(expected());
        assertThat(report.warnings()).isEmpty();
        assertThat(report.packages().stream().filter(Package::isOsPackage)).hasSize(20);

        Package springWeb = Scans.find(report.packages(), "org.springframework:spring-web");
        assertThat(springWeb.sha1()).isEqualTo("66fdc6bbaba2fd7242046131895353d9669a19ad");
        assertThat(springWeb.foundBy()).isEqualTo(JavaIndexResolver.FOUND_BY_INDEX);
        assertThat(springWeb.purl()).isEqualTo("pkg:maven/org.springframework/spring-web@5.3.17");
        Package layertools = Scans.find(report.packages(), "org.springframework.boot:spring-boot-jarmode-layertools");
        assertThat(layertools.sha1()).isEqualTo("a4dc17d77bb35753dd1d4d57846b0891aec1ae38");
        assertThat(layertools.foundBy()).isEqualTo(JavaIndexResolver.FOUND_BY_INDEX);
        // the stripped beanutils is unknown to the index by its sha1: the manifest names it, the index fixes the group
        Package beanutils = Scans.find(report.packages(), "commons-beanutils:commons-beanutils");
        assertThat(beanutils.sha1()).isEqualTo("f901d31c5913445831ac9f2264d71698b1b74c4d");
        assertThat(beanutils.foundBy()).isEqualTo("MANIFEST.MF");
        assertThat(beanutils.licenses()).containsExactly("https://www.apache.org/licenses/LICENSE-2.0.txt");

        // the shaded jar: its own coordinates carry its sha1, the bundled jsoup's do not
        Package cleaner = Scans.find(report.packages(), "com.example.kensa:html-cleaner");
        Package jsoup = Scans.find(report.packages(), "org.jsoup:jsoup");
        assertThat(cleaner.sha1()).matches("[0-9a-f]{40}");
        assertThat(jsoup.sha1()).isNull();
        assertThat(jsoup.paths()).isEqualTo(cleaner.paths());
        assertThat(jsoup.licenses()).containsExactly("The MIT License");
        assertThat(report.packages()).filteredOn(p -> p.type().equals("maven"))
                .allSatisfy(p -> assertThat(p.layer()).isEqualTo(report.layers().get(1).diffId()));
    }

    @Test
    void withoutAnIndexTheManifestsStillNameEveryJar() throws IOException {
        ScanReport report = Scans.scan(IMAGE, scratch, JavaIndex.NONE);
        assertThat(report.warnings()).isEmpty();
        Set<String> rows = found(report.packages());
        assertThat(rows).hasSize(18).contains(
                "org.apache.commons:commons-beanutils 1.9.3 app/lib/beanutils.jar",
                "spring-web 5.3.17 app/lib/spring-web-5.3.17.jar",
                "spring-boot-jarmode-layertools 2.7.18 app/boot-demo-1.0.0.jar!/BOOT-INF/lib/spring-boot-jarmode-layertools-2.7.18.jar");
        assertThat(Scans.find(report.packages(), "spring-web").foundBy()).isEqualTo("MANIFEST.MF");
    }
}
