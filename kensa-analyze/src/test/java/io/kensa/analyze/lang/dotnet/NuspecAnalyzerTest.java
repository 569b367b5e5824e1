package io.kensa.analyze.lang.dotnet;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.testing.MemoryFileEntry;
import io.kensa.analyze.testing.OversizedFileEntry;
import io.kensa.analyze.testing.ResourceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NuspecAnalyzerTest {
    private static final String CACHE = "lang/dotnet/nuget-cache/";
    private final NuspecAnalyzer analyzer = new NuspecAnalyzer();

    @TempDir
    Path dir;

    private FileResult analyzeText(String xml) throws IOException {
        return analyzer.analyze(MemoryFileEntry.of("root/.nuget/packages/x/1.0.0/x.nuspec", xml));
    }

    /** NuGet.Frameworks 5.7.0: version with SemVer build metadata, license shipped as a file in the package. */
    @Test
    void nuspecWithLicenseFile() throws IOException {
        String path = "root/.nuget/packages/nuget.frameworks/5.7.0/nuget.frameworks.nuspec";
        assertThat(analyzer.wants(path)).isTrue();
        FileResult r = analyzer.analyze(ResourceFiles.entry(
                CACHE + ".nuget/packages/nuget.frameworks/5.7.0/nuget.frameworks.nuspec", path));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.packages()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo("nuget");
            assertThat(p.name()).isEqualTo("NuGet.Frameworks");
            assertThat(p.version()).isEqualTo("5.7.0");
            assertThat(p.licenses()).isEmpty();
            assertThat(p.paths()).containsExactly(path);
            assertThat(p.foundBy()).isEqualTo("nuspec");
        });
    }

    /** Newtonsoft.Json 6.0.4, from before license expressions: the licenseUrl is what its metadata says. */
    @Test
    void oldNuspecWithLicenseUrl() throws IOException {
        String path = "home/app/.nuget/packages/newtonsoft.json/6.0.4/newtonsoft.json.nuspec";
        FileResult r = analyzer.analyze(ResourceFiles.entry(
                CACHE + ".nuget/packages/newtonsoft.json/6.0.4/newtonsoft.json.nuspec", path));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.packages()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Newtonsoft.Json");
            assertThat(p.version()).isEqualTo("6.0.4");
            assertThat(p.licenses()).containsExactly("https://raw.github.com/JamesNK/Newtonsoft.Json/master/LICENSE.md");
        });
    }

    @Test
    void licenseExpressionWinsOverTheGeneratedUrl() throws IOException {
        FileResult r = analyzeText("""
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata><id>X</id><version>1.0.0</version>
                    <license type="expression">MIT OR Apache-2.0</license>
                    <licenseUrl>https://licenses.nuget.org/MIT%20OR%20Apache-2.0</licenseUrl></metadata>
                </package>""");
        assertThat(r.packages()).singleElement().satisfies(p -> assertThat(p.licenses()).containsExactly("MIT OR Apache-2.0"));
    }

    @Test
    void wantsNuspecsOfPackageFoldersOnly() {
        assertThat(analyzer.wants(".nuget/packages/serilog/3.1.1/serilog.nuspec")).isTrue();
        assertThat(analyzer.wants("root/.nuget/packages/Serilog/3.1.1/serilog.nuspec")).isTrue();
        assertThat(analyzer.wants("usr/share/dotnet/sdk/NuGetFallbackFolder/microsoft.csharp/4.4.0/microsoft.csharp.nuspec")).isTrue();
        assertThat(analyzer.wants("src/Serilog/Serilog.nuspec")).isFalse();
        assertThat(analyzer.wants("root/.nuget/packages/serilog/3.1.1/other.nuspec")).isFalse();
        assertThat(analyzer.wants("root/.nuget/packages/serilog/serilog.nuspec")).isFalse();
        assertThat(analyzer.wants("root/.nuget/packages/serilog/3.1.1/lib/serilog.nuspec")).isFalse();
        assertThat(analyzer.wants("root/my.nuget/packages/serilog/3.1.1/serilog.nuspec")).isFalse();
        assertThat(analyzer.wants("root/.nuget/packages/serilog/3.1.1/serilog.nupkg")).isFalse();
    }

    /** A classic XXE: an external entity naming a local file. The DOCTYPE is refused; the file is never read. */
    @Test
    void externalEntityIsNotResolved() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        FileResult r = analyzeText("""
                <?xml version="1.0"?>
                <!DOCTYPE package [<!ENTITY xxe SYSTEM "%s">]>
                <package><metadata><id>&xxe;</id><version>1.0.0</version></metadata></package>
                """.formatted(secret.toUri()));
        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).singleElement().asString().contains("DOCTYPE").doesNotContain("TOP-SECRET");
    }

    /** External DTDs and parameter entities pointing at a listener on loopback: no connection is ever made. */
    @Test
    void externalDtdIsNotFetched() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(200);
            AtomicInteger connections = new AtomicInteger();
            CompletableFuture<Void> listener = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 10; i++) {
                    try (var s = server.accept()) {
                        connections.incrementAndGet();
                    } catch (SocketTimeoutException e) {
                        // keep listening
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/evil.dtd";
            FileResult a = analyzeText("<?xml version=\"1.0\"?>\n<!DOCTYPE package SYSTEM \"" + url + "\">\n"
                    + "<package><metadata><id>A</id><version>1.0.0</version></metadata></package>");
            FileResult b = analyzeText("<?xml version=\"1.0\"?>\n<!DOCTYPE package [<!ENTITY % p SYSTEM \"" + url
                    + "\"> %p;]>\n<package><metadata><id>B</id><version>1.0.0</version></metadata></package>");
            listener.get(5, TimeUnit.SECONDS);
            assertThat(connections).hasValue(0);
            assertThat(a.packages()).isEmpty();
            assertThat(b.packages()).isEmpty();
            assertThat(a.warnings()).singleElement().asString().contains("DOCTYPE");
            assertThat(b.warnings()).singleElement().asString().contains("DOCTYPE");
        }
    }

    @Test
    void entityExpansionBombIsRefusedAtOnce() throws IOException {
        StringBuilder dtd = new StringBuilder("<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        long start = System.nanoTime();
        FileResult r = analyzeText("<?xml version=\"1.0\"?><!DOCTYPE package [" + dtd + "]>"
                + "<package><metadata><id>&l10;</id><version>1</version></metadata></package>");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);
        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).singleElement().asString().contains("DOCTYPE");
    }

    @Test
    void xincludeIsNotProcessed() throws IOException {
        Path secret = Files.writeString(dir.resolve("included.xml"), "<id>Included</id>");
        FileResult r = analyzeText("""
                <?xml version="1.0"?>
                <package xmlns:xi="http://www.w3.org/2001/XInclude"><metadata>
                  <xi:include href="%s"/><id>Real</id><version>2.0.0</version></metadata></package>
                """.formatted(secret.toUri()));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.packages()).singleElement().satisfies(p -> assertThat(p.name()).isEqualTo("Real"));
    }

    @Test
    void malformedNuspecsGiveOneLineWarnings() throws IOException {
        assertThat(analyzeText("<package><metadata><id>X</id>").warnings()).singleElement().asString()
                .startsWith("not a well-formed nuspec");
        assertThat(analyzeText("<project/>").warnings()).containsExactly("root element is not <package>");
        assertThat(analyzeText("<package/>").warnings()).containsExactly("no <metadata>");
        assertThat(analyzeText("<package><metadata><id>X</id></metadata></package>").warnings())
                .containsExactly("no <id> and <version>");
        assertThat(analyzeText("").warnings()).singleElement().asString().startsWith("not a well-formed nuspec");
        String deep = "<package>" + "<a>".repeat(10_000) + "</a>".repeat(10_000) + "</package>";
        assertThat(analyzeText(deep).packages()).isEmpty();
        FileResult big = analyzer.analyze(new OversizedFileEntry("root/.nuget/packages/x/1.0.0/x.nuspec",
                NuspecAnalyzer.MAX_BYTES + 1));
        assertThat(big.warnings()).singleElement().asString().contains("over the");
    }
}
