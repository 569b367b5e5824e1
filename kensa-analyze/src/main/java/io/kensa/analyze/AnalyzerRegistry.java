package io.kensa.analyze;

import io.kensa.analyze.os.OsReleaseAnalyzer;
import io.kensa.analyze.pkg.apk.ApkInstalledAnalyzer;
import io.kensa.analyze.pkg.dpkg.DpkgFileListAnalyzer;
import io.kensa.analyze.pkg.dpkg.DpkgStatusAnalyzer;
import io.kensa.analyze.pkg.rpm.RpmDbAnalyzer;

import java.util.List;
import java.util.StringJoiner;

/** Every analyzer, registered in one place. */
public final class AnalyzerRegistry {
    private final List<Analyzer> analyzers;

    public AnalyzerRegistry(List<Analyzer> analyzers) {
        this.analyzers = List.copyOf(analyzers);
    }

    public static AnalyzerRegistry defaults() {
        return new AnalyzerRegistry(List.of(
                new OsReleaseAnalyzer(),
                new DpkgStatusAnalyzer(),
                new DpkgFileListAnalyzer(),
                new ApkInstalledAnalyzer(),
                new RpmDbAnalyzer()
        ));
    }

    public List<Analyzer> analyzers() {
        return analyzers;
    }

    /** A key that changes whenever any analyzer's id or version changes; part of every layer cache key. */
    public String versionKey() {
        StringJoiner j = new StringJoiner(",");
        analyzers.stream().map(a -> a.id() + "@" + a.version()).sorted().forEach(j::add);
        return j.toString();
    }
}
