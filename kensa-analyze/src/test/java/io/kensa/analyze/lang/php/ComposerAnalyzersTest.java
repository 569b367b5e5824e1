package io.kensa.analyze.lang.php;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.testing.MemoryFileEntry;
import io.kensa.analyze.testing.OversizedFileEntry;
import io.kensa.analyze.testing.ResourceFiles;
import io.kensa.core.Package;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ComposerAnalyzersTest {
    private static final String MEDIAWIKI = "lang/php/debian-mediawiki/usr/share/mediawiki/vendor/";
    private static final String DEV_FIXTURE = "lang/php/composer2-dev/";
    private final ComposerInstalledAnalyzer installed = new ComposerInstalledAnalyzer();
    private final ComposerLockAnalyzer lock = new ComposerLockAnalyzer();

    private static List<String> rows(FileResult r) {
        return r.packages().stream().map(p -> p.name() + " " + p.version() + " " + p.licenses()
                + (Boolean.TRUE.equals(p.dev()) ? " dev" : "")).toList();
    }

    private static Package find(FileResult r, String name) {
        return r.packages().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** Debian's MediaWiki ships the vendor directory Composer 2 installed (67 packages, without dev ones). */
    @Test
    void composer2InstalledJsonFromDebianMediaWiki() throws IOException {
        String path = "usr/share/mediawiki/vendor/composer/installed.json";
        assertThat(installed.wants(path)).isTrue();
        FileResult r = installed.analyze(ResourceFiles.entry(MEDIAWIKI + "composer/installed.json", path));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.packages()).hasSize(67).allSatisfy(p -> {
            assertThat(p.type()).isEqualTo("composer");
            assertThat(p.name()).matches("[a-z0-9_.-]+/[a-z0-9_.-]+");
            assertThat(p.paths()).containsExactly(path);
            assertThat(p.foundBy()).isEqualTo("installed.json");
            assertThat(p.dev()).isNull();
            assertThat(p.licenses()).hasSize(1);
        });
        // versions as Composer wrote them: 35 tags keep their "v"
        assertThat(r.packages()).filteredOn(p -> p.version().startsWith("v")).hasSize(35);
        assertThat(rows(r)).contains("pear/net_socket v1.2.2 [PHP License]", "wikimedia/parsoid v0.16.6 [GPL-2.0-or-later]",
                "composer/semver 3.3.2 [MIT]", "opis/json-schema 1.1.0 [Apache-2.0]");
    }

    /** The lock file beside it lists the same 67 packages, and one dev package. */
    @Test
    void composerLockFromDebianMediaWiki() throws IOException {
        String path = "usr/share/mediawiki/vendor/composer.lock";
        assertThat(lock.wants(path)).isTrue();
        FileResult locked = lock.analyze(ResourceFiles.entry(MEDIAWIKI + "composer.lock", path));
        FileResult inst = installed.analyze(ResourceFiles.entry(MEDIAWIKI + "composer/installed.json",
                "usr/share/mediawiki/vendor/composer/installed.json"));
        assertThat(locked.warnings()).isEmpty();
        assertThat(locked.packages()).hasSize(68).allSatisfy(p -> assertThat(p.foundBy()).isEqualTo("composer.lock"));
        assertThat(rows(locked)).filteredOn(s -> s.endsWith(" dev"))
                .containsExactly("php-parallel-lint/php-parallel-lint v1.3.1 [BSD-2-Clause] dev");
        assertThat(rows(locked)).filteredOn(s -> !s.endsWith(" dev")).containsExactlyInAnyOrderElementsOf(rows(inst));
    }

    /** Composer 1 wrote installed.json as a bare array (a Slim 3 application's vendor directory). */
    @Test
    void composer1InstalledJsonArray() throws IOException {
        FileResult r = installed.analyze(ResourceFiles.entry("lang/php/composer1-slim/vendor/composer/installed.json",
                "var/www/vendor/composer/installed.json"));
        assertThat(r.warnings()).isEmpty();
        assertThat(rows(r)).containsExactly(
                "nikic/fast-route v1.3.0 [BSD-3-Clause]",
                "pimple/pimple v3.3.0 [MIT]",
                "psr/container 1.0.0 [MIT]",
                "psr/http-message 1.0.1 [MIT]",
                "slim/slim 3.12.3 [MIT]",
                "slim/twig-view 2.5.1 [MIT]",
                "symfony/polyfill-ctype v1.15.0 [MIT]",
                "symfony/polyfill-mbstring v1.15.0 [MIT]",
                "twig/twig v3.0.3 [BSD-3-Clause]");
    }

    /** Composer 2.5 (Debian's) installing two packages and one dev package: dev-package-names and packages-dev. */
    @Test
    void devPackagesAreFlagged() throws IOException {
        FileResult inst = installed.analyze(ResourceFiles.entry(DEV_FIXTURE + "vendor/composer/installed.json",
                "app/vendor/composer/installed.json"));
        FileResult locked = lock.analyze(ResourceFiles.entry(DEV_FIXTURE + "composer.lock", "app/composer.lock"));
        List<String> expected = List.of("psr/container 1.1.1 [MIT] dev", "psr/log 1.1.4 [MIT]",
                "ralouphie/getallheaders 3.0.3 [MIT]");
        assertThat(rows(inst)).containsExactlyElementsOf(expected);
        assertThat(rows(locked)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(find(inst, "psr/container").dev()).isTrue();
        assertThat(find(inst, "psr/log").dev()).isNull();
    }

    @Test
    void wantsComposerFilesByName() {
        assertThat(installed.wants("vendor/composer/installed.json")).isTrue();
        assertThat(installed.wants("composer/installed.json")).isTrue();
        assertThat(installed.wants("srv/app/lib/composer/installed.json")).isTrue();
        assertThat(installed.wants("vendor/mycomposer/installed.json")).isFalse();
        assertThat(installed.wants("node_modules/x/installed.json")).isFalse();
        assertThat(lock.wants("composer.lock")).isTrue();
        assertThat(lock.wants("var/www/html/composer.lock")).isTrue();
        assertThat(lock.wants("var/www/html/mycomposer.lock")).isFalse();
        assertThat(lock.wants("var/www/html/composer.json")).isFalse();
    }

    @Test
    void malformedFilesGiveWarnings() throws IOException {
        FileResult r = installed.analyze(MemoryFileEntry.of("vendor/composer/installed.json", "{\"packages\": [{\"name\""));
        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).singleElement().asString().startsWith("not valid JSON");

        r = lock.analyze(MemoryFileEntry.of("composer.lock", "\"just a string\""));
        assertThat(r.warnings()).containsExactly("not a composer.lock: no \"packages\"");

        r = installed.analyze(MemoryFileEntry.of("vendor/composer/installed.json", "{\"packages\": {\"a\": 1}}"));
        assertThat(r.warnings()).containsExactly("packages is not an array");

        r = lock.analyze(MemoryFileEntry.of("composer.lock", """
                {"packages": [{"name": "a/b", "version": "1.0", "license": "MIT"}, {"name": "c/d"}, 7,
                              {"name": "e/f", "version": "2.0", "license": [1, "GPL-2.0-only"]}]}
                """));
        assertThat(rows(r)).containsExactly("a/b 1.0 [MIT]", "e/f 2.0 [GPL-2.0-only]");
        assertThat(r.warnings()).containsExactly("packages[1] has no name and version", "packages[2] has no name and version");
    }

    @Test
    void deepNestingAndOversizedFilesAreRefused() throws IOException {
        String deep = "[".repeat(100_000);
        FileResult r = installed.analyze(MemoryFileEntry.of("vendor/composer/installed.json", deep));
        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).singleElement().asString().contains("nesting depth");

        r = lock.analyze(new OversizedFileEntry("composer.lock", ComposerLockAnalyzer.MAX_BYTES + 1));
        assertThat(r.warnings()).singleElement().asString().contains("over the");
    }

    @Test
    void randomBytesNeverThrow() throws IOException {
        Random random = new Random(11);
        byte[] real = ResourceFiles.bytes(DEV_FIXTURE + "composer.lock");
        for (int i = 0; i < 300; i++) {
            byte[] copy = Arrays.copyOf(real, random.nextInt(real.length + 1));
            if (copy.length > 0) {
                copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
            }
            FileResult r = lock.analyze(new MemoryFileEntry("composer.lock", copy));
            assertThat(r == null || !r.packages().isEmpty() || !r.warnings().isEmpty()).isTrue();
        }
    }
}
