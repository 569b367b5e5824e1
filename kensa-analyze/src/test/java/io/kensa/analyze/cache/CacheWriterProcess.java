package io.kensa.analyze.cache;

import java.nio.file.Path;

/** Run in a separate JVM by {@link DirectoryLayerCacheTest}: writes the sample result N times into a cache. */
public final class CacheWriterProcess {
    private CacheWriterProcess() {
    }

    public static void main(String[] args) {
        DirectoryLayerCache cache = new DirectoryLayerCache(Path.of(args[0]), args[1]);
        int n = Integer.parseInt(args[2]);
        for (int i = 0; i < n; i++) {
            cache.put(CacheSamples.result());
        }
    }
}
