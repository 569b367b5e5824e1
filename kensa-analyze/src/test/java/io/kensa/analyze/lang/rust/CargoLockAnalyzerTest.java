package io.kensa.analyze.lang.rust;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.testing.MemoryFileEntry;
import io.kensa.core.Package;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Real Cargo.lock files of public projects (see SOURCES.md beside them), lock formats 1, 3 and 4. */
class CargoLockAnalyzerTest {
    private final CargoLockAnalyzer analyzer = new CargoLockAnalyzer();

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = CargoLockAnalyzerTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private FileResult analyze(String resource, String path) throws IOException {
        return analyzer.analyze(new MemoryFileEntry(path, resource(resource)));
    }

    @Test
    void version4WorkspaceLock() throws IOException {
        String text = new String(resource("ripgrep.Cargo.lock"), StandardCharsets.UTF_8);
        int tables = text.split("\n\\[\\[package]]\n", -1).length - 1;

        FileResult r = analyze("ripgrep.Cargo.lock", "src/ripgrep/Cargo.lock");

        assertThat(r.warnings()).isEmpty();
        assertThat(r.packages()).hasSize(tables).hasSize(63).allSatisfy(p -> {
            assertThat(p.type()).isEqualTo("cargo");
            assertThat(p.paths()).containsExactly("src/ripgrep/Cargo.lock");
            assertThat(p.foundBy()).isEqualTo("Cargo.lock");
        });
        assertThat(nameAtVersion(r.packages())).contains("ripgrep@15.2.0", "grep-searcher@0.1.17",
                "syn@2.0.119", "syn@3.0.3", "tikv-jemalloc-sys@0.7.1+5.3.1-0-g81034ce1f1373e37dc865038e1bc8eeecf559ce8");
    }

    @Test
    void version3Lock() throws IOException {
        FileResult r = analyze("twelve-days.Cargo.lock", "Cargo.lock");
        assertThat(nameAtVersion(r.packages())).containsExactly("rust_twelve_days_of_christmas@0.1.0");
    }

    @Test
    void version1LockWithRootTable() throws IOException {
        FileResult r = analyze("advent-2016.Cargo.lock", "app/Cargo.lock");
        assertThat(nameAtVersion(r.packages())).containsExactly("advent-2016@0.1.0", "nom@2.0.0");
    }

    @Test
    void brokenTomlIsAWarning() throws IOException {
        byte[] real = resource("twelve-days.Cargo.lock");
        byte[] broken = java.util.Arrays.copyOf(real, real.length - 8);
        FileResult r = analyzer.analyze(new MemoryFileEntry("app/Cargo.lock", broken));
        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).singleElement().asString().startsWith("app/Cargo.lock: not valid TOML: ");
    }

    @Test
    void aPackageWithoutVersionIsAWarning() throws IOException {
        String text = new String(resource("advent-2016.Cargo.lock"), StandardCharsets.UTF_8)
                .replace("version = \"2.0.0\"\n", "");
        FileResult r = analyzer.analyze(MemoryFileEntry.of("Cargo.lock", text));
        assertThat(nameAtVersion(r.packages())).containsExactly("advent-2016@0.1.0");
        assertThat(r.warnings()).singleElement().asString()
                .startsWith("Cargo.lock: 1 [[package]] entry without a name and version, first: {");
    }

    @Test
    void wantsOnlyCargoLock() {
        assertThat(analyzer.wants("Cargo.lock")).isTrue();
        assertThat(analyzer.wants("srv/app/Cargo.lock")).isTrue();
        assertThat(analyzer.wants("srv/app/NotCargo.lock")).isFalse();
        assertThat(analyzer.wants("srv/app/Cargo.lock.orig")).isFalse();
        assertThat(analyzer.wants("srv/app/cargo.lock")).isFalse();
    }

    private static List<String> nameAtVersion(List<Package> packages) {
        return packages.stream().map(p -> p.name() + "@" + p.version()).toList();
    }
}
