package io.kensa.analyze.cache;

import io.kensa.analyze.AnalyzerRegistry;
import io.kensa.analyze.engine.LayerResult;
import io.kensa.analyze.scan.ImageScanner;
import io.kensa.analyze.scan.ScanProgress;
import io.kensa.core.Digest;
import io.kensa.core.LayerSummary;
import io.kensa.core.ScanReport;
import io.kensa.image.layer.LayerLimits;
import io.kensa.image.oci.ImageConfig;
import io.kensa.image.source.ImageSource;
import io.kensa.image.source.LayerRef;
import io.kensa.image.source.LocalImages;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DirectoryLayerCacheTest {
    private static final String KEY = AnalyzerRegistry.defaults().versionKey();

    @TempDir
    Path dir;

    private ScanReport scan(ImageSource source, LayerCache cache) throws IOException {
        return new ImageScanner(AnalyzerRegistry.defaults(), cache, dir.resolve("tmp"), LayerLimits.DEFAULT, 2,
                ScanProgress.NONE).scan(source);
    }

    private static ImageSource open(String file) {
        return LocalImages.open(Corpus.image(file).toString(), null, LayerLimits.DEFAULT);
    }

    private List<Path> cacheFiles() throws IOException {
        try (Stream<Path> s = Files.walk(dir.resolve("cache"))) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void secondScanIsCachedGivesTheSameInventoryAndNeverOpensABlob() throws IOException {
        DirectoryLayerCache cache = new DirectoryLayerCache(dir.resolve("cache"), KEY);
        ScanReport first;
        try (ImageSource src = open("debian-bookworm.docker.tar")) {
            first = scan(src, cache);
        }
        assertThat(first.layers()).extracting(LayerSummary::cached).containsExactly(false, false);
        assertThat(cacheFiles()).hasSize(2);
        ScanReport second;
        try (ImageSource src = new NoBlobs(open("debian-bookworm.docker.tar"))) {
            second = scan(src, cache);
        }
        assertThat(second.layers()).extracting(LayerSummary::cached).containsExactly(true, true);
        assertThat(second.packages()).isEqualTo(first.packages()).hasSize(53);
        assertThat(second.artifact()).isEqualTo(first.artifact());
        assertThat(second.warnings()).isEqualTo(first.warnings());
        assertThat(second.layers()).extracting(LayerSummary::digest)
                .isEqualTo(first.layers().stream().map(LayerSummary::digest).toList());
        // java-app shares L0 with debian-bookworm: that layer is a hit, the other is read
        try (ImageSource src = open("java-app.docker.tar")) {
            assertThat(scan(src, cache).layers()).extracting(LayerSummary::cached).containsExactly(true, false);
        }
    }

    @Test
    void roundTripKeepsEveryField() {
        DirectoryLayerCache cache = new DirectoryLayerCache(dir.resolve("cache"), KEY);
        LayerResult r = CacheSamples.result();
        cache.put(r);
        assertThat(cache.get(Digest.parse(CacheSamples.DIFF_ID))).contains(r);
        assertThat(new DirectoryLayerCache(dir.resolve("cache"), KEY + ",other@1").get(Digest.parse(CacheSamples.DIFF_ID)))
                .as("another analyzer set has its own entries").isEmpty();
    }

    @Test
    void corruptOrForeignCacheFilesAreMissesAndGetRewritten() throws IOException {
        DirectoryLayerCache cache = new DirectoryLayerCache(dir.resolve("cache"), KEY);
        try (ImageSource src = open("debian-distroless.docker.tar")) {
            scan(src, cache);
        }
        List<Path> files = cacheFiles();
        assertThat(files).hasSize(2);
        Path l0 = files.stream().filter(f -> f.getFileName().toString().contains("34837ad7")).findFirst().orElseThrow();
        Path l1 = files.stream().filter(f -> !f.equals(l0)).findFirst().orElseThrow();
        byte[] goodL0 = Files.readAllBytes(l0);
        for (byte[] corrupt : List.of(new byte[0], "{\"diffId\":".getBytes(), "\u0000\u0001garbage".getBytes(),
                java.util.Arrays.copyOf(goodL0, goodL0.length / 2), Files.readAllBytes(l1), "[]".getBytes(),
                "{\"diffId\":\"sha256:34837ad7d7a56f2a4c98e4281f63fc5d54795fe06e5f5801fa7bbd2d66ee3286\",\"files\":7}".getBytes())) {
            Files.write(l0, corrupt);
            ScanReport again;
            try (ImageSource src = open("debian-distroless.docker.tar")) {
                again = scan(src, cache);
            }
            assertThat(again.layers()).extracting(LayerSummary::cached).containsExactly(false, true);
            assertThat(again.packages()).hasSize(8);
            assertThat(Files.readAllBytes(l0)).as("rewritten").isEqualTo(goodL0);
        }
        Files.delete(l0);
        Files.createDirectory(l0); // not even a file
        try (ImageSource src = open("debian-distroless.docker.tar")) {
            assertThat(cache.get(src.layers().getFirst().diffId())).isEmpty();
        }
    }

    @Test
    void concurrentThreadsWritingTheSameLayerLeaveAValidFile() throws Exception {
        DirectoryLayerCache cache = new DirectoryLayerCache(dir.resolve("cache"), KEY);
        LayerResult expected = CacheSamples.result();
        Digest id = Digest.parse(CacheSamples.DIFF_ID);
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean done = new AtomicBoolean();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 40; i++) {
                        cache.put(CacheSamples.result());
                    }
                    return null;
                }));
            }
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    start.await();
                    int hits = 0;
                    while (!done.get()) {
                        Optional<LayerResult> got = cache.get(id);
                        if (got.isPresent()) {
                            assertThat(got.get()).isEqualTo(expected);
                            hits++;
                        }
                    }
                    return hits;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            done.set(true);
            for (Future<Integer> r : readers) {
                assertThat(r.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(0);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cache.get(id)).contains(expected);
        assertThat(cacheFiles()).as("no temporary files left behind").hasSize(1);
    }

    @Test
    void concurrentProcessesWritingTheSameLayerLeaveAValidFile() throws Exception {
        Path cacheDir = dir.resolve("cache");
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    CacheWriterProcess.class.getName(), cacheDir.toString(), KEY, "60")
                    .redirectErrorStream(true).start());
        }
        DirectoryLayerCache cache = new DirectoryLayerCache(cacheDir, KEY);
        Digest id = Digest.parse(CacheSamples.DIFF_ID);
        LayerResult expected = CacheSamples.result();
        int hits = 0;
        while (processes.stream().anyMatch(Process::isAlive)) {
            Optional<LayerResult> got = cache.get(id);
            if (got.isPresent()) {
                assertThat(got.get()).isEqualTo(expected);
                hits++;
            }
        }
        for (Process p : processes) {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.exitValue()).as("writer process output: %s", out).isZero();
        }
        assertThat(hits).isGreaterThanOrEqualTo(0);
        assertThat(cache.get(id)).contains(expected);
        assertThat(cacheFiles()).as("no temporary files left behind").hasSize(1);
    }

    /** A source whose layer blobs cannot be opened: proves that a cached scan never reads them. */
    private record NoBlobs(ImageSource delegate) implements ImageSource {
        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public ImageConfig config() {
            return delegate.config();
        }

        @Override
        public List<String> repoDigests() {
            return delegate.repoDigests();
        }

        @Override
        public List<LayerRef> layers() {
            return delegate.layers();
        }

        @Override
        public InputStream openBlob(LayerRef layer) {
            throw new AssertionError("blob of a cached layer opened: " + layer.digest());
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
