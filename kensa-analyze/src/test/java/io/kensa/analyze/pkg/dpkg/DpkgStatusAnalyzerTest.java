package io.kensa.analyze.pkg.dpkg;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.testing.MemoryFileEntry;
import io.kensa.core.Package;
import io.kensa.core.SourcePackage;
import io.kensa.image.testing.Corpus;
import io.kensa.image.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class DpkgStatusAnalyzerTest {
    private final DpkgStatusAnalyzer dpkg = new DpkgStatusAnalyzer();

    private FileResult analyze(String path, String text) throws IOException {
        return dpkg.analyze(MemoryFileEntry.of(path, text));
    }

    @Test
    void wantsTheStatusFileAndStatusDParagraphsOnly() {
        assertThat(dpkg.wants("var/lib/dpkg/status")).isTrue();
        assertThat(dpkg.wants("var/lib/dpkg/status.d/libc6")).isTrue();
        assertThat(dpkg.wants("var/lib/dpkg/status.d/libc6.md5sums")).isFalse();
        assertThat(dpkg.wants("var/lib/dpkg/status-old")).isFalse();
        assertThat(dpkg.wants("var/lib/dpkg/status.d")).isFalse();
        assertThat(dpkg.wants("var/lib/dpkg/status.d/sub/x")).isFalse();
        assertThat(dpkg.wants("var/lib/dpkg/available")).isFalse();
        assertThat(dpkg.wants("usr/var/lib/dpkg/status")).isFalse();
    }

    @Test
    void installedOnlyWithSourceEpochsAndContinuationLines() throws IOException {
        String status = """
                Package: libssl3
                Status: install ok installed
                Priority: optional
                Architecture: amd64
                Source: openssl
                Version: 3.0.20-1~deb12u2
                Description: Secure Sockets Layer toolkit
                 This package is part of the OpenSSL project's implementation.
                 .
                 Version: 9.9 (a continuation line that looks like a field)
                Conffiles:
                 /etc/ssl/openssl.cnf 2b1d9f0fba0e0b4b4d4e4c2a0c0e1f00

                Package: libgcc-s1
                Status: install ok installed
                Architecture: amd64
                Source: gcc-12 (12.2.0-14+deb12u1)
                Version: 12.2.0-14+deb12u1
                Multi-Arch: same

                Package: perl-base
                Status: hold ok installed
                Architecture: amd64
                Source: perl
                Version: 1:5.36.0-7+deb12u2

                Package: git
                Status: deinstall ok config-files
                Architecture: amd64
                Version: 1:2.17.1-1ubuntu0.4

                Package: removed
                Status: purge ok not-installed
                Architecture: amd64

                Package: halfway
                Status: install ok half-installed
                Architecture: amd64
                Version: 1.0

                Package: unpacked
                Status: install ok unpacked
                Version: 2.0
                """;
        FileResult r = analyze("var/lib/dpkg/status", status);
        assertThat(r.analyzer()).isEqualTo("dpkg");
        assertThat(r.path()).isEqualTo("var/lib/dpkg/status");
        Map<String, Package> byName = new TreeMap<>();
        r.packages().forEach(p -> byName.put(p.name(), p));
        assertThat(byName.keySet()).containsExactly("libgcc-s1", "libssl3", "perl-base");
        Package ssl = byName.get("libssl3");
        assertThat(ssl.type()).isEqualTo("deb");
        assertThat(ssl.version()).isEqualTo("3.0.20-1~deb12u2");
        assertThat(ssl.arch()).isEqualTo("amd64");
        assertThat(ssl.source()).isEqualTo(new SourcePackage("openssl", "3.0.20-1~deb12u2"));
        assertThat(ssl.paths()).containsExactly("var/lib/dpkg/status");
        assertThat(byName.get("libgcc-s1").source()).isEqualTo(new SourcePackage("gcc-12", "12.2.0-14+deb12u1"));
        assertThat(byName.get("perl-base").version()).isEqualTo("1:5.36.0-7+deb12u2");
        assertThat(byName.get("perl-base").source()).isEqualTo(new SourcePackage("perl", "1:5.36.0-7+deb12u2"));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void binNMUSourceVersionDiffersFromTheBinaryVersion() throws IOException {
        FileResult r = analyze("var/lib/dpkg/status", """
                Package: shfmt
                Status: install ok installed
                Source: golang-mvdan-sh (3.6.0-1)
                Version: 3.6.0-1+b2
                Architecture: amd64
                """);
        assertThat(r.packages()).singleElement().satisfies(p -> {
            assertThat(p.version()).isEqualTo("3.6.0-1+b2");
            assertThat(p.source()).isEqualTo(new SourcePackage("golang-mvdan-sh", "3.6.0-1"));
        });
    }

    @Test
    void windowsLineEndingsBlankLinesWithSpacesAndMissingFinalNewline() throws IOException {
        FileResult r = analyze("var/lib/dpkg/status",
                "Package: a\r\nStatus: install ok installed\r\nVersion: 1.0\r\n \t\r\nPackage: b\nStatus: install ok installed\nVersion: 2.0");
        assertThat(r.packages()).extracting(Package::name, Package::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "1.0"), org.assertj.core.groups.Tuple.tuple("b", "2.0"));
    }

    @Test
    void installedPackageWithoutVersionIsAWarningNotAFailure() throws IOException {
        FileResult r = analyze("var/lib/dpkg/status", """
                Package: broken
                Status: install ok installed

                Package: fine
                Status: install ok installed
                Version: 1
                """);
        assertThat(r.packages()).extracting(Package::name).containsExactly("fine");
        assertThat(r.warnings()).containsExactly("package broken has no Version");
    }

    @Test
    void emptyOrForeignFilesGiveNothing() throws IOException {
        assertThat(analyze("var/lib/dpkg/status", "")).isNull();
        assertThat(analyze("var/lib/dpkg/status", "\u0000\u0001\u0002 binary junk\n\n\n")).isNull();
        assertThat(analyze("var/lib/dpkg/status", "Status: install ok installed\nVersion: 1\n")).isNull();
    }

    @Test
    void statusDParagraphsHaveNoStatusAndCountAsInstalled() throws IOException {
        FileResult r = analyze("var/lib/dpkg/status.d/libc6", """
                Package: libc6
                Version: 2.36-9+deb12u13
                Architecture: amd64
                Source: glibc
                Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>
                """);
        assertThat(r.packages()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("libc6");
            assertThat(p.source()).isEqualTo(new SourcePackage("glibc", "2.36-9+deb12u13"));
            assertThat(p.paths()).containsExactly("var/lib/dpkg/status.d/libc6");
        });
        // a status.d file that does give a Status is held to it
        assertThat(analyze("var/lib/dpkg/status.d/x", "Package: x\nVersion: 1\nStatus: deinstall ok config-files\n")).isNull();
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 10, unit = java.util.concurrent.TimeUnit.SECONDS)
    void manyContinuationLinesOfAWantedFieldTakeLinearTime() throws IOException {
        // 2 MB of status (a few KB gzip'ed in a layer): joining continuation lines by String concatenation is
        // quadratic and took minutes here
        String status = "Package: a\nStatus: install ok installed\nVersion: 1.0\n" + " x\n".repeat(600_000)
                + "Architecture: amd64\n\nPackage: b\nStatus: install ok installed\nVersion: 2.0\n";
        long start = System.nanoTime();
        FileResult r = analyze("var/lib/dpkg/status", status);
        assertThat(System.nanoTime() - start).isLessThan(java.util.concurrent.TimeUnit.SECONDS.toNanos(5));
        assertThat(r.packages()).extracting(Package::name).containsExactly("a", "b");
        assertThat(r.packages().get(0).version()).startsWith("1.0\nx\nx").hasSize(3 + 600_000 * 2);
        assertThat(r.packages().get(0).arch()).isEqualTo("amd64");
    }

    @Test
    void continuationLinesOfWantedFieldsAreJoinedWithNewlines() throws IOException {
        FileResult r = analyze("var/lib/dpkg/status", "Package: a\nStatus: install ok\n installed\nVersion: 1\n"
                + "Description: d\n Version: 9\n");
        assertThat(r.packages()).singleElement().satisfies(p -> assertThat(p.version()).isEqualTo("1"));
        assertThat(Deb822Parser.parse(new java.io.BufferedReader(new java.io.StringReader(
                "A: 1\n two\n\tthree\nB: x\n ignored? no: B is wanted\nC: skipped\n cont\n")), java.util.Set.of("A", "B")))
                .containsExactly(Map.of("A", "1\ntwo\nthree", "B", "x\nignored? no: B is wanted"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"install ok installed", " hold  ok installed ", "deinstall reinstreq installed"})
    void statusWordsInstalled(String status) {
        assertThat(DpkgStatusAnalyzer.installed(status, false)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"deinstall ok config-files", "install ok unpacked", "purge ok not-installed", "installed", ""})
    void statusWordsNotInstalled(String status) {
        assertThat(DpkgStatusAnalyzer.installed(status, false)).isFalse();
    }

    @Test
    void ubuntu18CorpusStatusHasOneDeinstalledStanza() throws IOException {
        String status = Tools.run(null, "bash", "-c", "tar -xOf '" + Corpus.image("ubuntu18-dpkg.docker.tar")
                + "' $(tar -tf '" + Corpus.image("ubuntu18-dpkg.docker.tar") + "' | grep 'tar.gz$') | tar -xzO --wildcards '*var/lib/dpkg/status'");
        assertThat(status).contains("Status: deinstall ok config-files");
        FileResult r = analyze("var/lib/dpkg/status", status);
        assertThat(r.packages()).hasSize(90).noneMatch(p -> p.name().equals("git"));
        var expectedFile = Corpus.image("ubuntu18-dpkg.expected/packages.tsv");
        Map<String, String> expected = new TreeMap<>();
        Corpus.tsvBody(expectedFile).forEach(row -> expected.put(row[0], row[1]));
        Map<String, String> actual = new TreeMap<>();
        r.packages().forEach(p -> actual.put(p.name(), p.version()));
        assertThat(actual).isEqualTo(expected);
        assertThat(r.warnings()).isEmpty();
    }
}
