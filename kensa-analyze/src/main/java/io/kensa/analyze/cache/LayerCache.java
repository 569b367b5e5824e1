package io.kensa.analyze.cache;

import io.kensa.analyze.engine.LayerResult;
import io.kensa.core.Digest;

import java.util.Optional;

/** Layer results keyed by diffID (and, inside the implementation, by the analyzer versions that made them). */
public interface LayerCache {

    Optional<LayerResult> get(Digest diffId);

    void put(LayerResult result);

    /** A cache that remembers nothing ({@code --no-cache}). */
    LayerCache NONE = new LayerCache() {
        @Override
        public Optional<LayerResult> get(Digest diffId) {
            return Optional.empty();
        }

        @Override
        public void put(LayerResult result) {
        }
    };
}
