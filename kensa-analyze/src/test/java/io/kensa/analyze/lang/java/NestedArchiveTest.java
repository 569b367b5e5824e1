package io.kensa.analyze.lang.java;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.testing.MemoryFileEntry;
import io.kensa.core.Package;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static io.kensa.analyze.lang.java.ZipBuilder.manifest;
import static io.kensa.analyze.lang.java.ZipBuilder.mavenJar;
import static io.kensa.analyze.lang.java.ZipBuilder.pomProperties;
import static io.kensa.analyze.lang.java.ZipBuilder.pomPropertiesName;
import static io.kensa.analyze.lang.java.ZipBuilder.sha1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Archives nested in archives, built here with the JDK's zip writer, read through every level. */
class NestedArchiveTest {
    private final JavaArchiveAnalyzer analyzer = new JavaArchiveAnalyzer();

    private FileResult analyze(String path, byte[] data) throws IOException {
        return analyzer.analyze(new MemoryFileEntry(path, data));
    }

    @Test
    void jarInJarInWarIsNamedWithItsWholeChainAndEveryArchiveKeepsItsOwnSha1() throws IOException {
        byte[] deep = mavenJar("org.example", "deep", "3.0");
        byte[] inner = new ZipBuilder().add(pomPropertiesName("org.example", "inner"),
                        pomProperties("org.example", "inner", "1.0"))
                .store("lib/deep-3.0.jar", deep).build();
        byte[] noMetadata = new ZipBuilder().add("META-INF/MANIFEST.MF", manifest("Implementation-Title: nometa",
                "Implementation-Version: 4.1", "Bundle-SymbolicName: org.example.nometa")).build();
        byte[] nothing = new ZipBuilder().add("org/example/Empty.class", new byte[]{(byte) 0xca, (byte) 0xfe}).build();
        byte[] war = new ZipBuilder().add(pomPropertiesName("com.shop", "shop"), pomProperties("com.shop", "shop", "2.0"))
                .add("WEB-INF/lib/inner-1.0.jar", inner)
                .add("WEB-INF/lib/nometa-4.1.jar", noMetadata)
                .add("WEB-INF/lib/empty.jar", nothing)
                .build();

        FileResult r = analyze("srv/webapps/shop-2.0.war", war);

        assertThat(r.warnings()).isEmpty();
        assertThat(r.packages()).extracting(Package::name, Package::version, p -> p.paths().getFirst(), Package::sha1,
                Package::foundBy).containsExactly(
                tuple("com.shop:shop", "2.0", "srv/webapps/shop-2.0.war", sha1(war), "pom.properties"),
                tuple("org.example:inner", "1.0", "srv/webapps/shop-2.0.war!/WEB-INF/lib/inner-1.0.jar", sha1(inner),
                        "pom.properties"),
                tuple("org.example:deep", "3.0",
                        "srv/webapps/shop-2.0.war!/WEB-INF/lib/inner-1.0.jar!/lib/deep-3.0.jar", sha1(deep),
                        "pom.properties"),
                tuple("org.example:nometa", "4.1", "srv/webapps/shop-2.0.war!/WEB-INF/lib/nometa-4.1.jar",
                        sha1(noMetadata), "MANIFEST.MF"),
                tuple("empty", "", "srv/webapps/shop-2.0.war!/WEB-INF/lib/empty.jar", sha1(nothing),
                        JavaIndexResolver.FOUND_BY_UNIDENTIFIED));
        assertThat(r.packages()).allSatisfy(p -> assertThat(p.type()).isEqualTo("maven"));
    }

    @Test
    void earWithLibrariesAndAWarHoldingItsOwn() throws IOException {
        byte[] war = new ZipBuilder().add("WEB-INF/lib/y-2.0.jar", mavenJar("org.y", "y", "2.0")).build();
        byte[] ear = new ZipBuilder().add("lib/x-1.5.jar", mavenJar("org.x", "x", "1.5")).add("web.war", war)
                .add("META-INF/application.xml", "<application/>").build();
        FileResult r = analyze("opt/app.EAR", ear);
        assertThat(r.packages()).extracting(Package::name, p -> p.paths().getFirst()).containsExactly(
                tuple("app", "opt/app.EAR"),
                tuple("org.x:x", "opt/app.EAR!/lib/x-1.5.jar"),
                tuple("web", "opt/app.EAR!/web.war"),
                tuple("org.y:y", "opt/app.EAR!/web.war!/WEB-INF/lib/y-2.0.jar"));
        // the EAR and the WAR say nothing of themselves: only the Java index could name them
        assertThat(r.packages().get(0).foundBy()).isEqualTo(JavaIndexResolver.FOUND_BY_UNIDENTIFIED);
        assertThat(r.packages().get(2).foundBy()).isEqualTo(JavaIndexResolver.FOUND_BY_UNIDENTIFIED);
        assertThat(r.packages().get(0).sha1()).isEqualTo(sha1(ear));
    }

