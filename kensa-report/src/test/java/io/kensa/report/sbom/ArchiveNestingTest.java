package io.kensa.report.sbom;

import io.kensa.core.Package;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.kensa.report.sbom.SbomFixtures.BABEL_DEV;
import static io.kensa.report.sbom.SbomFixtures.BOOT_DEMO;
import static io.kensa.report.sbom.SbomFixtures.CODEC_IN_BUNDLE;
import static io.kensa.report.sbom.SbomFixtures.COMMONS_IO_IN_ZIP;
import static io.kensa.report.sbom.SbomFixtures.FILEUPLOAD;
import static io.kensa.report.sbom.SbomFixtures.GSON;
import static io.kensa.report.sbom.SbomFixtures.HTML_CLEANER;
import static io.kensa.report.sbom.SbomFixtures.JSOUP;
import static io.kensa.report.sbom.SbomFixtures.LAYERTOOLS;
import static io.kensa.report.sbom.SbomFixtures.LEGACY_WEBAPP;
import static io.kensa.report.sbom.SbomFixtures.LOG4J1;
import static io.kensa.report.sbom.SbomFixtures.PYYAML_OWNED;
import static io.kensa.report.sbom.SbomFixtures.SIX;
import static org.assertj.core.api.Assertions.assertThat;

class ArchiveNestingTest {

    @Test
    void jarsInsideAWarOrAFatJarAreChildrenOfItsPackage() {
        ArchiveNesting nesting = ArchiveNesting.of(SbomFixtures.APP_PACKAGES);

        assertThat(nesting.roots()).containsExactly(LEGACY_WEBAPP, BOOT_DEMO, HTML_CLEANER, CODEC_IN_BUNDLE, JSOUP,
                BABEL_DEV, PYYAML_OWNED, SIX);
        assertThat(nesting.childrenOf(LEGACY_WEBAPP)).containsExactly(FILEUPLOAD, COMMONS_IO_IN_ZIP, LOG4J1);
        assertThat(nesting.childrenOf(BOOT_DEMO)).containsExactly(GSON, LAYERTOOLS);
        assertThat(nesting.childrenOf(FILEUPLOAD)).isEmpty();
        assertThat(nesting.childrenOf(HTML_CLEANER)).as("same path is no nesting").isEmpty();
    }

    @Test
    void theNearestEnclosingArchiveWithAPackageIsTheParent() {
        Package ear = app("x:ear", "app/x.ear", "1111111111111111111111111111111111111111");
        Package war = app("x:war", "app/x.ear!/y.war", "2222222222222222222222222222222222222222");
        Package inWar = app("x:lib", "app/x.ear!/y.war!/WEB-INF/lib/z.jar", null);
        Package inUnknown = app("x:other", "app/x.ear!/unknown.zip!/z.jar", null);

        ArchiveNesting nesting = ArchiveNesting.of(List.of(inWar, inUnknown, war, ear));

        assertThat(nesting.roots()).containsExactly(ear);
        assertThat(nesting.childrenOf(ear)).containsExactly(inUnknown, war);
        assertThat(nesting.childrenOf(war)).containsExactly(inWar);
    }

    @Test
    void ofSeveralPackagesAtOneArchiveTheOneWithItsSha1HoldsTheNestedOnes() {
        Package bundled = app("org.jsoup:jsoup", "app/lib/shaded.jar", null);
        Package own = app("x:shaded", "app/lib/shaded.jar", "3333333333333333333333333333333333333333");
        Package inside = app("x:inner", "app/lib/shaded.jar!/lib/inner.jar", null);

        ArchiveNesting nesting = ArchiveNesting.of(List.of(bundled, own, inside));

        assertThat(nesting.roots()).containsExactly(bundled, own);
        assertThat(nesting.childrenOf(own)).containsExactly(inside);
        assertThat(nesting.childrenOf(bundled)).isEmpty();
    }

    @Test
    void aPathWithAnExclamationMarkButNoChainIsAPlainFile() {
        Package odd = app("x:odd", "app/lib/wow!.jar", null);
        Package wow = app("x:wow", "app/lib/wow", null);

        assertThat(ArchiveNesting.of(List.of(wow, odd)).roots()).containsExactly(wow, odd);
    }

    private static Package app(String name, String path, String sha1) {
        return Package.application("maven", name, "1", List.of(), path, "pom.properties").withSha1(sha1);
    }
}
