package io.kensa.analyze.testing;

import io.kensa.analyze.AnalyzerRegistry;
import io.kensa.analyze.engine.FileDispatcher;
import io.kensa.analyze.engine.LayerResult;
import io.kensa.analyze.engine.LayerScanner;
import io.kensa.analyze.engine.ScratchSpace;
import io.kensa.image.layer.LayerLimits;
import io.kensa.image.layer.LayerStream;
import io.kensa.image.source.ImageSource;
import io.kensa.image.source.LayerRef;
import io.kensa.image.source.LocalImages;
import io.kensa.image.testing.Corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The layer results of a corpus image, each layer read by the default analyzers as a scan would. */
public final class CorpusLayers {
    private CorpusLayers() {
    }

    public static List<LayerResult> scan(String image, Path scratch) throws IOException {
        List<LayerResult> out = new ArrayList<>();
        try (ImageSource src = LocalImages.open(Corpus.image(image).toString(), null, LayerLimits.DEFAULT);
             ScratchSpace space = ScratchSpace.under(scratch)) {
            LayerScanner scanner = new LayerScanner(new FileDispatcher(AnalyzerRegistry.defaults(), space), 1 << 20);
            for (LayerRef layer : src.layers()) {
                try (InputStream blob = src.openBlob(layer); LayerStream s = LayerStream.open(blob, layer,
                        LayerLimits.DEFAULT)) {
                    out.add(scanner.scan(layer.diffId(), s).result());
                }
            }
        }
        return out;
    }
}