    @Test
    void shadedJarYieldsEveryBundledArtifactAndOnlyItsOwnCarriesTheSha1() throws IOException {
        byte[] shaded = new ZipBuilder()
                .add(pomPropertiesName("org.jsoup", "jsoup"), pomProperties("org.jsoup", "jsoup", "1.14.1"))
                .add(pomPropertiesName("com.example", "cleaner"), pomProperties("com.example", "cleaner", "0.9.0"))
                .add(pomPropertiesName("com.google.guava", "guava"), pomProperties("com.google.guava", "guava", "31.1-jre"))
                .build();
        FileResult r = analyze("app/cleaner-0.9.0.jar", shaded);
        assertThat(r.packages()).extracting(Package::name, Package::sha1).containsExactly(
                tuple("org.jsoup:jsoup", null),
                tuple("com.example:cleaner", sha1(shaded)),
                tuple("com.google.guava:guava", null));

        // renamed, with a manifest pointing to its own coordinates
        byte[] renamed = new ZipBuilder().add("META-INF/MANIFEST.MF", manifest("Implementation-Title: cleaner",
                        "Implementation-Version: 0.9.0"))
                .add(pomPropertiesName("org.jsoup", "jsoup"), pomProperties("org.jsoup", "jsoup", "1.14.1"))
                .add(pomPropertiesName("com.example", "cleaner"), pomProperties("com.example", "cleaner", "0.9.0"))
                .build();
        assertThat(analyze("app/app.jar", renamed).packages()).extracting(Package::name, Package::sha1)
                .containsExactly(tuple("org.jsoup:jsoup", null), tuple("com.example:cleaner", sha1(renamed)));

        // renamed, nothing saying which is its own: both as found, and the archive itself left to the index
        byte[] anonymous = new ZipBuilder()
                .add(pomPropertiesName("org.jsoup", "jsoup"), pomProperties("org.jsoup", "jsoup", "1.14.1"))
                .add(pomPropertiesName("com.example", "cleaner"), pomProperties("com.example", "cleaner", "0.9.0"))
                .build();
        assertThat(analyze("app/app.jar", anonymous).packages()).extracting(Package::name, Package::version,
                Package::sha1).containsExactly(tuple("org.jsoup:jsoup", "1.14.1", null),
                tuple("com.example:cleaner", "0.9.0", null), tuple("app", "", sha1(anonymous)));
    }

    @Test
    void aSpringBootJarRenamedIsNamedByItsOnlyPomProperties() throws IOException {
        byte[] boot = new ZipBuilder()
                .add("META-INF/MANIFEST.MF", manifest("Main-Class: org.springframework.boot.loader.JarLauncher",
                        "Spring-Boot-Version: 2.7.18"))
                .add(pomPropertiesName("com.example", "demo"), pomProperties("com.example", "demo", "0.0.1-SNAPSHOT"))
                .store("BOOT-INF/lib/gson-2.8.5.jar", mavenJar("com.google.code.gson", "gson", "2.8.5"))
                .build();
        FileResult r = analyze("app.jar", boot);
        assertThat(r.packages()).extracting(Package::name, Package::version, Package::sha1, p -> p.paths().getFirst())
                .containsExactly(tuple("com.example:demo", "0.0.1-SNAPSHOT", sha1(boot), "app.jar"),
                        tuple("com.google.code.gson:gson", "2.8.5",
                                sha1(mavenJar("com.google.code.gson", "gson", "2.8.5")),
                                "app.jar!/BOOT-INF/lib/gson-2.8.5.jar"));
    }

    @Test
    void pomXmlAloneGivesTheCoordinatesWithTheParentsGroupAndVersion() throws IOException {
        String pom = """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent><groupId>org.acme</groupId><artifactId>acme-parent</artifactId><version>7.1</version></parent>
                  <artifactId>acme-core</artifactId>
                  <name>${project.artifactId}</name>
                  <licenses><license><name>Apache-2.0</name></license><license><name>MIT</name></license></licenses>
                  <dependencies><dependency><groupId>x</groupId><artifactId>y</artifactId><version>9</version></dependency></dependencies>
                </project>
                """;
        byte[] jar = new ZipBuilder().add("META-INF/maven/org.acme/acme-core/pom.xml", pom).build();
        assertThat(analyze("lib/acme.jar", jar).packages()).extracting(Package::name, Package::version,
                Package::foundBy, Package::licenses, Package::sha1).containsExactly(
                tuple("org.acme:acme-core", "7.1", "pom.xml", List.of("Apache-2.0", "MIT"), sha1(jar)));
    }

    @Test
    void jenkinsPluginsAreNamedByTheirManifest() throws IOException {
        byte[] hpi = new ZipBuilder().add("META-INF/MANIFEST.MF", manifest("Group-Id: org.jenkins-ci.plugins",
                "Short-Name: git", "Plugin-Version: 4.11.0", "Long-Name: Jenkins Git plugin")).build();
        assertThat(analyze("var/jenkins_home/plugins/git.jpi", hpi).packages()).extracting(Package::name,
                Package::version, Package::foundBy).containsExactly(tuple("org.jenkins-ci.plugins:git", "4.11.0",
                "MANIFEST.MF"));
    }

    @Test
    void archiveExtensionsAreRecognisedInAnyCase() {
        for (String name : List.of("a.jar", "b.WAR", "c.Ear", "d.jpi", "e.hpi", "f.par", "g.sar", "dir/x-1.0.JAR")) {
            assertThat(analyzer.wants(name)).as(name).isTrue();
        }
        for (String name : List.of("jar", ".jar", "dir/.jar", "a.jar.sha1", "a.zip", "a.jarx", "ajar", "a.tar")) {
            assertThat(analyzer.wants(name)).as(name).isFalse();
        }
    }
}
