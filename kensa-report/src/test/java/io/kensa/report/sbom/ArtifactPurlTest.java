package io.kensa.report.sbom;

import io.kensa.core.Artifact;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArtifactPurlTest {

    @Test
    void anImageWithARepoDigestHasAnOciPurl() {
        Artifact a = new Artifact("ghcr.io/Acme/Tools/app:1.2", "image", SbomFixtures.IMAGE_ID,
                List.of("ghcr.io/acme/tools/app@sha256:" + "ab".repeat(32)), null, "arm64");

        assertThat(ArtifactPurl.of(a)).contains("pkg:oci/app@sha256%3A" + "ab".repeat(32)
                + "?arch=arm64&repository_url=ghcr.io%2Facme%2Ftools%2Fapp");
    }

    @Test
    void onlyTheFirstRepoDigestCountsAndArchIsOptional() {
        Artifact a = new Artifact("debian:12", "image", null,
                List.of("debian@sha256:" + "01".repeat(32), "mirror.example/debian@sha256:" + "02".repeat(32)), null, null);

        assertThat(ArtifactPurl.of(a)).contains("pkg:oci/debian@sha256%3A" + "01".repeat(32) + "?repository_url=debian");
    }

    @Test
    void localImagesAndRootFilesystemsHaveNone() {
        assertThat(ArtifactPurl.of(new Artifact("local:dev", "image", SbomFixtures.IMAGE_ID, List.of(), null, "amd64")))
                .isEmpty();
        assertThat(ArtifactPurl.of(new Artifact("local:dev", "image", SbomFixtures.IMAGE_ID, null, null, "amd64")))
                .isEmpty();
        assertThat(ArtifactPurl.of(new Artifact("/srv/root", "rootfs", null, List.of("x@sha256:1"), null, null)))
                .isEmpty();
        assertThat(ArtifactPurl.of(new Artifact("odd", "image", null, List.of("no-digest-here"), null, null))).isEmpty();
    }
}
