package io.kensa.analyze.misconfig;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.misconfig.image.AccountFilesAnalyzer;
import io.kensa.analyze.misconfig.image.FileModeAnalyzer;
import io.kensa.analyze.misconfig.image.SuspiciousFileAnalyzer;

import java.util.List;

/**
 * The analyzers the image misconfiguration checks need in the layer pass; add them to the analyzer registry when
 * the {@code misconfig} scanner runs, then {@link io.kensa.analyze.misconfig.image.ImageMisconfigDetector} reads
 * their results from the inventory. None reads file content except the three account files.
 */
public final class MisconfigAnalyzers {
    private MisconfigAnalyzers() {
    }

    public static List<Analyzer> all() {
        return List.of(new FileModeAnalyzer(), new AccountFilesAnalyzer(), new SuspiciousFileAnalyzer());
    }
}
