package io.kensa.analyze.scan;

import io.kensa.analyze.AnalyzerRegistry;
import io.kensa.analyze.cache.LayerCache;
import io.kensa.analyze.engine.FileDispatcher;
import io.kensa.analyze.engine.LayerResult;
import io.kensa.analyze.engine.LayerScan;
import io.kensa.analyze.engine.LayerScanner;
import io.kensa.analyze.engine.ScratchSpace;
import io.kensa.analyze.inventory.Inventory;
import io.kensa.analyze.inventory.InventoryBuilder;
import io.kensa.core.Artifact;
import io.kensa.core.JavaIndex;
import io.kensa.core.KensaException;
import io.kensa.core.LayerSummary;
import io.kensa.core.ScanReport;
import io.kensa.image.layer.LayerLimits;
import io.kensa.image.layer.LayerStream;
import io.kensa.image.source.ImageSource;
import io.kensa.image.source.LayerRef;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scans an image: each layer is taken from the cache or read once (in parallel, one layer per core), then the
 * layer results are stacked into the inventory. A cached layer's blob is never opened, so a registry image
 * whose layers are all cached costs only its manifest and config.
 */
public final class ImageScanner {
    private final AnalyzerRegistry registry;
    private final LayerCache cache;
    private final Path scratchParent;
    private final LayerLimits limits;
    private final int threads;
    private final ScanProgress progress;
    private final JavaIndex javaIndex;
    private final List<Detector> detectors;

    public ImageScanner(AnalyzerRegistry registry, LayerCache cache, Path scratchParent, LayerLimits limits,
                        int threads, ScanProgress progress) {
        this(registry, cache, scratchParent, limits, threads, progress, JavaIndex.NONE, List.of());
    }

    /** As above, naming Java archives through {@code javaIndex} when the inventory is built. */
    public ImageScanner(AnalyzerRegistry registry, LayerCache cache, Path scratchParent, LayerLimits limits,
                        int threads, ScanProgress progress, JavaIndex javaIndex) {
        this(registry, cache, scratchParent, limits, threads, progress, javaIndex, List.of());
    }

    /**
     * As above, naming Java archives through {@code javaIndex} when the inventory is built, and running
     * {@code detectors} on the inventory and the image config.
     */
    public ImageScanner(AnalyzerRegistry registry, LayerCache cache, Path scratchParent, LayerLimits limits,
                        int threads, ScanProgress progress, JavaIndex javaIndex, List<Detector> detectors) {
        this.registry = registry;
        this.cache = cache;
        this.scratchParent = scratchParent;
        this.limits = limits;
        this.threads = Math.max(1, threads);
        this.progress = progress;
        this.javaIndex = javaIndex;
        this.detectors = List.copyOf(detectors);
    }

    /** The layer result plus where it came from. */
    private record Layer(LayerResult result, boolean cached, String digest, long size) {
    }

    public ScanReport scan(ImageSource source) throws IOException {
        List<LayerRef> refs = source.layers();
        List<Layer> layers = new ArrayList<>();
        try (ScratchSpace scratch = ScratchSpace.under(scratchParent)) {
            LayerScanner scanner = new LayerScanner(new FileDispatcher(registry, scratch), limits.maxHeaderBytes());
            int poolSize = Math.min(threads, Math.max(1, refs.size()));
            ExecutorService pool = Executors.newFixedThreadPool(poolSize, r -> {
                Thread t = new Thread(r, "kensa-layer");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Layer>> futures = new ArrayList<>();
                for (int i = 0; i < refs.size(); i++) {
                    int index = i;
                    futures.add(pool.submit(() -> layer(source, refs.get(index), index, refs.size(), scanner)));
                }
                Exception failure = null;
                for (Future<Layer> f : futures) {
                    try {
                        Layer layer = await(f);
                        if (failure == null) {
                            layers.add(layer);
                        }
                    } catch (KensaException e) {
                        // a layer's own one-line cause beats what the others met meanwhile (a stream closed under
                        // them, say): keep waiting so the one-line cause is the one reported
                        if (!(failure instanceof KensaException)) {
                            failure = e;
                        }
                    } catch (IOException | RuntimeException e) {
                        if (failure == null) {
                            failure = e;
                        }
                    }
                }
                if (failure instanceof IOException io) {
                    throw io;
                }
                if (failure instanceof RuntimeException r) {
                    throw r;
                }
            } finally {
                pool.shutdownNow();
            }
        }
        Inventory inventory = new InventoryBuilder(javaIndex).build(layers.stream().map(Layer::result).toList());
        List<LayerSummary> summaries = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            LayerRef ref = refs.get(i);
            Layer l = layers.get(i);
            summaries.add(new LayerSummary(ref.diffId().toString(), l.digest(), l.size(), ref.createdBy(), l.cached()));
        }
        var config = source.config();
        Artifact artifact = new Artifact(source.name(), "image", config.digest().toString(), source.repoDigests(),
                inventory.os(), config.architecture());
        ScanReport report = InventoryReport.of(artifact, summaries, inventory);
        for (Detector d : detectors) {
            report = d.apply(report, inventory, config);
        }
        return report;
    }

    private Layer layer(ImageSource source, LayerRef ref, int index, int count, LayerScanner scanner)
            throws IOException {
        Optional<LayerResult> hit = cache.get(ref.diffId());
        String knownDigest = ref.digest() != null ? ref.digest().toString() : null;
        if (hit.isPresent()) {
            progress.layerStarted(index, count, ref.diffId().toString(), true);
            progress.layerDone(index, count, ref.diffId().toString());
            return new Layer(hit.get(), true, knownDigest != null ? knownDigest : ref.diffId().toString(), ref.size());
        }
        progress.layerStarted(index, count, ref.diffId().toString(), false);
        LayerScan scan;
        LayerStream stream;
        try (InputStream blob = source.openBlob(ref); LayerStream verified = LayerStream.open(blob, ref, limits)) {
            stream = verified;
            scan = scanner.scan(ref.diffId(), stream);
        }
        LayerResult result = scan.result();
        if (!scan.pendingHardlinks().isEmpty()) {
            try (InputStream blob = source.openBlob(ref); LayerStream again = LayerStream.open(blob, ref, limits)) {
                result = scanner.rescanHardlinks(result, scan.pendingHardlinks(), again);
            }
        }
        cache.put(result);
        progress.layerDone(index, count, ref.diffId().toString());
        return new Layer(result, false, stream.blobDigest().toString(), stream.blobSize());
    }

    private static Layer await(Future<Layer> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KensaException("scan interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof KensaException k) {
                throw k;
            }
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IOException(c);
        }
    }
}
