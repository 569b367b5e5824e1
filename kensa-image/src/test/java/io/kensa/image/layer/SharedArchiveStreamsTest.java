package io.kensa.image.layer;

import io.kensa.image.source.ImageSource;
import io.kensa.image.source.LayerRef;
import io.kensa.image.source.LocalImages;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layers of one archive are read through one shared file channel: a layer given up half-way (its scan failed)
 * must not break the layers still being read beside it.
 */
class SharedArchiveStreamsTest {

    @Test
    void aLayerClosedHalfWayLeavesTheOtherLayersOfTheArchiveReadable() throws Exception {
        try (ImageSource source = LocalImages.open(Corpus.image("java-app.docker.tar").toString(), null,
                LayerLimits.DEFAULT)) {
            List<LayerRef> layers = source.layers();
            LayerRef base = layers.get(0);
            LayerRef app = layers.get(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 20; round++) {
                    Future<Long> full = pool.submit(() -> {
                        try (InputStream blob = source.openBlob(app); LayerStream s = LayerStream.open(blob, app,
                                LayerLimits.DEFAULT)) {
                            long n = s.transferTo(java.io.OutputStream.nullOutputStream());
                            s.finish();
                            return n;
                        }
                    });
                    Future<?> abandoned = pool.submit(() -> {
                        try (InputStream blob = source.openBlob(base); LayerStream s = LayerStream.open(blob, base,
                                LayerLimits.DEFAULT)) {
                            s.readNBytes(1 << 20); // then given up: closed while its pump is still inflating
                        }
                        return null;
                    });
                    abandoned.get();
                    assertThat(full.get()).as("round %d: the other layer read to its end", round).isPositive();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
