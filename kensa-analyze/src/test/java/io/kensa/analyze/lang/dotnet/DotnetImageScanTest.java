package io.kensa.analyze.lang.dotnet;

import io.kensa.analyze.testing.ResourceFiles;
import io.kensa.analyze.testing.Scans;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import io.kensa.image.testing.DockerArchive;
import io.kensa.image.testing.TarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** .NET files placed where images have them: a published app, a source tree's lock file, a NuGet cache. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DotnetImageScanTest {
    @TempDir
    Path dir;

    @Test
    void nugetPackagesOfAnImage() throws IOException {
        String cache = "lang/dotnet/nuget-cache/.nuget/packages/";
        byte[] layer = TarBuilder.layer()
                .file("app/ConsoleApp1.deps.json", ResourceFiles.bytes("lang/dotnet/automapper-console/ConsoleApp1.deps.json"))
                .file("src/SimpleExec/packages.lock.json",
                        ResourceFiles.bytes("lang/dotnet/simple-exec/SimpleExec/packages.lock.json"))
                .file("root/.nuget/packages/nuget.frameworks/5.7.0/nuget.frameworks.nuspec",
                        ResourceFiles.bytes(cache + "nuget.frameworks/5.7.0/nuget.frameworks.nuspec"))
                .file("root/.nuget/packages/newtonsoft.json/6.0.4/newtonsoft.json.nuspec",
                        ResourceFiles.bytes(cache + "newtonsoft.json/6.0.4/newtonsoft.json.nuspec"))
                .build();
        Path image = new DockerArchive().layer(layer).write(dir.resolve("dotnet.tar"));
        ScanReport report = Scans.scan(image, dir.resolve("scratch"));

        assertThat(report.warnings()).isEmpty();
        List<Package> nuget = report.packages().stream().filter(p -> p.type().equals("nuget")).toList();
        assertThat(nuget).extracting(p -> p.purl() + " " + p.foundBy() + " " + p.paths().getFirst())
                .containsExactlyInAnyOrder(
                        "pkg:nuget/AutoMapper@11.0.1 deps.json app/ConsoleApp1.deps.json",
                        "pkg:nuget/DotNet.ReproducibleBuilds@1.2.39 packages.lock.json src/SimpleExec/packages.lock.json",
                        "pkg:nuget/Microsoft.CodeAnalysis.PublicApiAnalyzers@3.3.4 packages.lock.json src/SimpleExec/packages.lock.json",
                        "pkg:nuget/Microsoft.Sbom.Targets@4.1.5 packages.lock.json src/SimpleExec/packages.lock.json",
                        "pkg:nuget/MinVer@8.0.0-alpha.1 packages.lock.json src/SimpleExec/packages.lock.json",
                        "pkg:nuget/NuGet.Frameworks@5.7.0 nuspec root/.nuget/packages/nuget.frameworks/5.7.0/nuget.frameworks.nuspec",
                        "pkg:nuget/Newtonsoft.Json@6.0.4 nuspec root/.nuget/packages/newtonsoft.json/6.0.4/newtonsoft.json.nuspec");
        assertThat(nuget).allSatisfy(p -> assertThat(p.layer()).isEqualTo(report.layers().getFirst().diffId()));
    }
}
