package io.kensa.analyze.lang.dotnet;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.testing.MemoryFileEntry;
import io.kensa.analyze.testing.OversizedFileEntry;
import io.kensa.analyze.testing.ResourceFiles;
import io.kensa.core.Package;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DotnetAnalyzersTest {
    private final DepsJsonAnalyzer deps = new DepsJsonAnalyzer();
    private final PackagesLockAnalyzer lock = new PackagesLockAnalyzer();

    private static List<String> rows(FileResult r) {
        return r.packages().stream().map(p -> p.name() + " " + p.version()).toList();
    }

    /**
     * A console app's deps.json as the .NET 6 SDK wrote it: the project itself, AutoMapper (runtime assembly
     * lib/netstandard2.1/AutoMapper.dll) and Microsoft.CSharp, which the runtime target lists with no asset at all
     * (.NET 6 provides it): only AutoMapper ships with the application.
     */
    @Test
    void depsJsonOfAConsoleApp() throws IOException {
        String path = "app/ConsoleApp1.deps.json";
        assertThat(deps.wants(path)).isTrue();
        FileResult r = deps.analyze(ResourceFiles.entry("lang/dotnet/automapper-console/ConsoleApp1.deps.json", path));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.packages()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo("nuget");
            assertThat(p.name()).isEqualTo("AutoMapper");
            assertThat(p.version()).isEqualTo("11.0.1");
            assertThat(p.paths()).containsExactly(path);
            assertThat(p.foundBy()).isEqualTo("deps.json");
            assertThat(p.licenses()).isEmpty();
        });
    }

    /**
     * The shape of a self-contained app's runtime entry, {@code runtimepack.<runtime package>/<version>} (as Trivy's
     * parser documents it), with a package the runtime target does not mention (kept) and a reference (skipped).
     */
    @Test
    void runtimePackIsReportedUnderItsPackageName() throws IOException {
        FileResult r = deps.analyze(MemoryFileEntry.of("app/web.deps.json", """
                {"runtimeTarget": {"name": ".NETCoreApp,Version=v8.0/linux-x64"},
                 "targets": {".NETCoreApp,Version=v8.0/linux-x64": {
                     "web/1.0.0": {"runtime": {"web.dll": {}}},
                     "runtimepack.Microsoft.NETCore.App.Runtime.linux-x64/8.0.1": {"runtime": {"System.Private.CoreLib.dll": {}}}}},
                 "libraries": {
                     "web/1.0.0": {"type": "project"},
                     "runtimepack.Microsoft.NETCore.App.Runtime.linux-x64/8.0.1": {"type": "runtimepack"},
                     "Serilog/3.1.1": {"type": "package"},
                     "System.Data/4.0.0.0": {"type": "reference"},
                     "broken": {"type": "package"}}}
                """));
        assertThat(rows(r)).containsExactly("Microsoft.NETCore.App.Runtime.linux-x64 8.0.1", "Serilog 3.1.1");
        assertThat(r.warnings()).containsExactly("library \"broken\" is not Name/Version");
    }

    /** adamralph/simple-exec: a Project entry (another project of the solution) is not a package; CRLF file. */
    @Test
    void lockFileSkipsProjects() throws IOException {
        String path = "src/ConsoleApp1/packages.lock.json";
        assertThat(lock.wants(path)).isTrue();
        FileResult r = lock.analyze(ResourceFiles.entry("lang/dotnet/simple-exec/ConsoleApp1/packages.lock.json", path));
        assertThat(r.warnings()).isEmpty();
        assertThat(rows(r)).containsExactly("Microsoft.VisualStudio.Threading.Analyzers 17.14.15");
        assertThat(r.packages().getFirst().foundBy()).isEqualTo("packages.lock.json");
    }

    /** Three target frameworks locking the same four packages: four packages, prerelease version as written. */
    @Test
    void lockFileWithSeveralFrameworks() throws IOException {
        FileResult r = lock.analyze(ResourceFiles.entry("lang/dotnet/simple-exec/SimpleExec/packages.lock.json",
                "src/SimpleExec/packages.lock.json"));
        assertThat(r.warnings()).isEmpty();
        assertThat(rows(r)).containsExactly("DotNet.ReproducibleBuilds 1.2.39",
                "Microsoft.CodeAnalysis.PublicApiAnalyzers 3.3.4", "Microsoft.Sbom.Targets 4.1.5", "MinVer 8.0.0-alpha.1");
        assertThat(r.packages()).extracting(Package::type).containsOnly("nuget");
    }

    @Test
    void wantsByName() {
        assertThat(deps.wants("usr/share/dotnet/shared/Microsoft.NETCore.App/8.0.1/Microsoft.NETCore.App.deps.json")).isTrue();
        assertThat(deps.wants("app/web.runtimeconfig.json")).isFalse();
        assertThat(lock.wants("packages.lock.json")).isTrue();
        assertThat(lock.wants("app/mypackages.lock.json")).isFalse();
        assertThat(lock.wants("app/package-lock.json")).isFalse();
    }

    @Test
    void malformedAndHostileFilesGiveWarnings() throws IOException {
        FileResult r = deps.analyze(MemoryFileEntry.of("a.deps.json", "{\"libraries\": {\"x/1\": "));
        assertThat(r.warnings()).singleElement().asString().startsWith("not valid JSON");
        r = deps.analyze(MemoryFileEntry.of("a.deps.json", "[1, 2]"));
        assertThat(r.warnings()).containsExactly("not a deps.json object");
        assertThat(deps.analyze(MemoryFileEntry.of("a.deps.json", "{\"runtimeTarget\": {}}"))).isNull();
        r = deps.analyze(MemoryFileEntry.of("a.deps.json", "{\"x\":" + "[".repeat(10_000)));
        assertThat(r.warnings()).singleElement().asString().contains("nesting depth");
        r = deps.analyze(new OversizedFileEntry("a.deps.json", DepsJsonAnalyzer.MAX_BYTES + 1));
        assertThat(r.warnings()).singleElement().asString().contains("over the");

        r = lock.analyze(MemoryFileEntry.of("packages.lock.json", """
                {"version": 1, "dependencies": {"net8.0": {"A": {"type": "Direct", "resolved": "1.0.0"},
                  "B": {"type": "Transitive"}, "C": {"type": "CentralTransitive", "resolved": "2.0.0"}, "D": 5}}}
                """));
        assertThat(rows(r)).containsExactly("A 1.0.0", "C 2.0.0");
        assertThat(r.warnings()).containsExactly("\"B\" has no resolved version", "\"D\" has no resolved version");
        r = lock.analyze(MemoryFileEntry.of("packages.lock.json", "{\"version\": 1}"));
        assertThat(r.warnings()).containsExactly("not a NuGet lock file: no \"dependencies\"");
    }

    @Test
    void randomCorruptionsNeverThrow() throws IOException {
        Random random = new Random(5);
        byte[] real = ResourceFiles.bytes("lang/dotnet/automapper-console/ConsoleApp1.deps.json");
        for (int i = 0; i < 300; i++) {
            byte[] copy = Arrays.copyOf(real, random.nextInt(real.length + 1));
            if (copy.length > 0) {
                copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
            }
            FileResult r = deps.analyze(new MemoryFileEntry("x.deps.json", copy));
            if (r != null) {
                assertThat(r.packages()).allSatisfy(p -> assertThat(p.name()).isNotBlank());
            }
        }
    }
}
