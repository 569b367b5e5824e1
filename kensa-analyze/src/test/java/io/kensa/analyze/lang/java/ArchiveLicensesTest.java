package io.kensa.analyze.lang.java;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.testing.MemoryFileEntry;
import io.kensa.core.Package;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.kensa.analyze.lang.java.ZipBuilder.pomProperties;
import static io.kensa.analyze.lang.java.ZipBuilder.pomPropertiesName;
import static io.kensa.analyze.lang.java.ZipBuilder.manifest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Where a Java archive's declared licenses come from: pom.xml, else the manifest, else META-INF/LICENSE. */
class ArchiveLicensesTest {
    private final JavaArchiveAnalyzer analyzer = new JavaArchiveAnalyzer();

    private List<Package> analyze(String path, byte[] jar) throws IOException {
        FileResult r = analyzer.analyze(new MemoryFileEntry(path, jar));
        return r.packages();
    }

    private static String text(String name) throws IOException {
        try (InputStream in = ArchiveLicensesTest.class.getResourceAsStream("/license/texts/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String pom(String groupId, String artifactId, String version, String licenses) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version>
                  %s
                </project>
                """.formatted(groupId, artifactId, version, licenses);
    }

    @Test
    void eachPomLicenseGivesItsNameElseItsUrl() throws IOException {
        // the <licenses> of jakarta.annotation-api 1.3.5's pom: a name and a URL each; then one with a URL only
        String licenses = """
                <licenses>
                  <license><name>EPL 2.0</name><url>http://www.eclipse.org/legal/epl-2.0</url></license>
                  <license><name>GPL2 w/ CPE</name><url>https://www.gnu.org/software/classpath/license.html</url></license>
                  <license><url>https://www.apache.org/licenses/LICENSE-2.0.txt</url><distribution>repo</distribution></license>
                </licenses>""";
        byte[] jar = new ZipBuilder().add("META-INF/maven/org.acme/acme/pom.xml", pom("org.acme", "acme", "1.0",
                licenses)).build();
        assertThat(analyze("lib/acme-1.0.jar", jar)).singleElement().extracting(Package::licenses)
                .isEqualTo(List.of("EPL 2.0", "GPL2 w/ CPE", "https://www.apache.org/licenses/LICENSE-2.0.txt"));
    }

    @Test
    void aPomWithoutLicensesLeavesThemToTheManifestOfItsOwnArchiveOnly() throws IOException {
        // log4j-core 2.14.1: the pom inherits <licenses> from its parent; the manifest has Bundle-License.
        // A shaded artifact in the same jar is not the archive: the manifest does not speak for it.
        byte[] jar = new ZipBuilder()
                .add("META-INF/MANIFEST.MF", manifest("Bundle-License: https://www.apache.org/licenses/LICENSE-2.0.txt",
                        "Bundle-SymbolicName: org.apache.logging.log4j.core", "Bundle-Version: 2.14.1"))
                .add("META-INF/maven/org.apache.logging.log4j/log4j-core/pom.xml",
                        pom("org.apache.logging.log4j", "log4j-core", "2.14.1", ""))
                .add(pomPropertiesName("org.apache.logging.log4j", "log4j-core"),
                        pomProperties("org.apache.logging.log4j", "log4j-core", "2.14.1"))
                .add(pomPropertiesName("org.shaded", "inner"), pomProperties("org.shaded", "inner", "0.1"))
                .build();
        assertThat(analyze("app/lib/log4j-core-2.14.1.jar", jar)).extracting(Package::name, Package::licenses)
                .containsExactly(tuple("org.apache.logging.log4j:log4j-core",
                                List.of("https://www.apache.org/licenses/LICENSE-2.0.txt")),
                        tuple("org.shaded:inner", List.of()));
    }

    @Test
    void bundleLicenseEntriesLoseTheirAttributesAndNamesWithCommasStayWhole() throws IOException {
        byte[] osgi = new ZipBuilder().add("META-INF/MANIFEST.MF", manifest("Bundle-SymbolicName: org.acme.x",
                "Bundle-Version: 1.2.0", "Bundle-License: \"Apache-2.0\";link=\"https://www.apache.org/licenses/LICE",
                " NSE-2.0\", MIT;description=\"the MIT license\"")).build();
        assertThat(analyze("lib/org.acme.x-1.2.0.jar", osgi)).singleElement().extracting(Package::licenses)
                .isEqualTo(List.of("Apache-2.0", "MIT"));
        byte[] named = new ZipBuilder().add("META-INF/MANIFEST.MF", manifest("Bundle-SymbolicName: org.acme.y",
                "Bundle-Version: 1.0.0", "Bundle-License: Apache License, Version 2.0")).build();
        assertThat(analyze("lib/org.acme.y-1.0.0.jar", named)).singleElement().extracting(Package::licenses)
                .isEqualTo(List.of("Apache License, Version 2.0"));
    }

    @Test
    void withNoDeclarationTheArchivesLicenseFileIsClassified() throws IOException {
        byte[] apache = new ZipBuilder().add(pomPropertiesName("org.acme", "a"), pomProperties("org.acme", "a", "1.0"))
                .add("META-INF/LICENSE", text("log4j-core-2.14.1.META-INF-LICENSE")).build();
        assertThat(analyze("lib/a-1.0.jar", apache)).singleElement().extracting(Package::licenses)
                .isEqualTo(List.of("Apache-2.0"));
        // spring-web 5.3.17 (no Maven metadata, no Bundle-License): Apache-2.0 and the BSD license of ASM, together
        byte[] spring = new ZipBuilder().add("META-INF/MANIFEST.MF", manifest("Implementation-Title: spring-web",
                        "Implementation-Version: 5.3.17", "Automatic-Module-Name: spring.web"))
                .add("META-INF/license.txt", text("spring-web-5.3.17.META-INF-license.txt")).build();
        assertThat(analyze("app/lib/spring-web-5.3.17.jar", spring)).singleElement().extracting(Package::licenses)
                .isEqualTo(List.of("(Apache-2.0) AND (BSD-3-Clause)"));
        // a declaration in the pom wins: the file is not read for it
        byte[] declared = new ZipBuilder().add("META-INF/maven/org.acme/b/pom.xml", pom("org.acme", "b", "2.0",
                "<licenses><license><name>MIT</name></license></licenses>"))
                .add("META-INF/LICENSE", text("log4j-core-2.14.1.META-INF-LICENSE")).build();
        assertThat(analyze("lib/b-2.0.jar", declared)).singleElement().extracting(Package::licenses)
                .isEqualTo(List.of("MIT"));
    }
}
