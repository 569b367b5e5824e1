package io.kensa.analyze.testing;

import io.kensa.analyze.AnalyzerRegistry;
import io.kensa.analyze.cache.LayerCache;
import io.kensa.analyze.scan.ImageScanner;
import io.kensa.analyze.scan.ScanProgress;
import io.kensa.core.JavaIndex;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import io.kensa.image.layer.LayerLimits;
import io.kensa.image.oci.Platform;
import io.kensa.image.source.ImageSource;
import io.kensa.image.source.LocalImages;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Scanning images the way the CLI does, for tests. */
public final class Scans {
    private Scans() {
    }

    public static ScanReport scan(Path image, Platform platform, LayerCache cache, Path scratch) throws IOException {
        return scan(image.toString(), platform, cache, scratch, LayerLimits.DEFAULT);
    }

    public static ScanReport scan(String input, Platform platform, LayerCache cache, Path scratch, LayerLimits limits)
            throws IOException {
        try (ImageSource source = LocalImages.open(input, platform, limits)) {
            return new ImageScanner(AnalyzerRegistry.defaults(), cache, scratch, limits, 2, ScanProgress.NONE)
                    .scan(source);
        }
    }

    /** Scans without a cache. */
    public static ScanReport scan(Path image, Path scratch) throws IOException {
        return scan(image, null, LayerCache.NONE, scratch);
    }

    /** Scans without a cache, naming Java archives through {@code javaIndex}. */
    public static ScanReport scan(Path image, Path scratch, JavaIndex javaIndex) throws IOException {
        try (ImageSource source = LocalImages.open(image.toString(), null, LayerLimits.DEFAULT)) {
            return new ImageScanner(AnalyzerRegistry.defaults(), LayerCache.NONE, scratch, LayerLimits.DEFAULT, 2,
                    ScanProgress.NONE, javaIndex).scan(source);
        }
    }

    /** name → version of the packages of a report (fails on duplicate names). */
    public static Map<String, String> versions(List<Package> packages) {
        Map<String, String> m = new TreeMap<>();
        for (Package p : packages) {
            String old = m.put(p.name(), p.version());
            if (old != null) {
                throw new AssertionError("package " + p.name() + " listed twice: " + old + " and " + p.version());
            }
        }
        return m;
    }

    public static Package find(List<Package> packages, String name) {
        return packages.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no package " + name + " in " + versions(packages)));
    }
}
