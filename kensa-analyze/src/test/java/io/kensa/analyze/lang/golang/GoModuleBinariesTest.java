package io.kensa.analyze.lang.golang;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.lang.elf.ElfFixtures;
import io.kensa.core.Package;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Module-mode Go binaries built in the test: what Kensa reads equals what {@code go version -m} reads. */
class GoModuleBinariesTest {
    private static final String IMAGE_PATH = "usr/local/bin/app";

    static List<String> variants() {
        return List.copyOf(GoFixtures.get().binaries.keySet());
    }

    @ParameterizedTest
    @MethodSource("variants")
    void readsWhatGoVersionReads(String variant) {
        GoFixtures f = GoFixtures.get();
        FileResult r = ElfFixtures.analyze(f.binaries.get(variant), IMAGE_PATH);

        assertThat(r).as(variant).isNotNull();
        assertThat(r.warnings()).as(variant).isEmpty();
        assertThat(nameAtVersion(r.packages())).as(variant)
                .isEqualTo(GoVersionM.expectedPackages(f.goVersionM.get(variant)));
        assertThat(r.packages()).allSatisfy(p -> {
            assertThat(p.type()).isEqualTo("golang");
            assertThat(p.paths()).containsExactly(IMAGE_PATH);
            assertThat(p.foundBy()).isEqualTo("go-buildinfo");
        });
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyAppBuildHasTheReplacementsResolved(String variant) {
        if (variant.equals("installed")) {
            return;
        }
        FileResult r = ElfFixtures.analyze(GoFixtures.get().binaries.get(variant), IMAGE_PATH);
        assertThat(nameAtVersion(r.packages())).as(variant).containsExactlyInAnyOrder(
                "stdlib@1.19.8", "example.com/greet@v1.2.0", "example.com/new@v1.1.0");
    }

    @Test
    void goInstallRecordsTheMainModuleVersion() {
        FileResult r = ElfFixtures.analyze(GoFixtures.get().binaries.get("installed"), "usr/bin/hello");
        assertThat(nameAtVersion(r.packages())).containsExactlyInAnyOrder(
                "stdlib@1.19.8", "example.com/hello@v1.3.0", "example.com/greet@v1.2.0");
    }

    @Test
    void theOutputsCoverBothClassesBothByteOrdersAndBothLayouts() {
        GoFixtures f = GoFixtures.get();
        assertThat(ElfFixtures.run(List.of("file", "-b", f.binaries.get("mips").toString()), f.dir, java.util.Map.of()))
                .contains("ELF 32-bit MSB");
        assertThat(ElfFixtures.run(List.of("file", "-b", f.binaries.get("s390x").toString()), f.dir,
                java.util.Map.of())).contains("ELF 64-bit MSB");
        assertThat(ElfFixtures.run(List.of("file", "-b", f.binaries.get("386").toString()), f.dir, java.util.Map.of()))
                .contains("ELF 32-bit LSB");
        assertThat(ElfFixtures.sections(f.binaries.get("no-sections"))).isEmpty();
        Path lld = f.binaries.get("lld");
        long sectionTable = Long.parseLong(ElfFixtures.run(List.of("readelf", "-hW", lld.toString()), f.dir,
                java.util.Map.of()).replaceAll("(?s).*Start of section headers:\\s+(\\d+).*", "$1").trim());
        assertThat(sectionTable - ElfFixtures.sections(lld).get(".shstrtab")[0]).as("names far before the table")
                .isGreaterThan(64 << 10);
        assertThat(f.goVersionM.get("amd64-pointers")).isEqualTo(
                f.goVersionM.get("amd64").replace("app-amd64", "app-amd64-pointers"));
    }

    /** lld's layout puts the section names out of reach: the blob is found as the hit that starts a section. */
    @Test
    void theLldBinaryIsReadWithoutSectionNames() {
        ElfFixtures.Pass pass = ElfFixtures.stream(GoFixtures.get().binaries.get("lld"),
                List.of(new GoBuildInfoExtractor()));
        assertThat(pass.file().sections()).isNotEmpty().allSatisfy(s -> assertThat(s.name()).isEmpty());
        assertThat(pass.maxRetained()).isLessThan(GoBuildInfoExtractor.DATA_LIMIT + (1 << 20));
    }

    private static Set<String> nameAtVersion(List<Package> packages) {
        return packages.stream().map(p -> p.name() + "@" + p.version()).collect(Collectors.toCollection(TreeSet::new));
    }

}
