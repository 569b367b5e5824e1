package io.kensa.analyze.lang.php;

import io.kensa.analyze.testing.ResourceFiles;
import io.kensa.analyze.testing.Scans;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import io.kensa.image.testing.DockerArchive;
import io.kensa.image.testing.TarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Composer files placed in an image: found in one pass, with purls and layers, and gone once deleted. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ComposerImageScanTest {
    @TempDir
    Path dir;

    @Test
    void composerPackagesOfAnImage() throws IOException {
        String mw = "lang/php/debian-mediawiki/usr/share/mediawiki/vendor/";
        byte[] base = TarBuilder.layer()
                .file("usr/share/mediawiki/vendor/composer/installed.json", ResourceFiles.bytes(mw + "composer/installed.json"))
                .file("usr/share/mediawiki/vendor/composer.lock", ResourceFiles.bytes(mw + "composer.lock"))
                .build();
        byte[] app = TarBuilder.layer()
                .file("var/www/vendor/composer/installed.json",
                        ResourceFiles.bytes("lang/php/composer1-slim/vendor/composer/installed.json"))
                .whiteout("usr/share/mediawiki/vendor/composer.lock")
                .build();
        Path image = new DockerArchive().layer(base).layer(app).write(dir.resolve("php.tar"));
        ScanReport report = Scans.scan(image, dir.resolve("scratch"));

        assertThat(report.warnings()).isEmpty();
        List<Package> composer = report.packages().stream().filter(p -> p.type().equals("composer")).toList();
        assertThat(composer).filteredOn(p -> p.paths().getFirst().startsWith("usr/share/mediawiki/")).hasSize(67)
                .allSatisfy(p -> {
                    assertThat(p.paths()).containsExactly("usr/share/mediawiki/vendor/composer/installed.json");
                    assertThat(p.layer()).isEqualTo(report.layers().get(0).diffId());
                });
        assertThat(composer).filteredOn(p -> p.paths().getFirst().startsWith("var/www/")).hasSize(9)
                .allSatisfy(p -> assertThat(p.layer()).isEqualTo(report.layers().get(1).diffId()));
        assertThat(composer).hasSize(76).noneMatch(p -> p.foundBy().equals("composer.lock"));
        assertThat(composer).extracting(Package::purl)
                .contains("pkg:composer/pear/net_socket@v1.2.2", "pkg:composer/slim/slim@3.12.3",
                        "pkg:composer/wikimedia/parsoid@v0.16.6");
    }
}
