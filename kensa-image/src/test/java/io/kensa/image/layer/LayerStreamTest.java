package io.kensa.image.layer;

import io.kensa.core.Digest;
import io.kensa.core.KensaException;
import io.kensa.image.source.LayerRef;
import io.kensa.image.tar.TarEntry;
import io.kensa.image.tar.TarReader;
import io.kensa.image.testing.Bombs;
import io.kensa.image.testing.Bytes;
import io.kensa.image.testing.TarBuilder;
import io.kensa.image.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LayerStreamTest {
    private static final byte[] TAR = sampleTar();
    private static final Digest DIFF_ID = Bytes.sha256(TAR);

    private static byte[] sampleTar() {
        byte[] big = new byte[200_000];
        new Random(42).nextBytes(big);
        return TarBuilder.layer()
                .dir("etc")
                .file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n")
                .file("usr/lib/big.bin", big)
                .symlink("etc/alternatives/sh", "/bin/dash")
                .file("var/lib/dpkg/status", "Package: a\nStatus: install ok installed\nVersion: 1\n")
                .build();
    }

    private static LayerRef ref(byte[] blob) {
        return new LayerRef(Bytes.sha256(blob), DIFF_ID, blob.length, null, null);
    }

    /** Reads every entry (name → content) through a LayerStream and finishes it. */
    private static Map<String, byte[]> readLayer(byte[] blob, LayerRef ref, LayerLimits limits) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (LayerStream stream = LayerStream.open(new ByteArrayInputStream(blob), ref, limits)) {
            TarReader tar = new TarReader(stream, limits.maxHeaderBytes());
            TarEntry e;
            while ((e = tar.next()) != null) {
                out.put(e.name(), tar.content().readAllBytes());
            }
            stream.finish();
            assertThat(stream.blobDigest()).isEqualTo(Bytes.sha256(blob));
            assertThat(stream.blobSize()).isEqualTo(blob.length);
            assertThat(stream.uncompressedBytes()).isEqualTo(TAR.length);
        }
        return out;
    }

    private static Map<String, String> summary(Map<String, byte[]> entries) {
        Map<String, String> m = new LinkedHashMap<>();
        entries.forEach((k, v) -> m.put(k, Bytes.sha256(v).toString()));
        return m;
    }

    private static byte[] viaCli(Path dir, String tool, String... args) throws IOException {
        Path in = dir.resolve("layer.tar");
        Files.write(in, TAR);
        List<String> cmd = new ArrayList<>();
        cmd.add(tool);
        cmd.addAll(Arrays.asList(args));
        cmd.add(in.toString());
        Tools.run(dir, cmd);
        String ext = tool.equals("gzip") ? ".gz" : ".zst";
        return Files.readAllBytes(dir.resolve("layer.tar" + ext));
    }

    @Test
    void gzipZstdAndPlainGiveTheSameEntriesAndVerify(@TempDir Path dir) throws IOException {
        Map<String, String> plain = summary(readLayer(TAR, ref(TAR), LayerLimits.DEFAULT));
        assertThat(plain).containsKeys("etc/", "etc/os-release", "usr/lib/big.bin", "etc/alternatives/sh",
                "var/lib/dpkg/status");
        List<byte[]> blobs = List.of(
                Bytes.gzip(TAR),
                Bytes.zstd(TAR),
                viaCli(dir, "gzip", "-9", "-n", "-k", "-f"),
                viaCli(dir, "zstd", "-q", "-19", "-k", "-f"),
                viaCli(dir, "zstd", "-q", "--no-check", "-1", "-k", "-f"));
        for (byte[] blob : blobs) {
            assertThat(summary(readLayer(blob, ref(blob), LayerLimits.DEFAULT))).isEqualTo(plain);
        }
    }

    @Test
    void plainTarBlobDigestIsTheDiffId() throws IOException {
        LayerRef r = new LayerRef(DIFF_ID, DIFF_ID, TAR.length, null, null);
        readLayer(TAR, r, LayerLimits.DEFAULT);
    }

    @Test
    void unknownBlobDigestChecksOnlyTheDiffId() throws IOException {
        byte[] blob = Bytes.gzip(TAR);
        readLayer(blob, new LayerRef(null, DIFF_ID, -1, null, null), LayerLimits.DEFAULT);
        byte[] otherTar = TarBuilder.layer().file("x", "y").build();
        KensaException e = catchThrowableOfType(KensaException.class,
                () -> drain(blob, new LayerRef(null, Bytes.sha256(otherTar), -1, null, null), LayerLimits.DEFAULT));
        assertThat(e.getMessage()).startsWith("layer " + Bytes.sha256(otherTar) + ": diffID mismatch");
    }

    @Test
    void concatenatedGzipMembersAndZstdFramesAreOneLayer() throws IOException {
        byte[] half1 = Arrays.copyOfRange(TAR, 0, 10_000);
        byte[] half2 = Arrays.copyOfRange(TAR, 10_000, TAR.length);
        byte[] gz = concat(Bytes.gzip(half1), Bytes.gzip(half2));
        byte[] zs = concat(Bytes.zstd(half1), Bytes.zstd(half2));
        Map<String, String> plain = summary(readLayer(TAR, ref(TAR), LayerLimits.DEFAULT));
        assertThat(summary(readLayer(gz, ref(gz), LayerLimits.DEFAULT))).isEqualTo(plain);
        assertThat(summary(readLayer(zs, ref(zs), LayerLimits.DEFAULT))).isEqualTo(plain);
    }

    @Test
    void finishReadsWhatTheTarReaderLeft() throws IOException {
        byte[] blob = Bytes.gzip(TAR);
        try (LayerStream s = LayerStream.open(new ByteArrayInputStream(blob), ref(blob), LayerLimits.DEFAULT)) {
            TarReader tar = new TarReader(s, 1 << 20);
            tar.next(); // read only the first header; finish() must still hash every byte
            s.finish();
            assertThat(s.uncompressedBytes()).isEqualTo(TAR.length);
        }
    }

    @Test
    void skipAndSingleByteReadsAreCounted() throws IOException {
        byte[] blob = Bytes.zstd(TAR);
        try (LayerStream s = LayerStream.open(new ByteArrayInputStream(blob), ref(blob), LayerLimits.DEFAULT)) {
            assertThat(s.read()).isEqualTo(TAR[0] & 0xff);
            assertThat(s.skip(1000)).isEqualTo(1000);
            assertThat(s.read()).isEqualTo(TAR[1001] & 0xff);
            assertThat(s.skip(Long.MAX_VALUE)).isEqualTo(TAR.length - 1002);
            assertThat(s.read()).isEqualTo(-1);
            s.finish();
        }
    }

    @Test
    void wrongBlobDigestIsOneLineNamingTheBlob() {
        byte[] blob = Bytes.gzip(TAR);
        Digest claimed = Bytes.sha256(Bytes.utf8("something else"));
        KensaException e = catchThrowableOfType(KensaException.class,
                () -> drain(blob, new LayerRef(claimed, DIFF_ID, blob.length, null, null), LayerLimits.DEFAULT));
        assertThat(e.getMessage()).isEqualTo("blob " + claimed + ": digest mismatch (content is " + Bytes.sha256(blob) + ")");
        assertThat(e.getMessage()).doesNotContain("\n");
    }

    @Test
    void wrongDiffIdIsOneLineNamingTheBlob() {
        byte[] blob = Bytes.gzip(TAR);
        Digest wrong = Bytes.sha256(Bytes.utf8("not the tar"));
        KensaException e = catchThrowableOfType(KensaException.class,
                () -> drain(blob, new LayerRef(Bytes.sha256(blob), wrong, blob.length, null, null), LayerLimits.DEFAULT));
        assertThat(e.getMessage()).isEqualTo("layer " + Bytes.sha256(blob) + ": diffID mismatch (config says " + wrong
                + ", content is " + DIFF_ID + ")");
    }

    @Test
    void trailingBytesAfterTheCompressedStreamArePartOfTheBlobDigest() throws IOException {
        byte[] blob = concat(Bytes.gzip(TAR), new byte[100]);
        drain(blob, ref(blob), LayerLimits.DEFAULT);
        byte[] withoutTail = Bytes.gzip(TAR);
        assertThatThrownBy(() -> drain(blob, ref(withoutTail), LayerLimits.DEFAULT))
                .isInstanceOf(KensaException.class).hasMessageContaining("digest mismatch");
    }

    @Test
    void corruptGzipDataIsOneLine() {
        byte[] blob = Bytes.gzip(TAR);
        for (int index : new int[]{3, 20, blob.length / 2, blob.length - 6}) {
            byte[] bad = Bytes.flip(blob, index);
            Throwable t = catchThrowable(() -> drain(bad, ref(bad), LayerLimits.DEFAULT));
            assertThat(t).as("flipped byte %d", index).isInstanceOf(KensaException.class);
            assertThat(t.getMessage()).as("flipped byte %d", index).startsWith("layer " + Bytes.sha256(bad) + ": ")
                    .containsAnyOf("corrupt", "mismatch", "truncated").doesNotContain("\n");
        }
    }

    @Test
    void badGzipHeaderIsRefusedAtOpen() {
        byte[] blob = Bytes.gzip(TAR);
        blob[2] = 7; // compression method other than deflate
        assertThatThrownBy(() -> LayerStream.open(new ByteArrayInputStream(blob), ref(blob), LayerLimits.DEFAULT))
                .isInstanceOf(KensaException.class).hasMessageContaining("corrupt gzip data");
    }

    @Test
    void truncatedGzipIsOneLine() {
        byte[] blob = Bytes.gzip(TAR);
        for (int length : new int[]{2, 5, 11, blob.length / 2, blob.length - 4}) {
            byte[] cut = Bytes.cut(blob, length);
            Throwable t = catchThrowable(() -> drain(cut, ref(cut), LayerLimits.DEFAULT));
            assertThat(t).as("cut at %d", length).isInstanceOf(KensaException.class);
            assertThat(t.getMessage()).as("cut at %d", length).doesNotContain("\n");
        }
    }

    @Test
    void corruptZstdIsOneLine() {
        byte[] blob = Bytes.zstd(TAR);
        for (int index : new int[]{5, blob.length / 3, blob.length / 2, blob.length - 2}) {
            byte[] bad = Bytes.flip(blob, index);
            Throwable t = catchThrowable(() -> drain(bad, ref(bad), LayerLimits.DEFAULT));
            assertThat(t).as("flipped byte %d", index).isInstanceOf(KensaException.class);
            assertThat(t.getMessage()).as("flipped byte %d", index).startsWith("layer ").doesNotContain("\n");
        }
    }

    @Test
    void truncatedZstdIsOneLine() {
        byte[] blob = Bytes.zstd(TAR);
        for (int length : new int[]{4, 9, blob.length / 2, blob.length - 3}) {
            byte[] cut = Bytes.cut(blob, length);
            Throwable t = catchThrowable(() -> drain(cut, ref(cut), LayerLimits.DEFAULT));
            assertThat(t).as("cut at %d", length).isInstanceOf(KensaException.class);
            assertThat(t.getMessage()).as("cut at %d", length).startsWith("layer ").doesNotContain("\n");
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void gzipDecompressionBombIsStoppedAtTheLimit() throws IOException {
        byte[] bomb = Bombs.gzipZeros(1L << 30);
        assertThat(bomb.length).isLessThan(2 << 20); // 1 GiB of zeros in under 2 MB
        assertBombStopped(bomb);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void zstdDecompressionBombIsStoppedAtTheLimit() throws IOException {
        byte[] bomb = Bombs.zstdZeros(1L << 30);
        assertThat(bomb.length).isLessThan(2 << 20);
        assertBombStopped(bomb);
    }

    @Test
    void plainLayerIsBoundedToo() {
        LayerLimits limits = LayerLimits.DEFAULT.withMaxLayerBytes(TAR.length - 1);
        assertThatThrownBy(() -> drain(TAR, ref(TAR), limits)).isInstanceOf(KensaException.class)
                .hasMessageContaining("exceeds the limit of " + (TAR.length - 1) + " bytes");
        LayerLimits exact = LayerLimits.DEFAULT.withMaxLayerBytes(TAR.length);
        assertThat(catchThrowable(() -> drain(TAR, ref(TAR), exact))).isNull();
    }

    private static void assertBombStopped(byte[] bomb) throws IOException {
        long limit = 64L << 20;
        LayerRef r = new LayerRef(Bytes.sha256(bomb), DIFF_ID, bomb.length, null, null);
        long start = System.nanoTime();
        try (LayerStream s = LayerStream.open(new ByteArrayInputStream(bomb), r, LayerLimits.DEFAULT.withMaxLayerBytes(limit))) {
            TarReader tar = new TarReader(s, 1 << 20);
            Throwable t = catchThrowable(() -> {
                byte[] buf = new byte[1 << 16];
                while (s.read(buf, 0, buf.length) >= 0) {
                    // decompress until stopped
                }
            });
            assertThat(tar).isNotNull();
            assertThat(t).isInstanceOf(KensaException.class);
            assertThat(t.getMessage()).isEqualTo("layer " + Bytes.sha256(bomb) + ": uncompressed size exceeds the limit of "
                    + limit + " bytes (decompression bomb?); raise it with --max-layer-size");
            assertThat(s.uncompressedBytes()).isBetween(limit, limit + (1 << 16));
        }
        assertThat(System.nanoTime() - start).as("stopped quickly").isLessThan(TimeUnit.SECONDS.toNanos(10));
    }

    private static Throwable catchThrowable(org.assertj.core.api.ThrowableAssert.ThrowingCallable c) {
        return org.assertj.core.api.Assertions.catchThrowable(c);
    }

    private static void drain(byte[] blob, LayerRef ref, LayerLimits limits) throws IOException {
        try (InputStream in = new ByteArrayInputStream(blob); LayerStream s = LayerStream.open(in, ref, limits)) {
            TarReader tar = new TarReader(s, limits.maxHeaderBytes());
            while (tar.next() != null) {
                tar.content().readAllBytes();
            }
            s.finish();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
