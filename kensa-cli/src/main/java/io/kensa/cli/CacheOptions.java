package io.kensa.cli;

import io.kensa.analyze.AnalyzerRegistry;
import io.kensa.analyze.cache.DirectoryLayerCache;
import io.kensa.analyze.cache.LayerCache;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --cache-dir} and {@code --no-cache}. */
final class CacheOptions {
    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Cache directory (default: $XDG_CACHE_HOME/kensa or ~/.cache/kensa).")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Neither read nor write cached layer results.")
    boolean noCache;

    Path dir() {
        return dir(cacheDir);
    }

    /** {@code cacheDir} when given, else $XDG_CACHE_HOME/kensa or ~/.cache/kensa. */
    static Path dir(Path cacheDir) {
        if (cacheDir != null) {
            return cacheDir.toAbsolutePath();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("kensa").toAbsolutePath();
    }

    LayerCache layerCache(AnalyzerRegistry registry) {
        return noCache ? LayerCache.NONE : new DirectoryLayerCache(dir(), registry.versionKey());
    }

    /** Where scratch files go: inside the cache directory, so a scan writes nowhere else. */
    Path scratchDir() {
        return dir().resolve("tmp");
    }
}
