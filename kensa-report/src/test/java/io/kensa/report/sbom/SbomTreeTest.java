package io.kensa.report.sbom;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.kensa.report.sbom.SbomFixtures.BSDUTILS;
import static io.kensa.report.sbom.SbomFixtures.LODASH_APP;
import static io.kensa.report.sbom.SbomFixtures.LODASH_NPM;
import static io.kensa.report.sbom.SbomFixtures.MUSL;
import static io.kensa.report.sbom.SbomFixtures.OPENSSL_LIBS;
import static org.assertj.core.api.Assertions.assertThat;

class SbomTreeTest {

    @Test
    void osPackagesGoUnderTheOsInReportOrder() {
        SbomTree tree = SbomTree.of(SbomFixtures.debianImage(List.of(MUSL, LODASH_APP, BSDUTILS, LODASH_NPM, OPENSSL_LIBS)));

        assertThat(tree.hasOs()).isTrue();
        assertThat(tree.os().family()).isEqualTo("debian");
        assertThat(tree.osPackages()).containsExactly(MUSL, BSDUTILS, OPENSSL_LIBS);
        assertThat(tree.otherPackages()).containsExactly(LODASH_APP, LODASH_NPM);
    }

    @Test
    void withoutAnOsEveryPackageHangsFromTheArtifact() {
        SbomTree tree = SbomTree.of(SbomFixtures.rootfs(List.of(BSDUTILS, LODASH_APP)));

        assertThat(tree.hasOs()).isFalse();
        assertThat(tree.osPackages()).isEmpty();
        assertThat(tree.otherPackages()).containsExactly(BSDUTILS, LODASH_APP);
    }

    @Test
    void applicationPackagesInsideArchivesNestUnderTheirArchivesPackage() {
        SbomTree tree = SbomTree.of(SbomFixtures.applicationImage());

        assertThat(tree.osPackages()).hasSize(2);
        assertThat(tree.otherPackages()).containsExactlyElementsOf(SbomFixtures.APP_PACKAGES);
        assertThat(tree.nesting().roots()).hasSize(8).doesNotContain(SbomFixtures.FILEUPLOAD, SbomFixtures.GSON);
        assertThat(tree.nesting().childrenOf(SbomFixtures.LEGACY_WEBAPP)).contains(SbomFixtures.FILEUPLOAD);
    }
}
