package io.kensa.analyze.testing;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.AnalyzerRegistry;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;
import io.kensa.analyze.cache.LayerCache;
import io.kensa.analyze.scan.ImageScanner;
import io.kensa.analyze.scan.ScanProgress;
import io.kensa.image.layer.LayerLimits;
import io.kensa.image.source.ImageSource;
import io.kensa.image.source.LocalImages;
import io.kensa.image.testing.Corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** The text of files of a corpus image, read by the scanner's own single pass (a test analyzer that keeps them). */
public final class ImageTexts {
    private ImageTexts() {
    }

    public static Map<String, String> read(String image, Predicate<String> wanted, Path scratch) throws IOException {
        Map<String, String> texts = new ConcurrentHashMap<>();
        Analyzer keeper = new Analyzer() {
            @Override
            public String id() {
                return "test-text";
            }

            @Override
            public int version() {
                return 1;
            }

            @Override
            public boolean wants(String path) {
                return wanted.test(path);
            }

            @Override
            public FileResult analyze(FileEntry entry) throws IOException {
                texts.put(entry.path(), new String(entry.readAllBytes(1 << 20), StandardCharsets.UTF_8));
                return null;
            }
        };
        try (ImageSource source = LocalImages.open(Corpus.image(image).toString(), null, LayerLimits.DEFAULT)) {
            new ImageScanner(new AnalyzerRegistry(List.of(keeper)), LayerCache.NONE, scratch, LayerLimits.DEFAULT, 1,
                    ScanProgress.NONE).scan(source);
        }
        return new TreeMap<>(texts);
    }
}
