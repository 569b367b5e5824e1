package io.kensa.analyze.pkg.apk;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.pkg.OwnedFiles;
import io.kensa.analyze.testing.MemoryFileEntry;
import io.kensa.core.Package;
import io.kensa.core.SourcePackage;
import io.kensa.image.testing.Corpus;
import io.kensa.image.testing.Tools;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class ApkInstalledAnalyzerTest {
    private final ApkInstalledAnalyzer apk = new ApkInstalledAnalyzer();

    @Test
    void wantsBothDatabaseLocations() {
        assertThat(apk.wants("lib/apk/db/installed")).isTrue();
        assertThat(apk.wants("usr/lib/apk/db/installed")).isTrue();
        assertThat(apk.wants("lib/apk/db/triggers")).isFalse();
        assertThat(apk.wants("etc/apk/world")).isFalse();
    }

    @Test
    void recordsWithOriginLicenseAndFileLines() throws IOException {
        FileResult r = apk.analyze(MemoryFileEntry.of("lib/apk/db/installed", """
                C:Q1sZiJ2UM1d0J2o9B5N0n6jz2W3zM=
                P:musl
                V:1.1.24-r2
                A:x86_64
                S:377322
                I:614400
                T:the musl c library (libc) implementation
                U:https://musl.libc.org/
                L:MIT
                o:musl
                m:Timo Teräs <timo.teras@iki.fi>
                t:1584790550
                c:3a8b2fcd6a4aa5b6d2d5b7f1e1c3a4ef0d6d8c83
                F:lib
                R:libc.musl-x86_64.so.1
                a:0:0:777
                Z:Q1yF0d9pl1mkNk3NPpHJ8o0tF0sZk=

                P:libcrypto1.1
                V:1.1.1g-r0
                A:x86_64
                L:OpenSSL
                o:openssl

                P:noorigin
                V:2
                A:noarch

                P:noversion
                A:x86_64
                """));
        Map<String, Package> by = new TreeMap<>();
        r.packages().forEach(p -> by.put(p.name(), p));
        assertThat(by.keySet()).containsExactly("libcrypto1.1", "musl", "noorigin");
        Package musl = by.get("musl");
        assertThat(musl.type()).isEqualTo("apk");
        assertThat(musl.version()).isEqualTo("1.1.24-r2");
        assertThat(musl.arch()).isEqualTo("x86_64");
        assertThat(musl.licenses()).containsExactly("MIT");
        assertThat(musl.source()).isEqualTo(new SourcePackage("musl", "1.1.24-r2"));
        assertThat(by.get("libcrypto1.1").source()).isEqualTo(new SourcePackage("openssl", "1.1.1g-r0"));
        assertThat(by.get("noorigin").source()).isEqualTo(new SourcePackage("noorigin", "2"));
        assertThat(by.get("noorigin").licenses()).isEmpty();
        assertThat(r.warnings()).containsExactly("package noversion has no version");
    }

    @Test
    void emptyDatabaseGivesNothing() throws IOException {
        assertThat(apk.analyze(MemoryFileEntry.of("lib/apk/db/installed", ""))).isNull();
        assertThat(apk.analyze(MemoryFileEntry.of("lib/apk/db/installed", "\n\n\nX\n:\n"))).isNull();
    }

    @Test
    void realAlpineAndWolfiDatabasesMatchTheirGroundTruth() throws IOException {
        for (String image : new String[]{"alpine311-apk", "wolfi-apk"}) {
            String tar = Corpus.image(image + ".docker.tar").toString();
            String db = Tools.run(null, "bash", "-c", "tar -xOf '" + tar + "' $(tar -tf '" + tar
                    + "' | grep 'tar.gz$') | tar -xzO --wildcards '*lib/apk/db/installed'");
            FileResult r = apk.analyze(MemoryFileEntry.of("lib/apk/db/installed", db));
            Map<String, String> actual = new TreeMap<>();
            r.packages().forEach(p -> actual.put(p.name(), p.version()));
            Map<String, String> expected = new TreeMap<>();
            Corpus.tsvBody(Corpus.image(image + ".expected/apk-installed.tsv")).forEach(row -> expected.put(row[0], row[1]));
            assertThat(actual).as(image).isEqualTo(expected).hasSize((int) db.lines().filter(l -> l.startsWith("P:")).count());
        }
    }

    @Test
    void filesAreTheRLinesInTheDirectoryOfTheFLineBeforeThem() throws IOException {
        FileResult r = apk.analyze(MemoryFileEntry.of("lib/apk/db/installed", """
                P:musl
                V:1.1.24-r2
                F:lib
                R:ld-musl-x86_64.so.1
                a:0:0:755
                Z:Q1yF0d9pl1mkNk3NPpHJ8o0tF0sZk=
                R:libc.musl-x86_64.so.1
                F:usr/lib/python3.11/site-packages/six-1.16.0.dist-info
                R:METADATA
                F:
                R:.rootfile

                P:alpine-baselayout
                V:3.2.0-r3
                F:etc
                F:etc/apk

                P:noversion
                F:bin
                R:never
                """));

        assertThat(r.ownedFiles()).containsOnlyKeys("musl");
        assertThat(r.ownedFiles().get("musl")).containsExactly("lib/ld-musl-x86_64.so.1", "lib/libc.musl-x86_64.so.1",
                "usr/lib/python3.11/site-packages/six-1.16.0.dist-info/METADATA", ".rootfile");
    }

    @Test
    void realAlpineAndWolfiFileListsMatchAPlainReadOfTheirFAndRLines() throws IOException {
        for (String image : new String[]{"alpine311-apk", "wolfi-apk"}) {
            String tar = Corpus.image(image + ".docker.tar").toString();
            String extract = "tar -xOf '" + tar + "' $(tar -tf '" + tar
                    + "' | grep 'tar.gz$') | tar -xzO --wildcards '*lib/apk/db/installed'";
            String db = Tools.run(null, "bash", "-c", extract);
            // the same records read by awk: package, tab, directory/name for every R: line
            String plain = Tools.run(null, "bash", "-c", extract + " | awk '/^$/ {d = \"\"} /^P:/ {p = substr($0, 3)} "
                    + "/^F:/ {d = substr($0, 3)} /^R:/ {print p \"\\t\" (d == \"\" ? \"\" : d \"/\") substr($0, 3)}'");
            Map<String, List<String>> expected = new TreeMap<>();
            plain.lines().map(l -> l.split("\t", 2))
                    .forEach(f -> expected.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]));
            assertThat(expected).as(image).isNotEmpty();

            FileResult r = apk.analyze(MemoryFileEntry.of("lib/apk/db/installed", db));

            assertThat(new TreeMap<>(r.ownedFiles())).as(image).isEqualTo(expected);
            assertThat(r.ownedFiles().values().stream().mapToInt(List::size).sum())
                    .isEqualTo(expected.values().stream().mapToInt(List::size).sum());
        }
        assertThat(ownedBy("wolfi-apk", "usr/lib/libcrypto.so.3")).isEqualTo("libcrypto3");
        assertThat(Tools.run(null, "bash", "-c", "tar -xOf '" + Corpus.image("alpine311-apk.docker.tar") + "' $(tar -tf '"
                + Corpus.image("alpine311-apk.docker.tar") + "' | grep 'tar.gz$') | tar -xzO lib/apk/db/installed"))
                .as("alpine lists a man page, which is not kept").contains("F:usr/share/man");
    }

    @Test
    void aHugeDirectoryRepeatedByManyFileLinesIsBoundedWithAWarning() throws IOException {
        String hugeDir = "d/".repeat(3000);
        String db = "P:bomb\nV:1\nF:" + hugeDir + "\n" + "R:x\n".repeat(100_000) + "F:ok\nR:kept\n";

        FileResult r = apk.analyze(MemoryFileEntry.of("lib/apk/db/installed", db));

        assertThat(r.packages()).extracting(Package::name).containsExactly("bomb");
        assertThat(r.ownedFiles().get("bomb")).containsExactly("ok/kept");
        assertThat(r.warnings()).singleElement().asString()
                .isEqualTo("package file lists: 100000 paths longer than 4096 characters dropped");
    }

    private String ownedBy(String image, String file) throws IOException {
        String tar = Corpus.image(image + ".docker.tar").toString();
        String db = Tools.run(null, "bash", "-c", "tar -xOf '" + tar + "' $(tar -tf '" + tar
                + "' | grep 'tar.gz$') | tar -xzO --wildcards '*lib/apk/db/installed'");
        FileResult r = apk.analyze(MemoryFileEntry.of("lib/apk/db/installed", db));
        return r.ownedFiles().entrySet().stream().filter(e -> e.getValue().contains(file)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }
}
