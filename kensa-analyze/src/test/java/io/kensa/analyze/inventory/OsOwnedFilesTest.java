package io.kensa.analyze.inventory;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.engine.LayerResult;
import io.kensa.analyze.pkg.dpkg.DpkgStatusAnalyzer;
import io.kensa.analyze.testing.CorpusLayers;
import io.kensa.analyze.testing.MemoryFileEntry;
import io.kensa.core.Package;
import io.kensa.image.testing.Corpus;
import io.kensa.image.testing.Tools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Application packages whose files an installed OS package lists are marked with that package: the layers of the
 * real python-ruby-app image (dpkg status, status.d and the eight {@code .list} files, read by the real analyzers)
 * with a layer of application packages on top, found at files the lists name and at files they do not.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OsOwnedFilesTest {
    private static final String IMAGE = "python-ruby-app.docker.tar";
    private static final String L1_BLOB = "2f5e59ec546fa42f83b77d9d18099308155d031d5714a29b5f8800810135ec55.tar.gz";
    private static final String DIST = "usr/lib/python3/dist-packages/";
    private static final String VENV = "app/.venv/lib/python3.11/site-packages/";

    private static final Package PYYAML = app("pypi", "PyYAML", "6.0", DIST + "PyYAML-6.0.dist-info/METADATA", "METADATA");
    private static final Package CERTIFI = app("pypi", "certifi", "2022.9.24",
            DIST + "certifi-2022.9.24.egg-info/PKG-INFO", "PKG-INFO");
    private static final Package RACK = app("gem", "rack", "2.2.22",
            "usr/share/rubygems-integration/all/specifications/rack-2.2.22.gemspec", "gemspec");
    private static final Package SIX = app("pypi", "six", "1.16.0", VENV + "six-1.16.0.egg-info/PKG-INFO", "PKG-INFO");
    /** Found in an archive whose outer file python3-yaml lists (the chain's first file is what counts). */
    private static final Package IN_OWNED_ARCHIVE = app("maven", "org.example:inner", "1.0",
            DIST + "yaml/_yaml.cpython-311-x86_64-linux-gnu.so!/lib/inner.jar", "pom.properties");
    /** The owned directory itself is no file of a package: what lies under it is not owned by that alone. */
    private static final Package UNDER_OWNED_DIR = app("pypi", "stray", "0.1", DIST + "yaml/stray-0.1.dist-info/METADATA",
            "METADATA");

    @TempDir
    Path scratch;

    private List<LayerResult> image;

    @BeforeEach
    void scanTheImage() throws IOException {
        image = CorpusLayers.scan(IMAGE, scratch);
        assertThat(image).hasSize(3);
    }

    @Test
    void packagesAtFilesOfInstalledDebPackagesAreMarkedWithTheirOwner() {
        Inventory inventory = new InventoryBuilder().build(with(appLayer(PYYAML, CERTIFI, RACK, SIX, IN_OWNED_ARCHIVE,
                UNDER_OWNED_DIR)));

        assertThat(ownerOf(inventory, "PyYAML")).isEqualTo("python3-yaml");
        assertThat(ownerOf(inventory, "certifi")).isEqualTo("python3-certifi");
        assertThat(ownerOf(inventory, "rack")).isEqualTo("ruby-rack");
        assertThat(ownerOf(inventory, "org.example:inner")).isEqualTo("python3-yaml");
        assertThat(ownerOf(inventory, "six")).isNull();
        assertThat(ownerOf(inventory, "stray")).isNull();
        assertThat(inventory.packages()).filteredOn(Package::isOsPackage).hasSize(12)
                .allSatisfy(p -> assertThat(p.ownedBy()).isNull());
        assertThat(inventory.warnings()).isEmpty();
    }

    @Test
    void aListWhosePackageIsNoLongerInstalledCountsForNothing() {
        // a later layer removes python3-yaml but keeps its conffiles: dpkg leaves the .list, status says config-files
        String status = Tools.run(null, "bash", "-c", "tar -xOf '" + Corpus.image(IMAGE) + "' " + L1_BLOB
                + " | tar -xzO var/lib/dpkg/status");
        String removed = status.replace("Package: python3-yaml\nStatus: install ok installed",
                "Package: python3-yaml\nStatus: deinstall ok config-files");
        assertThat(removed).isNotEqualTo(status);
        FileResult newStatus = analyzeStatus(removed);
        LayerResult removal = new LayerResult("sha256:" + "e".repeat(64), List.of(newStatus), List.of(), List.of(),
                List.of(), List.of(), 1, List.of());

        List<LayerResult> layers = new ArrayList<>(image);
        layers.add(removal);
        layers.add(appLayer(PYYAML, RACK));
        Inventory inventory = new InventoryBuilder().build(layers);

        assertThat(inventory.packages()).extracting(Package::name).doesNotContain("python3-yaml");
        assertThat(ownerOf(inventory, "PyYAML")).isNull();
        assertThat(ownerOf(inventory, "rack")).isEqualTo("ruby-rack");
    }

    @Test
    void aListDeletedByALaterLayerCountsForNothing() {
        LayerResult purge = new LayerResult("sha256:" + "d".repeat(64), List.of(),
                List.of("var/lib/dpkg/info/ruby-rack.list"), List.of(), List.of(), List.of(), 1, List.of());
        List<LayerResult> layers = new ArrayList<>(image);
        layers.add(purge);
        layers.add(appLayer(PYYAML, RACK));

        Inventory inventory = new InventoryBuilder().build(layers);

        assertThat(ownerOf(inventory, "rack")).isNull();
        assertThat(ownerOf(inventory, "PyYAML")).isEqualTo("python3-yaml");
    }

    @Test
    void theImageAloneMarksItsOwnLanguagePackagesAndLeavesTheOsPackagesUnchanged() {
        Inventory plain = new InventoryBuilder().build(image);

        List<Package> os = plain.packages().stream().filter(Package::isOsPackage).toList();
        List<Package> app = plain.packages().stream().filter(p -> !p.isOsPackage()).toList();
        assertThat(os).hasSize(12).allSatisfy(p -> assertThat(p.ownedBy()).isNull());
        // language-packages.tsv: 6 pypi + 2 gem rows are os_owned=yes, the 3 venv rows are not
        assertThat(app).hasSize(11);
        assertThat(app.stream().filter(p -> p.ownedBy() != null)).hasSize(8)
                .allSatisfy(p -> assertThat(p.paths().getFirst()).startsWith("usr/"));
        assertThat(app.stream().filter(p -> p.ownedBy() == null)).extracting(Package::name)
                .containsExactlyInAnyOrder("jinja2", "markupsafe", "six");
        assertThat(app).filteredOn(p -> p.name().equals("pyyaml")).extracting(Package::ownedBy)
                .containsExactly("python3-yaml");
    }

    private List<LayerResult> with(LayerResult top) {
        List<LayerResult> layers = new ArrayList<>(image);
        layers.add(top);
        return layers;
    }

    /** One layer holding each package in a file result of its own, as a language analyzer would report it. */
    private static LayerResult appLayer(Package... packages) {
        List<FileResult> files = new ArrayList<>();
        for (Package p : packages) {
            String path = p.paths().getFirst();
            int bang = path.indexOf("!/");
            files.add(FileResult.ofPackages("test-" + p.type(), bang < 0 ? path : path.substring(0, bang), List.of(p)));
        }
        return new LayerResult("sha256:" + "f".repeat(64), files, List.of(), List.of(), List.of(), List.of(),
                files.size(), List.of());
    }

    private static FileResult analyzeStatus(String text) {
        try {
            return new DpkgStatusAnalyzer().analyze(MemoryFileEntry.of("var/lib/dpkg/status", text));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Package app(String type, String name, String version, String path, String foundBy) {
        return Package.application(type, name, version, List.of(), path, foundBy);
    }

    private static String ownerOf(Inventory inventory, String name) {
        List<Package> found = inventory.packages().stream().filter(p -> p.name().equals(name)).toList();
        assertThat(found).as(name + " in " + Map.of("packages", inventory.packages().size())).hasSize(1);
        return found.getFirst().ownedBy();
    }
}
