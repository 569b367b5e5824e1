package io.kensa.analyze.license;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.AnalyzerRegistry;
import io.kensa.analyze.cache.LayerCache;
import io.kensa.analyze.pkg.dpkg.DpkgCopyrightAnalyzer;
import io.kensa.analyze.scan.ImageScanner;
import io.kensa.analyze.scan.ScanProgress;
import io.kensa.core.JavaIndex;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import io.kensa.core.license.LicenseFinding;
import io.kensa.image.layer.LayerLimits;
import io.kensa.image.source.ImageSource;
import io.kensa.image.source.LocalImages;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

class LicenseCorpusTest {
    @TempDir
    Path scratch;

    static ScanReport scan(String image, Path scratch) throws IOException {
        List<Analyzer> analyzers = new ArrayList<>(AnalyzerRegistry.defaults().analyzers());
        analyzers.add(new DpkgCopyrightAnalyzer());
        try (ImageSource source = LocalImages.open(Corpus.image(image).toString(), null, LayerLimits.DEFAULT)) {
            return new ImageScanner(new AnalyzerRegistry(analyzers), LayerCache.NONE, scratch, LayerLimits.DEFAULT, 2,
                    ScanProgress.NONE, JavaIndex.NONE, List.of(new LicenseDetector(LicensePolicy.defaults())))
                    .scan(source);
        }
    }

    @Test
    void explore() throws IOException {
        for (String image : List.of("node-app.docker.tar", "java-app.docker.tar", "debian-bookworm.docker.tar", "python-ruby-app.docker.tar", "alpine311-apk.docker.tar", "mariner2-rpm-sqlite.docker.tar")) {
            ScanReport r = scan(image, scratch);
            System.out.println("=== " + image);
            for (Package p : r.packages()) {
                System.out.println("PKG " + p.type() + " " + p.name() + " " + p.licenses());
            }
            for (LicenseFinding f : r.licenses()) {
                System.out.println("LIC " + f.packageName() + " | " + f.license() + " | " + f.category() + " | " + f.severity() + " | " + f.policy() + " | " + f.path());
            }
        }
    }
}
