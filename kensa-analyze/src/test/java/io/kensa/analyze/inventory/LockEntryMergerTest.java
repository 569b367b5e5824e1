package io.kensa.analyze.inventory;

import io.kensa.core.Package;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LockEntryMergerTest {
    private final LockEntryMerger merger = new LockEntryMerger();

    @Test
    void aLockEntryInstalledElsewhereIsReportedOnceWithItsDevFlag() {
        Package installed = Package.application("gem", "rack", "2.2.22", List.of("MIT"),
                "usr/local/bundle/specifications/rack-2.2.22.gemspec", "gemspec");
        Package rspec = Package.application("gem", "rspec", "3.12.0", List.of(),
                "usr/local/bundle/specifications/rspec-3.12.0.gemspec", "gemspec");
        Package lockRack = Package.application("gem", "rack", "2.2.22", List.of(), "app/Gemfile.lock", "Gemfile.lock");
        Package lockRspec = Package.application("gem", "rspec", "3.12.0", List.of(), "app/Gemfile.lock", "Gemfile.lock")
                .withDev(true);
        Package lockOnly = Package.application("gem", "puma", "6.4.0", List.of(), "app/Gemfile.lock", "Gemfile.lock");

        List<Package> out = merger.merge(List.of(installed, rspec, lockRack, lockRspec, lockOnly));

        assertThat(out).extracting(Package::name, Package::foundBy, Package::dev).containsExactly(
                org.assertj.core.groups.Tuple.tuple("rack", "gemspec", null),
                org.assertj.core.groups.Tuple.tuple("rspec", "gemspec", true),
                org.assertj.core.groups.Tuple.tuple("puma", "Gemfile.lock", null));
    }

    @Test
    void anotherVersionOrEcosystemIsNotTheSamePackage() {
        Package installed = Package.application("composer", "symfony/yaml", "v5.4.23", List.of(),
                "app/vendor/composer/installed.json", "installed.json");
        Package lockOther = Package.application("composer", "symfony/yaml", "v5.4.24", List.of(),
                "app/composer.lock", "composer.lock");
        Package npm = Package.application("npm", "symfony/yaml", "v5.4.23", List.of(), "x/package-lock.json",
                "package-lock.json");

        assertThat(merger.merge(List.of(installed, lockOther, npm))).hasSize(3);
    }

    @Test
    void aSourceTreeWithOnlyALockFileKeepsEveryEntry() {
        List<Package> lock = List.of(
                Package.application("nuget", "Newtonsoft.Json", "13.0.3", List.of(), "src/packages.lock.json",
                        "packages.lock.json"),
                Package.application("nuget", "Serilog", "3.1.1", List.of(), "src/packages.lock.json",
                        "packages.lock.json"));
        assertThat(merger.merge(lock)).isEqualTo(lock);
    }
}
