package io.kensa.analyze.lang.java;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.github.packageurl.PackageURL;
import io.kensa.analyze.FileResult;
import io.kensa.analyze.testing.MemoryFileEntry;
import io.kensa.core.Package;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real jars from Maven Central, the ones on this module's test classpath: their coordinates are known from where
 * Maven stored them ({@code repository/<group path>/<artifactId>/<version>/<artifactId>-<version>.jar}).
 */
class RealJarsTest {
    private static final List<Class<?>> CLASSES = List.of(ObjectMapper.class, JsonFactory.class, JsonProperty.class,
            YAMLFactory.class, org.yaml.snakeyaml.Yaml.class, org.apache.commons.compress.archivers.zip.ZipFile.class,
            org.apache.commons.codec.binary.Hex.class, org.apache.commons.io.IOUtils.class,
            org.apache.commons.lang3.StringUtils.class, org.sqlite.JDBC.class, PackageURL.class,
            com.github.luben.zstd.Zstd.class, org.assertj.core.api.Assertions.class, Test.class,
            org.junit.platform.commons.util.ReflectionUtils.class, org.opentest4j.AssertionFailedError.class,
            org.apiguardian.api.API.class, net.bytebuddy.ByteBuddy.class,
            org.junit.jupiter.params.ParameterizedTest.class);

    /** A jar and the coordinates Maven stored it under. */
    record Jar(Path file, String groupId, String artifactId, String version) {
        String gav() {
            return groupId + ":" + artifactId + ":" + version;
        }
    }

    private static final List<Jar> JARS = new ArrayList<>();
    private final JavaArchiveAnalyzer analyzer = new JavaArchiveAnalyzer();

    @BeforeAll
    static void locate() throws URISyntaxException {
        for (Class<?> c : CLASSES) {
            Path file = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
            String s = file.toString().replace('\\', '/');
            int repo = s.indexOf("/repository/");
            assertThat(repo).as("%s comes from a Maven repository", s).isPositive();
            String[] parts = s.substring(repo + "/repository/".length()).split("/");
            String version = parts[parts.length - 2];
            String artifactId = parts[parts.length - 3];
            String groupId = String.join(".", List.of(parts).subList(0, parts.length - 3));
            assertThat(file.getFileName().toString()).isEqualTo(artifactId + "-" + version + ".jar");
            JARS.add(new Jar(file, groupId, artifactId, version));
        }
        assertThat(JARS).hasSize(19);
    }

    private FileResult analyze(String path, byte[] data) throws IOException {
        return analyzer.analyze(new MemoryFileEntry(path, data));
    }

    @Test
    void everyRealJarIsNamedExactlyAndCarriesItsSha1() throws IOException {
        int byPomProperties = 0;
        for (Jar jar : JARS) {
            byte[] data = Files.readAllBytes(jar.file());
            FileResult r = analyze("app/lib/" + jar.file().getFileName(), data);
            assertThat(r.warnings()).as(jar.gav()).isEmpty();
            assertThat(r.packages()).as(jar.gav()).hasSize(1);
            Package p = r.packages().getFirst();
            assertThat(p.sha1()).as(jar.gav()).isEqualTo(ZipBuilder.sha1(data));
            assertThat(p.paths()).containsExactly("app/lib/" + jar.file().getFileName());
            if (p.foundBy().equals("pom.properties")) {
                byPomProperties++;
                assertThat(p.name() + ":" + p.version()).isEqualTo(jar.gav());
            } else {
                // Gradle-built jars (JUnit, zstd-jni …) carry no Maven metadata: manifest and file name
                assertThat(p.foundBy()).as(jar.gav()).isEqualTo("MANIFEST.MF");
                assertThat(p.name()).as(jar.gav()).endsWith(jar.artifactId());
                assertThat(p.version()).as(jar.gav()).isEqualTo(jar.version());
            }
        }
        assertThat(byPomProperties).isEqualTo(13);
    }

    /**
     * The manifest alone: each jar stripped of {@code META-INF/maven} and renamed {@code lib.jar}. The guess is
     * right when artifact id and version equal the real ones; the group id is often missing or off (the Java index
     * corrects it by artifact id and version), and counted apart.
     */
    @Test
    void theManifestAloneNamesMostJars() throws IOException {
        int artifactAndVersion = 0;
        int gav = 0;
        List<String> report = new ArrayList<>();
        for (Jar jar : JARS) {
            FileResult r = analyze("app/lib/lib.jar", withoutMavenMetadata(jar.file()));
            assertThat(r.packages()).as(jar.gav()).hasSize(1);
            Package p = r.packages().getFirst();
            String artifactId = p.name().substring(p.name().indexOf(':') + 1);
            boolean right = artifactId.equals(jar.artifactId()) && p.version().equals(jar.version());
            artifactAndVersion += right ? 1 : 0;
            gav += (p.name() + ":" + p.version()).equals(jar.gav()) ? 1 : 0;
            report.add(jar.gav() + " <- " + p.name() + ":" + p.version() + " (" + p.foundBy() + ")");
        }
        System.out.println("manifest alone: artifactId+version " + artifactAndVersion + "/" + JARS.size()
                + ", full GAV " + gav + "/" + JARS.size() + "\n  " + String.join("\n  ", report));
        assertThat(artifactAndVersion).as(String.join("\n", report)).isGreaterThanOrEqualTo(16);
        assertThat(gav).as(String.join("\n", report)).isGreaterThanOrEqualTo(9);
    }

    /** The jar rewritten without its {@code META-INF/maven/} entries (as the corpus' beanutils.jar was). */
    static byte[] withoutMavenMetadata(Path jar) throws IOException {
        ZipBuilder out = new ZipBuilder();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory() || e.getName().startsWith("META-INF/maven/")) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    out.add(e.getName(), in.readAllBytes());
                }
            }
        }
        return out.build();
    }
}
