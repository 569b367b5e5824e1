package io.kensa.analyze.lang.java;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.purl.PurlFactory;
import io.kensa.analyze.testing.MemoryFileEntry;
import io.kensa.core.Package;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Real {@code release} files of two runtimes (Temurin 25, Debian's OpenJDK 17), stored as test resources. */
class JdkReleaseAnalyzerTest {
    private final JdkReleaseAnalyzer analyzer = new JdkReleaseAnalyzer();

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = JdkReleaseAnalyzerTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void temurinIsOpenJdkAtItsJavaVersion() throws IOException {
        String path = "opt/java/openjdk/release";
        assertThat(analyzer.wants(path)).isTrue();
        FileResult r = analyzer.analyze(new MemoryFileEntry(path, resource("release-temurin-25")));
        Package p = r.packages().getFirst();
        assertThat(r.packages()).hasSize(1);
        assertThat(p.type()).isEqualTo("generic");
        assertThat(p.name()).isEqualTo("oracle/openjdk");
        assertThat(p.version()).isEqualTo("25.0.3");
        assertThat(p.paths()).containsExactly(path);
        assertThat(p.foundBy()).isEqualTo("release");
        assertThat(new PurlFactory().purl(p, null)).isEqualTo("pkg:generic/oracle/openjdk@25.0.3");
    }

    @Test
    void debiansOpenJdk() throws IOException {
        FileResult r = analyzer.analyze(new MemoryFileEntry("usr/lib/jvm/java-17-openjdk-amd64/release",
                resource("release-debian-openjdk-17")));
        assertThat(r.packages()).extracting(Package::name, Package::version)
                .containsExactly(org.assertj.core.api.Assertions.tuple("oracle/openjdk", "17.0.15"));
    }

    @Test
    void vendorsAsCpesNameThem() {
        assertThat(JdkReleaseAnalyzer.name("Azul Systems, Inc.", "JDK", "", "usr/lib/jvm/zulu17/release"))
                .isEqualTo("azul/zulu");
        assertThat(JdkReleaseAnalyzer.name("Oracle Corporation", "JRE", "commercial", "opt/jre/release"))
                .isEqualTo("oracle/jre");
        assertThat(JdkReleaseAnalyzer.name("Oracle Corporation", "", "commercial", "opt/jdk-21/release"))
                .isEqualTo("oracle/jdk");
        // jdk.java.net's OpenJDK builds are Oracle's too, but not its commercial JDK
        assertThat(JdkReleaseAnalyzer.name("Oracle Corporation", "", "", "opt/openjdk-21/release"))
                .isEqualTo("oracle/openjdk");
        assertThat(JdkReleaseAnalyzer.name("Amazon.com Inc.", "JDK", "", "usr/lib/jvm/java-17-amazon-corretto/release"))
                .isEqualTo("oracle/openjdk");
    }

    @Test
    void otherFilesNamedReleaseAreNotPackages() throws IOException {
        assertThat(analyzer.analyze(MemoryFileEntry.of("usr/share/doc/foo/release", "1.2.3\n"))).isNull();
        assertThat(analyzer.analyze(MemoryFileEntry.of("x/release", "VERSION=\"1\"\n"))).isNull();
        assertThat(analyzer.analyze(new MemoryFileEntry("x/release", new byte[100 << 10]))).isNull();
        assertThat(analyzer.wants("etc/os-release")).isFalse();
        assertThat(analyzer.wants("release")).isFalse();
    }
}
