package io.kensa.analyze.lang.python;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.testing.MemoryFileEntry;
import io.kensa.core.Package;
import io.kensa.image.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PythonPackageAnalyzerTest {
    private static final String SITE = "usr/local/lib/python3.11/site-packages/";

    private final PythonPackageAnalyzer python = new PythonPackageAnalyzer();

    @TempDir
    Path dir;

    private Package single(MemoryFileEntry e) throws IOException {
        FileResult r = python.analyze(e);
        assertThat(r.warnings()).isEmpty();
        assertThat(r.packages()).hasSize(1);
        return r.packages().getFirst();
    }

    @Test
    void wantsMetadataWhereverItIs() {
        assertThat(python.wants(SITE + "attrs-26.1.0.dist-info/METADATA")).isTrue();
        assertThat(python.wants("usr/lib/python3/dist-packages/idna-3.3.egg-info/PKG-INFO")).isTrue();
        assertThat(python.wants("usr/lib/python2.7/dist-packages/foo-1.0.egg-info")).isTrue();
        assertThat(python.wants(SITE + "foo-1.0-py3.11.egg")).isTrue();
        assertThat(python.wants(SITE + "foo-1.0-py3.11.egg/EGG-INFO/PKG-INFO")).isTrue();
        assertThat(python.wants("var/task/requests-2.31.0.dist-info/METADATA")).isTrue();

        assertThat(python.wants(SITE + "attrs-26.1.0.dist-info/RECORD")).isFalse();
        assertThat(python.wants(SITE + "foo-1.0.egg-info/requires.txt")).isFalse();
        assertThat(python.wants(SITE + "foo-1.0-py3.11.egg/EGG-INFO/SOURCES.txt")).isFalse();
        assertThat(python.wants("src/foo/PKG-INFO")).isFalse();
        assertThat(python.wants("usr/share/doc/METADATA")).isFalse();
    }

    @Test
    void licenseExpressionOfMetadata24() throws IOException {
        Package attrs = single(PythonFixtures.entry(SITE + "attrs-26.1.0.dist-info/METADATA", "attrs-26.1.0.METADATA"));
        assertThat(attrs.type()).isEqualTo("pypi");
        assertThat(attrs.name()).isEqualTo("attrs");
        assertThat(attrs.version()).isEqualTo("26.1.0");
        assertThat(attrs.licenses()).containsExactly("MIT");
        assertThat(attrs.paths()).containsExactly(SITE + "attrs-26.1.0.dist-info/METADATA");
        assertThat(attrs.foundBy()).isEqualTo("METADATA");
    }

    @Test
    void pastedLicenseTextGivesWayToTheClassifier() throws IOException {
        Package traitlets = single(PythonFixtures.entry(SITE + "traitlets-5.15.0.dist-info/METADATA",
                "traitlets-5.15.0.METADATA"));
        assertThat(traitlets.name()).isEqualTo("traitlets");
        assertThat(traitlets.version()).isEqualTo("5.15.0");
        assertThat(traitlets.licenses()).containsExactly("BSD License");
    }

    /** Builds a project with the machine's setuptools: zipped egg, unzipped egg, distutils single-file egg-info. */
    private Path buildProject() throws IOException {
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve("demo_pkg"));
        Files.writeString(project.resolve("demo_pkg/__init__.py"), "X = 1\n");
        Files.writeString(project.resolve("setup.py"), """
                from setuptools import setup
                setup(name="Demo_Egg.Fixture", version="1.2.3", license="Apache-2.0", packages=["demo_pkg"],
                      classifiers=["License :: OSI Approved :: Apache Software License"])
                """);
        Files.writeString(project.resolve("setup_distutils.py"), """
                from distutils.core import setup
                setup(name="Demo_Egg.Fixture", version="1.2.3", license="Apache-2.0", packages=["demo_pkg"])
                """);
        return project;
    }

    @Test
    void zippedAndUnzippedEggsBuiltBySetuptools() throws IOException {
        Path project = buildProject();
        Tools.run(project, "python3", "setup.py", "-q", "bdist_egg");
        Path egg;
        try (Stream<Path> s = Files.list(project.resolve("dist"))) {
            egg = s.filter(p -> p.toString().endsWith(".egg")).findFirst().orElseThrow();
        }
        String eggName = egg.getFileName().toString();
        assertThat(eggName).startsWith("Demo_Egg.Fixture-1.2.3-py");

        Package zipped = single(new MemoryFileEntry(SITE + eggName, Files.readAllBytes(egg)));
        assertThat(zipped.name()).isEqualTo("demo-egg-fixture");
        assertThat(zipped.version()).isEqualTo("1.2.3");
        assertThat(zipped.licenses()).containsExactly("Apache-2.0");
        assertThat(zipped.paths()).containsExactly(SITE + eggName);
        assertThat(zipped.foundBy()).isEqualTo("PKG-INFO");

        Path unzipped = dir.resolve("unzipped");
        Tools.run(dir, "python3", "-m", "zipfile", "-e", egg.toString(), unzipped.toString());
        String inside = SITE + eggName + "/EGG-INFO/PKG-INFO";
        Package expanded = single(new MemoryFileEntry(inside, Files.readAllBytes(unzipped.resolve("EGG-INFO/PKG-INFO"))));
        assertThat(expanded.name()).isEqualTo("demo-egg-fixture");
        assertThat(expanded.version()).isEqualTo("1.2.3");
        assertThat(expanded.paths()).containsExactly(inside);
    }

    @Test
    void singleFileEggInfoWrittenByDistutils() throws IOException {
        Path project = buildProject();
        Path out = dir.resolve("out");
        Tools.run(project, "env", "SETUPTOOLS_USE_DISTUTILS=stdlib", "python3", "-W", "ignore", "setup_distutils.py",
                "-q", "install_egg_info", "--install-dir", out.toString());
        Path file;
        try (Stream<Path> s = Files.list(out)) {
            file = s.findFirst().orElseThrow();
        }
        assertThat(Files.isRegularFile(file)).isTrue();
        String path = "usr/lib/python3/dist-packages/" + file.getFileName();
        assertThat(path).endsWith(".egg-info");
        Package p = single(new MemoryFileEntry(path, Files.readAllBytes(file)));
        assertThat(p.name()).isEqualTo("demo-egg-fixture");
        assertThat(p.version()).isEqualTo("1.2.3");
        assertThat(p.licenses()).containsExactly("Apache-2.0");
        assertThat(p.foundBy()).isEqualTo("PKG-INFO");
    }

    @Test
    void brokenEggsAreOneWarningEach() throws IOException {
        FileResult notZip = python.analyze(MemoryFileEntry.of(SITE + "x-1.0.egg", "not a zip"));
        assertThat(notZip.packages()).isEmpty();
        assertThat(notZip.warnings()).singleElement().asString().startsWith("not a readable zip archive");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("demo_pkg/__init__.py"));
            zip.write("X = 1\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        FileResult noInfo = python.analyze(new MemoryFileEntry(SITE + "x-1.0.egg", bytes.toByteArray()));
        assertThat(noInfo.warnings()).containsExactly("not an egg: no EGG-INFO/PKG-INFO inside");
    }

    @Test
    void zipBombMemberIsBounded() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("EGG-INFO/PKG-INFO"));
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 12; i++) {
                zip.write(chunk);
            }
            zip.closeEntry();
        }
        assertThat(bytes.size()).isLessThan(100_000);
        FileResult r = python.analyze(new MemoryFileEntry(SITE + "bomb-1.0.egg", bytes.toByteArray()));
        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).singleElement().asString().contains("limit");
    }

    @Test
    void metadataWithoutVersionIsAWarning() throws IOException {
        FileResult r = python.analyze(MemoryFileEntry.of(SITE + "x.dist-info/METADATA", "Metadata-Version: 2.1\nName: x\n\nVersion: 1\n"));
        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).containsExactly("no Version in the Python package metadata");
    }

    @Test
    void pep503Names() {
        assertThat(PythonNames.normalize("Jinja2")).isEqualTo("jinja2");
        assertThat(PythonNames.normalize("PyYAML")).isEqualTo("pyyaml");
        assertThat(PythonNames.normalize("zope.interface")).isEqualTo("zope-interface");
        assertThat(PythonNames.normalize("Foo__Bar-._baz")).isEqualTo("foo-bar-baz");
        assertThat(PythonNames.normalize("ruamel.yaml.clib")).isEqualTo("ruamel-yaml-clib");
    }
}
