package io.kensa.analyze;

import io.kensa.analyze.lang.dotnet.DepsJsonAnalyzer;
import io.kensa.analyze.lang.dotnet.NuspecAnalyzer;
import io.kensa.analyze.lang.dotnet.PackagesLockAnalyzer;
import io.kensa.analyze.lang.java.JavaArchiveAnalyzer;
import io.kensa.analyze.lang.java.JdkReleaseAnalyzer;
import io.kensa.analyze.lang.php.ComposerInstalledAnalyzer;
import io.kensa.analyze.lang.php.ComposerLockAnalyzer;
import io.kensa.analyze.lang.ruby.GemfileLockAnalyzer;
import io.kensa.analyze.lang.ruby.GemspecAnalyzer;
import io.kensa.analyze.lang.npm.NpmLockAnalyzer;
import io.kensa.analyze.lang.npm.NpmPackageJsonAnalyzer;
import io.kensa.analyze.lang.python.PythonPackageAnalyzer;
import io.kensa.analyze.lang.elf.ElfExecutableAnalyzer;
import io.kensa.analyze.lang.golang.GoBuildInfoExtractor;
import io.kensa.analyze.lang.rust.CargoAuditableExtractor;
import io.kensa.analyze.lang.rust.CargoLockAnalyzer;
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
                new RpmDbAnalyzer(),
                new GemspecAnalyzer(),
                new GemfileLockAnalyzer(),
                new ComposerInstalledAnalyzer(),
                new ComposerLockAnalyzer(),
                new DepsJsonAnalyzer(),
                new PackagesLockAnalyzer(),
                new NuspecAnalyzer(),
                new NpmPackageJsonAnalyzer(),
                new NpmLockAnalyzer(),
                new PythonPackageAnalyzer(),
                new JavaArchiveAnalyzer(),
                new JdkReleaseAnalyzer(),
                new ElfExecutableAnalyzer(List.of(GoBuildInfoExtractor::new, CargoAuditableExtractor::new)),
                new CargoLockAnalyzer()
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
