// Secret scanning benchmark (a single-file Java program; run it through bench/secret_engine_bench.py, which builds Kensa
// and passes the class path). Two measurements:
//
//   engine IMAGE...  every file of every layer of the images that the secret analyzer reads (its path exclusions
//                    applied), held in memory; then, several rounds each: the whole analyzer (binary check, keyword
//                    pass, rules) over them, and gzip decompression of the same bytes, for scale. Throughput in MB of
//                    file content per second of this thread's CPU time (the machine may be shared) and of wall time.
//   image N IMAGE [secret|default|both]
//                    the whole image scan in this JVM (ImageScanner, no cache, 2 layer threads as the CLI on this
//                    machine): the secret analyzer alone, the default analyzers, and both; first run (cold JIT, like
//                    a CLI run) and the median of the following runs, wall seconds.
import io.kensa.analyze.Analyzer;
import io.kensa.analyze.AnalyzerRegistry;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;
import io.kensa.analyze.cache.LayerCache;
import io.kensa.analyze.engine.FileDispatcher;
import io.kensa.analyze.engine.LayerScanner;
import io.kensa.analyze.engine.ScratchSpace;
import io.kensa.analyze.scan.ImageScanner;
import io.kensa.analyze.scan.ScanProgress;
import io.kensa.analyze.secret.SecretAnalyzer;
import io.kensa.analyze.secret.SecretRuleSet;
import io.kensa.core.ScanReport;
import io.kensa.image.layer.LayerLimits;
import io.kensa.image.layer.LayerStream;
import io.kensa.image.source.ImageSource;
import io.kensa.image.source.LayerRef;
import io.kensa.image.source.LocalImages;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

