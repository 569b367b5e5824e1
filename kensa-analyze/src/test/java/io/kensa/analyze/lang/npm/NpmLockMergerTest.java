package io.kensa.analyze.lang.npm;

import io.kensa.analyze.AnalyzerRegistry;
import io.kensa.analyze.scan.RootfsScanner;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Lock files and the node_modules they produced, scanned together as a root filesystem. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NpmLockMergerTest {
    @TempDir
    Path dir;

    private List<Package> npmPackages(Path root) throws IOException {
        ScanReport r = new RootfsScanner(AnalyzerRegistry.defaults(), dir.resolve("scratch")).scan(root, "fixture");
        assertThat(r.warnings()).isEmpty();
        return r.packages().stream().filter(p -> p.type().equals("npm")).toList();
    }

    private static Set<String> ids(List<Package> packages) {
        return packages.stream().map(p -> p.name() + "@" + p.version()).collect(Collectors.toSet());
    }

    private static Set<String> devIds(List<Package> packages) {
        return packages.stream().filter(p -> Boolean.TRUE.equals(p.dev())).map(p -> p.name() + "@" + p.version())
                .collect(Collectors.toSet());
    }

    @Test
    void npmInstallIsReportedOnceWithTheLockFilesDevFlags() throws IOException {
        Path root = dir.resolve("root");
        NpmFixtures.copyTree("installed-npm", root);
        List<Package> npm = npmPackages(root);
        assertThat(npm).hasSize(15);
        assertThat(ids(npm)).isEqualTo(NpmFixtures.ALL);
        assertThat(npm).allSatisfy(p -> {
            assertThat(p.foundBy()).isEqualTo("package.json");
            assertThat(p.paths()).singleElement().asString().startsWith("app/node_modules/").endsWith("/package.json");
            assertThat(p.purl()).startsWith("pkg:npm/");
        });
        assertThat(devIds(npm)).isEqualTo(NpmFixtures.NPM_DEV);
        assertThat(npm).filteredOn(p -> p.name().equals("ms")).extracting(p -> p.paths().getFirst())
                .containsExactlyInAnyOrder("app/node_modules/ms/package.json",
                        "app/node_modules/debug/node_modules/ms/package.json", "app/node_modules/my-ms/package.json");
    }

    @Test
    void productionInstallHidesTheLockFilesDevEntries() throws IOException {
        Path root = dir.resolve("root");
        NpmFixtures.copyTree("installed-npm-prod", root);
        List<Package> npm = npmPackages(root);
        assertThat(ids(npm)).containsExactlyInAnyOrder("@sindresorhus/is@4.6.0", "debug@2.6.9", "ms@2.0.0",
                "ms@2.1.3", "ms@2.1.2");
        assertThat(npm).hasSize(5).allSatisfy(p -> {
            assertThat(p.foundBy()).isEqualTo("package.json");
            assertThat(p.dev()).isNull();
        });
    }

    @Test
    void pnpmStoreIsReportedOnceWithDevFlagsFromTheImporters() throws IOException {
        Path root = dir.resolve("root");
        NpmFixtures.copyTree("installed-pnpm", root);
        List<Package> npm = npmPackages(root);
        assertThat(npm).hasSize(15);
        assertThat(ids(npm)).isEqualTo(NpmFixtures.ALL);
        assertThat(npm).allSatisfy(p -> {
            assertThat(p.foundBy()).isEqualTo("package.json");
            assertThat(p.paths()).singleElement().asString().startsWith("app/node_modules/.pnpm/");
        });
        assertThat(devIds(npm)).isEqualTo(NpmFixtures.PNPM_DEV);
    }

    @Test
    void lockFileWithoutNodeModulesKeepsItsEntries() throws IOException {
        Path root = dir.resolve("root");
        NpmFixtures.copyTree("installed-npm", root);
        NpmFixtures.copyTree("installed-npm", root.resolve("srv"));
        deleteTree(root.resolve("srv/app/node_modules"));
        List<Package> npm = npmPackages(root);
        assertThat(npm).hasSize(30);
        List<Package> fromLock = npm.stream().filter(p -> p.foundBy().equals("package-lock.json")).toList();
        assertThat(fromLock).hasSize(15)
                .allSatisfy(p -> assertThat(p.paths()).containsExactly("srv/app/package-lock.json"));
        assertThat(devIds(fromLock)).isEqualTo(NpmFixtures.NPM_DEV);
    }

    @Test
    void installedPackagesBelongToTheNearestLockFile() throws IOException {
        Path root = dir.resolve("root");
        NpmFixtures.copyTree("installed-npm", root);
        // a lock file in a directory above app/ that pins the same versions as production dependencies
        Files.writeString(root.resolve("package-lock.json"), """
                {"lockfileVersion": 3, "packages": {
                  "node_modules/is-number": {"version": "7.0.0"},
                  "node_modules/left-pad": {"version": "1.3.0"}}}
                """);
        List<Package> npm = npmPackages(root);
        // app/node_modules/is-number belongs to app/package-lock.json (dev); the outer lock's entries stay
        assertThat(npm).filteredOn(p -> p.name().equals("is-number")).hasSize(2)
                .anySatisfy(p -> {
                    assertThat(p.paths()).containsExactly("app/node_modules/is-number/package.json");
                    assertThat(p.dev()).isTrue();
                })
                .anySatisfy(p -> {
                    assertThat(p.paths()).containsExactly("package-lock.json");
                    assertThat(p.dev()).isNull();
                });
        assertThat(npm).filteredOn(p -> p.name().equals("left-pad")).singleElement()
                .satisfies(p -> assertThat(p.foundBy()).isEqualTo("package-lock.json"));
    }

    private static void deleteTree(Path p) throws IOException {
        try (var s = Files.walk(p)) {
            for (Path f : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(f);
            }
        }
    }
}
