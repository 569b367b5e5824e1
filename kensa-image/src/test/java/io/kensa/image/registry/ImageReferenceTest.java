package io.kensa.image.registry;

import io.kensa.core.Digest;
import io.kensa.core.KensaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageReferenceTest {
    private static final String HEX = "9f428b2ec8a9b34000042ed7904ba9c0cc3c877b639a784f32beb4a35859275a";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            debian                                  | docker.io            | library/debian  | latest      | -   | registry-1.docker.io
            debian:12                               | docker.io            | library/debian  | 12          | -   | registry-1.docker.io
            library/debian:12-slim                  | docker.io            | library/debian  | 12-slim     | -   | registry-1.docker.io
            bitnami/redis                           | docker.io            | bitnami/redis   | latest      | -   | registry-1.docker.io
            docker.io/debian                        | docker.io            | library/debian  | latest      | -   | registry-1.docker.io
            index.docker.io/library/debian:12       | docker.io            | library/debian  | 12          | -   | registry-1.docker.io
            docker.io/bitnami/redis:7.2             | docker.io            | bitnami/redis   | 7.2         | -   | registry-1.docker.io
            127.0.0.1:5000/repo:tag                 | 127.0.0.1:5000       | repo            | tag         | -   | 127.0.0.1:5000
            127.0.0.1:5000/repo                     | 127.0.0.1:5000       | repo            | latest      | -   | 127.0.0.1:5000
            localhost/repo                          | localhost            | repo            | latest      | -   | localhost
            localhost:5000/a/b/c:v1.2               | localhost:5000       | a/b/c           | v1.2        | -   | localhost:5000
            ghcr.io/owner/img:v_1.0-rc.2            | ghcr.io              | owner/img       | v_1.0-rc.2  | -   | ghcr.io
            Registry.Example.com/team/app           | Registry.Example.com | team/app        | latest      | -   | Registry.Example.com
            my-registry:5000/x                      | my-registry:5000     | x               | latest      | -   | my-registry:5000
            [::1]:5000/repo:tag                     | [::1]:5000           | repo            | tag         | -   | [::1]:5000
            a__b/c.d-e                              | docker.io            | a__b/c.d-e      | latest      | -   | registry-1.docker.io
            localhost:5000                          | docker.io            | library/localhost | 5000      | -   | registry-1.docker.io
            ghcr.io/owner/img@sha256:HEX            | ghcr.io              | owner/img       | -           | HEX | ghcr.io
            ghcr.io/owner/img:1.0@sha256:HEX        | ghcr.io              | owner/img       | 1.0         | HEX | ghcr.io
            debian@sha256:HEX                       | docker.io            | library/debian  | -           | HEX | registry-1.docker.io
            """)
    void parsesLikeDocker(String text, String registry, String repository, String tag, String digest, String apiHost) {
        ImageReference ref = ImageReference.parse(text.replace("HEX", HEX));
        assertThat(ref.registry()).isEqualTo(registry);
        assertThat(ref.repository()).isEqualTo(repository);
        assertThat(ref.tag()).isEqualTo(tag);
        assertThat(ref.digest()).isEqualTo(digest == null ? null : new Digest("sha256", HEX));
        assertThat(ref.apiHost()).isEqualTo(apiHost);
        assertThat(ref.manifestReference()).isEqualTo(digest != null ? "sha256:" + HEX : tag);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            ''                          | empty image reference
            https://ghcr.io/x/y         | must not include a scheme
            Debian                      | must be lowercase
            ghcr.io/Owner/img           | must be lowercase
            repo:                       | invalid tag ''
            'repo:bad tag'              | whitespace
            repo:-bad                   | invalid tag '-bad'
            repo@sha256:abc             | malformed sha256 digest
            repo@md5:d41d8cd98f00b204e9800998ecf8427e | unsupported digest algorithm
            -repo                       | invalid repository name component '-repo'
            host:5000/                  | repository name is empty
            a//b                        | invalid repository name component ''
            repo/                       | invalid repository name component ''
            bad_host.com:x/repo         | invalid registry
            HEX                         | image ID
            """)
    void rejectsMalformedReferencesWithOneLine(String text, String expected) {
        String input = text.replace("HEX", HEX);
        assertThatThrownBy(() -> ImageReference.parse(input))
                .isInstanceOf(KensaException.class)
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void rejectsOverlongTagAndName() {
        assertThatThrownBy(() -> ImageReference.parse("repo:" + "t".repeat(129))).isInstanceOf(KensaException.class)
                .hasMessageContaining("invalid tag");
        assertThatThrownBy(() -> ImageReference.parse("ghcr.io/" + "a".repeat(250))).isInstanceOf(KensaException.class)
                .hasMessageContaining("longer than 255");
    }

    @Test
    void showsNamesAndRepoDigestsLikeDocker() {
        Digest d = new Digest("sha256", HEX);
        ImageReference hub = ImageReference.parse("debian");
        assertThat(hub.toString()).isEqualTo("docker.io/library/debian:latest");
        assertThat(hub.familiarRepository()).isEqualTo("debian");
        assertThat(hub.repoDigest(d)).isEqualTo("debian@sha256:" + HEX);
        assertThat(ImageReference.parse("bitnami/redis").repoDigest(d)).isEqualTo("bitnami/redis@sha256:" + HEX);
        ImageReference local = ImageReference.parse("127.0.0.1:5000/kensa/app:1@sha256:" + HEX);
        assertThat(local.toString()).isEqualTo("127.0.0.1:5000/kensa/app:1@sha256:" + HEX);
        assertThat(local.repoDigest(d)).isEqualTo("127.0.0.1:5000/kensa/app@sha256:" + HEX);
    }
}
