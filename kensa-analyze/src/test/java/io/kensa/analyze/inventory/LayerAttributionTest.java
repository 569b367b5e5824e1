package io.kensa.analyze.inventory;

import io.kensa.analyze.AnalyzerRegistry;
import io.kensa.analyze.engine.FileDispatcher;
import io.kensa.analyze.engine.LayerResult;
import io.kensa.analyze.engine.LayerScanner;
import io.kensa.analyze.engine.ScratchSpace;
import io.kensa.analyze.testing.Scans;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import io.kensa.image.layer.LayerLimits;
import io.kensa.image.layer.LayerStream;
import io.kensa.image.source.ImageSource;
import io.kensa.image.source.LayerRef;
import io.kensa.image.source.LocalImages;
import io.kensa.image.testing.Corpus;
import io.kensa.image.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Which layer installed each package, on the real images. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LayerAttributionTest {
    @TempDir
    Path scratch;

    /** name=version of the installed packages of a layer's dpkg status, read with GNU tar and a plain parse. */
    private static Set<String> installedInLayer(String archive, String layerFile) {
        String status = Tools.run(null, "bash", "-c", "tar -xOf '" + Corpus.image(archive) + "' " + layerFile
                + " | tar -xzO var/lib/dpkg/status");
        Set<String> out = new HashSet<>();
        for (String para : status.split("\n\n")) {
            String name = null;
            String version = null;
            boolean installed = false;
            for (String line : para.split("\n")) {
                if (line.startsWith("Package: ")) {
                    name = line.substring(9).strip();
                } else if (line.startsWith("Version: ")) {
                    version = line.substring(9).strip();
                } else if (line.startsWith("Status: ")) {
                    installed = line.strip().endsWith(" installed");
                }
            }
            if (name != null && installed) {
                out.add(name + "=" + version);
            }
        }
        return out;
    }

    @Test
    void debianBookwormPackagesNewOrChangedInL1BelongToL1() throws IOException {
        Set<String> base = installedInLayer("debian-bookworm.docker.tar",
                "ec599126f6ed62f44ccac3680c8427a52691e2015472fddc7a98321444c92fc8.tar.gz");
        assertThat(base).hasSize(20);
        ScanReport report = Scans.scan(Corpus.image("debian-bookworm.docker.tar"), scratch);
        String l0 = report.layers().get(0).diffId();
        String l1 = report.layers().get(1).diffId();
        int inL1 = 0;
        for (Package p : report.packages()) {
            boolean fromBase = base.contains(p.name() + "=" + p.version());
            assertThat(p.layer()).as("layer of %s %s", p.name(), p.version()).isEqualTo(fromBase ? l0 : l1);
            inL1 += fromBase ? 0 : 1;
        }
        assertThat(inL1).isEqualTo(report.packages().size() - 20).isEqualTo(33);
        assertThat(Scans.find(report.packages(), "curl").layer()).isEqualTo(l1);
        assertThat(Scans.find(report.packages(), "dpkg").layer()).isEqualTo(l0);
    }

    @Test
    void javaAppOsPackagesAllComeFromTheBaseLayer() throws IOException {
        ScanReport report = Scans.scan(Corpus.image("java-app.docker.tar"), scratch);
        List<Package> os = report.packages().stream().filter(Package::isOsPackage).toList();
        assertThat(os).hasSize(20);
        String base = report.layers().getFirst().diffId();
        assertThat(base).isEqualTo("sha256:9f428b2ec8a9b34000042ed7904ba9c0cc3c877b639a784f32beb4a35859275a");
        assertThat(os).allSatisfy(p -> assertThat(p.layer()).isEqualTo(base));
    }

    @Test
    void goBinariesDistrolessPackagesSplitAcrossTheTwoDistrolessLayers() throws IOException {
        ScanReport report = Scans.scan(Corpus.image("go-binaries.docker.tar"), scratch);
        String l0 = report.layers().get(0).diffId();
        String l1 = report.layers().get(1).diffId();
        for (String name : List.of("base-files", "netbase", "tzdata", "ca-certificates")) {
            assertThat(Scans.find(report.packages(), name).layer()).as(name).isEqualTo(l0);
        }
        for (String name : List.of("libc6", "libgcc-s1", "gcc-12-base", "libssl3")) {
            assertThat(Scans.find(report.packages(), name).layer()).as(name).isEqualTo(l1);
        }
    }

    @Test
    void secretsMisconfigWhiteoutsOfTheRealL3AreRecorded() throws IOException {
        try (ImageSource src = LocalImages.open(Corpus.image("secrets-misconfig.docker.tar").toString(), null,
                LayerLimits.DEFAULT);
             ScratchSpace space = ScratchSpace.under(scratch)) {
            LayerRef l3 = src.layers().get(3);
            LayerScanner scanner = new LayerScanner(new FileDispatcher(AnalyzerRegistry.defaults(), space), 1 << 20);
            LayerResult result;
            try (InputStream blob = src.openBlob(l3); LayerStream s = LayerStream.open(blob, l3, LayerLimits.DEFAULT)) {
                result = scanner.scan(l3.diffId(), s).result();
            }
            assertThat(result.whiteouts()).containsExactlyInAnyOrder("app/id_rsa", "app/.env");
            assertThat(result.opaqueDirs()).isEmpty();
            assertThat(result.diffId()).isEqualTo(l3.diffId().toString());
            assertThat(result.entries()).isPositive();
        }
    }
}