public class SecretEngineBench {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SecretEngineBench engine IMAGE... | image ROUNDS IMAGE");
            System.exit(2);
        }
        if (args[0].equals("engine")) {
            engine(Arrays.asList(args).subList(1, args.length));
        } else {
            image(Integer.parseInt(args[1]), args[2], args.length > 3 ? args[3] : "all");
        }
    }

    /** A file of a layer, in memory. */
    record MemoryFile(String path, byte[] data) implements FileEntry {
        public long size() {
            return data.length;
        }

        public int mode() {
            return 0644;
        }

        public InputStream open() {
            return new ByteArrayInputStream(data);
        }

        public byte[] readAllBytes(long limit) {
            return data;
        }

        public Path toTempFile(long limit) {
            throw new UnsupportedOperationException();
        }
    }

    /** Keeps every file the secret analyzer wants, as it is read from the layer. */
    static final class Collector implements Analyzer {
        final SecretAnalyzer secret;
        final List<MemoryFile> files = new ArrayList<>();

        Collector(SecretAnalyzer secret) {
            this.secret = secret;
        }

        public String id() {
            return "collect";
        }

        public int version() {
            return 1;
        }

        public boolean wants(String path) {
            return secret.wants(path);
        }

        public boolean followsLinks() {
            return false;
        }

        public FileResult analyze(FileEntry entry) throws IOException {
            try (InputStream in = entry.open()) {
                synchronized (files) {
                    files.add(new MemoryFile(entry.path(), in.readAllBytes()));
                }
            }
            return null;
        }
    }

    static void engine(List<String> images) throws Exception {
        SecretAnalyzer analyzer = new SecretAnalyzer(SecretRuleSet.builtin());
        Collector collector = new Collector(analyzer);
        Path scratch = Files.createTempDirectory("kensa-secret-bench-");
        for (String image : images) {
            try (ImageSource src = LocalImages.open(image, null, LayerLimits.DEFAULT);
                 ScratchSpace space = ScratchSpace.under(scratch)) {
                LayerScanner scanner = new LayerScanner(new FileDispatcher(new AnalyzerRegistry(List.of(collector)),
                        space), 1 << 20);
                for (LayerRef layer : src.layers()) {
                    try (InputStream blob = src.openBlob(layer);
                         LayerStream s = LayerStream.open(blob, layer, LayerLimits.DEFAULT)) {
                        scanner.scan(layer.diffId(), s);
                    }
                }
            }
        }
        List<MemoryFile> files = collector.files;
        long bytes = files.stream().mapToLong(f -> f.data().length).sum();
        byte[] gz = gzip(files);
        System.out.printf("engine: %d images, %d files wanted, %.1f MB%n", images.size(), files.size(), bytes / 1e6);
        for (int round = 1; round <= 7; round++) {
            long w0 = System.nanoTime();
            long c0 = MX.getCurrentThreadCpuTime();
            int findings = 0;
            int skipped = 0;
            long text = 0;
            for (MemoryFile f : files) {
                FileResult r = analyzer.analyze(f);
                if (r != null && r.skipped() != null) {
                    skipped++;
                    continue;
                }
                text += f.data().length;
                if (r != null) {
                    findings += r.secrets().size();
                }
            }
            long c1 = MX.getCurrentThreadCpuTime();
            long w1 = System.nanoTime();
            long inflated = gunzip(gz);
            long c2 = MX.getCurrentThreadCpuTime();
            System.out.printf("round %d: secret analyzer %.0f MB/s cpu over all %.1f MB wanted (%.0f MB/s wall), "
                            + "%.0f MB/s cpu over the %.1f MB of text files; %d findings, %d files skipped as binary "
                            + "or too big; gunzip of all the wanted bytes %.0f MB/s cpu%n", round,
                    bytes * 1e3 / (c1 - c0), bytes / 1e6, bytes * 1e3 / (w1 - w0), text * 1e3 / (c1 - c0), text / 1e6,
                    findings, skipped, inflated * 1e3 / (c2 - c1));
        }
    }

    /** @param which {@code secret}, {@code default}, {@code both} or {@code all} (each in turn, every round) */
    static void image(int rounds, String image, String which) throws Exception {
        Path scratch = Files.createTempDirectory("kensa-secret-bench-");
        SecretAnalyzer secret = new SecretAnalyzer(SecretRuleSet.builtin());
        List<Analyzer> both = new ArrayList<>(AnalyzerRegistry.defaults().analyzers());
        both.add(secret);
        String[] names = {"secret only", "default analyzers", "default + secret"};
        AnalyzerRegistry[] registries = {new AnalyzerRegistry(List.of(secret)), AnalyzerRegistry.defaults(),
                new AnalyzerRegistry(both)};
        double[][] times = new double[registries.length][rounds];
        List<Integer> chosen = switch (which) {
            case "secret" -> List.of(0);
            case "default" -> List.of(1);
            case "both" -> List.of(2);
            default -> List.of(0, 1, 2);
        };
        for (int round = 0; round < rounds; round++) {
            for (int i : chosen) {
                long t0 = System.nanoTime();
                ScanReport report;
                try (ImageSource src = LocalImages.open(image, null, LayerLimits.DEFAULT)) {
                    report = new ImageScanner(registries[i], LayerCache.NONE, scratch, LayerLimits.DEFAULT, 2,
                            ScanProgress.NONE).scan(src);
                }
                times[i][round] = (System.nanoTime() - t0) / 1e9;
                if (round == 0) {
                    System.out.printf("%s: %d secrets%n", names[i], report.secrets().size());
                }
            }
        }
        for (int i : chosen) {
            double[] later = Arrays.copyOfRange(times[i], 1, rounds);
            Arrays.sort(later);
            System.out.printf("image %s: first %.2f s, median of next %d %.2f s%n", names[i], times[i][0],
                    later.length, later.length == 0 ? Double.NaN : later[later.length / 2]);
        }
    }

    static byte[] gzip(List<MemoryFile> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            for (MemoryFile f : files) {
                gz.write(f.data());
            }
        }
        return out.toByteArray();
    }

    static long gunzip(byte[] gz) throws IOException {
        byte[] buf = new byte[1 << 16];
        long n = 0;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 1 << 16)) {
            for (int r; (r = in.read(buf)) > 0; ) {
                n += r;
            }
        }
        return n;
    }
}
