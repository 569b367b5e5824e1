package io.kensa.image.source;

import io.kensa.core.Digest;
import io.kensa.core.KensaException;
import io.kensa.image.layer.LayerLimits;
import io.kensa.image.layer.LayerStream;
import io.kensa.image.oci.Platform;
import io.kensa.image.tar.TarReader;
import io.kensa.image.testing.Corpus;
import io.kensa.image.testing.CorpusLayouts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The three local forms of the real debian-bookworm image, and the multi-platform OCI layout of the corpus. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LocalImagesCorpusTest {
    @TempDir
    static Path work;
    static Path layout;
    static Path ociArchive;

    @BeforeAll
    static void makeOciForms() {
        layout = CorpusLayouts.debianOciLayout(work);
        ociArchive = CorpusLayouts.debianOciArchive(work);
    }

    static String expectedConfigDigest(String expectedDir) throws IOException {
        String json = Files.readString(Corpus.image(expectedDir + "/image.json"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\"config_digest\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static List<String> column(String tsv, String name) {
        Path file = Corpus.image(tsv);
        int col = Corpus.column(file, name);
        return Corpus.tsvBody(file).stream().map(r -> r[col]).toList();
    }

    /** Reads every layer through a LayerStream: its blob digest and diffID are verified by finish(). */
    static void verifyAllLayers(ImageSource source) throws IOException {
        for (LayerRef ref : source.layers()) {
            try (InputStream blob = source.openBlob(ref);
                 LayerStream s = LayerStream.open(blob, ref, LayerLimits.DEFAULT)) {
                TarReader tar = new TarReader(s, 1 << 20);
                int entries = 0;
                while (tar.next() != null) {
                    entries++;
                }
                s.finish();
                assertThat(entries).isPositive();
                if (ref.digest() != null) {
                    assertThat(s.blobDigest()).isEqualTo(ref.digest());
                }
                if (ref.size() >= 0) {
                    assertThat(s.blobSize()).isEqualTo(ref.size());
                }
            }
        }
    }

    @Test
    void debianBookwormDockerArchive() throws IOException {
        try (ImageSource src = LocalImages.open(Corpus.image("debian-bookworm.docker.tar").toString(), null,
                LayerLimits.DEFAULT)) {
            assertThat(src).isInstanceOf(DockerArchiveSource.class);
            assertThat(src.config().digest().toString()).isEqualTo(expectedConfigDigest("debian-bookworm.expected"));
            assertThat(src.config().diffIds()).map(Digest::toString)
                    .isEqualTo(column("debian-bookworm.expected/layers.tsv", "diff_id"));
            assertThat(src.layers()).map(l -> l.digest().toString())
                    .isEqualTo(column("debian-bookworm.expected/layers.tsv", "digest_gzip"));
            assertThat(src.layers()).map(l -> String.valueOf(l.size()))
                    .isEqualTo(column("debian-bookworm.expected/layers.tsv", "size_gzip"));
            assertThat(src.layers()).map(l -> l.createdBy().strip())
                    .isEqualTo(column("debian-bookworm.expected/layers.tsv", "created_by").stream().map(String::strip).toList());
            assertThat(src.config().platform().toString()).isEqualTo("linux/amd64");
            assertThat(src.repoDigests()).isEmpty();
            assertThat(src.repoTags()).containsExactly("kensa-corpus/debian-bookworm:12");
            verifyAllLayers(src);
        }
    }

    @Test
    void debianBookwormOciLayout() throws IOException {
        for (String input : List.of(layout.toString(), layout + ":12")) {
            try (ImageSource src = LocalImages.open(input, null, LayerLimits.DEFAULT)) {
                assertThat(src).isInstanceOf(OciLayoutSource.class);
                assertOciForm(src);
            }
        }
    }

    @Test
    void debianBookwormOciArchive() throws IOException {
        for (String input : List.of(ociArchive.toString(), ociArchive + ":12")) {
            try (ImageSource src = LocalImages.open(input, null, LayerLimits.DEFAULT)) {
                assertThat(src).isInstanceOf(OciLayoutSource.class);
                assertOciForm(src);
            }
        }
    }

    private static void assertOciForm(ImageSource src) throws IOException {
        assertThat(src.config().digest().toString()).isEqualTo(expectedConfigDigest("debian-bookworm.expected"));
        List<String> diffIds = column("debian-bookworm.expected/layers.tsv", "diff_id");
        assertThat(src.config().diffIds()).map(Digest::toString).isEqualTo(diffIds);
        // skopeo stored the layers uncompressed: each blob digest is its diffID
        assertThat(src.layers()).map(l -> l.digest().toString()).isEqualTo(diffIds);
        assertThat(src.layers()).allSatisfy(l -> assertThat(l.mediaType()).isNotNull());
        verifyAllLayers(src);
    }

    @Test
    void unknownRefNameInALayoutIsOneLine() {
        assertThatThrownBy(() -> LocalImages.open(layout + ":13", null, LayerLimits.DEFAULT))
                .isInstanceOf(KensaException.class).hasMessage(layout + ":13: no image named '13' in the layout");
        assertThatThrownBy(() -> LocalImages.open(ociArchive + ":nope", null, LayerLimits.DEFAULT))
                .isInstanceOf(KensaException.class).hasMessageContaining("no image named 'nope'");
    }

    @Test
    void multiarchLayoutPicksEachPlatform() throws IOException {
        Path multi = Corpus.image("multiarch-distroless.oci");
        for (String arch : List.of("amd64", "arm64")) {
            for (String platform : List.of("linux/" + arch, arch.equals("arm64") ? "linux/arm64/v8" : "linux/amd64")) {
                try (ImageSource src = LocalImages.open(multi.toString(), Platform.parse(platform), LayerLimits.DEFAULT)) {
                    assertThat(src.config().architecture()).isEqualTo(arch);
                    String tsv = "multiarch-distroless.expected/layers-" + arch + ".tsv";
                    assertThat(src.config().diffIds()).map(Digest::toString).isEqualTo(column(tsv, "diff_id"));
                    assertThat(src.layers()).map(l -> l.digest().toString()).isEqualTo(column(tsv, "digest_gzip"));
                    verifyAllLayers(src);
                }
            }
        }
        try (ImageSource byName = LocalImages.open(multi + ":debian12", Platform.parse("linux/arm64"), LayerLimits.DEFAULT)) {
            assertThat(byName.config().architecture()).isEqualTo("arm64");
        }
        try (ImageSource host = LocalImages.open(multi.toString(), null, LayerLimits.DEFAULT)) {
            assertThat(host.config().architecture()).isEqualTo(Platform.host().architecture());
        }
    }

    @Test
    void multiarchRefusesAMissingPlatformWithOneLineListingThePresentOnes() {
        Path multi = Corpus.image("multiarch-distroless.oci");
        assertThatThrownBy(() -> LocalImages.open(multi.toString(), Platform.parse("linux/s390x"), LayerLimits.DEFAULT))
                .isInstanceOf(KensaException.class)
                .hasMessageContaining("has no image for platform linux/s390x (present: linux/amd64, linux/arm64/v8)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> LocalImages.open(multi.toString(), Platform.parse("linux/arm64/v7"), LayerLimits.DEFAULT))
                .isInstanceOf(KensaException.class).hasMessageContaining("linux/arm64/v7");
    }
}
