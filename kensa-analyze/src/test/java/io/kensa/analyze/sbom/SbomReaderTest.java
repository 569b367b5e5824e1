package io.kensa.analyze.sbom;

import io.kensa.core.KensaException;
import io.kensa.core.Package;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SBOMs written by Trivy 0.68.2 for two corpus images (test resources, made with {@code trivy image --input …
 * --format cyclonedx|spdx-json}) read back into the images' ground-truth packages, source packages included.
 */
class SbomReaderTest {
    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(SbomReaderTest.class.getResource(name).toURI());
    }

    /** name, version, source, source version, as the corpus ground truth lists them. */
    private static Set<String> expected(String image) {
        Path tsv = Corpus.images().resolve(image + ".expected/packages.tsv");
        return Corpus.tsvBody(tsv).stream().map(r -> r[0] + " " + r[1] + " " + r[2] + " " + r[3])
                .collect(Collectors.toSet());
    }

    private static Set<String> read(List<Package> packages) {
        return packages.stream().map(p -> p.name() + " " + p.version() + " "
                        + (p.source() == null ? p.name() : p.source().name()) + " "
                        + (p.source() == null || p.source().version() == null ? p.version() : p.source().version()))
                .collect(Collectors.toSet());
    }

    @ParameterizedTest
    @CsvSource({
            "debian-distroless, cyclonedx, debian, 12.15",
            "debian-distroless, spdx-json, debian, 12.15",
            "alpine311-apk, cyclonedx, alpine, 3.11.5",
            "alpine311-apk, spdx-json, alpine, 3.11.5"})
    void trivySbomsGiveTheGroundTruthPackages(String image, String format, String family, String version)
            throws Exception {
        SbomInventory inv = SbomReader.read(resource(image + ".trivy." + format + ".json"));
        assertThat(inv.format()).isEqualTo(format.startsWith("spdx") ? "spdx" : "cyclonedx");
        assertThat(inv.os().family()).isEqualTo(family);
        assertThat(inv.os().version()).isEqualTo(version);
        assertThat(read(inv.packages())).isEqualTo(expected(image));
        assertThat(inv.packages()).allSatisfy(p -> assertThat(p.type()).isIn("deb", "apk"));
    }

    @Test
    void cycloneDxLayersComeFromTrivysProperties() throws Exception {
        SbomInventory inv = SbomReader.read(resource("debian-distroless.trivy.cyclonedx.json"));
        assertThat(inv.packages()).allSatisfy(p -> assertThat(p.layer()).startsWith("sha256:"));
    }

    @Test
    void syftsUpstreamQualifierNamesTheSourcePackage() throws IOException {
        Path f = Files.writeString(dir.resolve("syft.cdx.json"), """
                {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"components":[
                 {"type":"library","name":"libssl3","version":"3.0.11-1~deb12u2",
                  "purl":"pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&upstream=openssl&distro=debian-12"},
                 {"type":"library","name":"libc6","version":"2.36-9+deb12u3",
                  "purl":"pkg:deb/debian/libc6@2.36-9%2Bdeb12u3?arch=amd64&upstream=glibc%402.36-9&distro=debian-12"},
                 {"type":"library","name":"openssl-libs","version":"3.0.7-25.el9",
                  "purl":"pkg:rpm/redhat/openssl-libs@3.0.7-25.el9?arch=x86_64&epoch=1&upstream=openssl-3.0.7-25.el9.src.rpm&distro=rhel-9.3"}]}
                """);
        SbomInventory inv = SbomReader.read(f);
        assertThat(inv.os().family()).isEqualTo("debian");
        assertThat(inv.os().version()).isEqualTo("12");
        Package ssl = inv.packages().get(0);
        assertThat(ssl.source().name()).isEqualTo("openssl");
        assertThat(ssl.source().version()).isNull();
        assertThat(inv.packages().get(1).source().name()).isEqualTo("glibc");
        assertThat(inv.packages().get(1).source().version()).isEqualTo("2.36-9");
        Package rpm = inv.packages().get(2);
        assertThat(rpm.version()).isEqualTo("1:3.0.7-25.el9");
        assertThat(rpm.source()).isNull();
    }

    /**
     * The SPDX 2.3 JSON schema spells the purpose {@code OPERATING_SYSTEM} (Kensa's own SBOMs); Trivy writes the
     * tag-value spelling {@code OPERATING-SYSTEM}. Both name the OS.
     */
    @Test
    void theSchemasSpellingOfTheOperatingSystemPurposeNamesTheOs() throws IOException {
        Path f = Files.writeString(dir.resolve("kensa.spdx.json"), """
                {"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT","name":"app.tar",
                 "documentNamespace":"https://example.com/spdx/app-1",
                 "creationInfo":{"created":"2026-11-23T12:00:00Z","creators":["Tool: kensa-0.1.0"]},
                 "packages":[
                  {"SPDXID":"SPDXRef-OperatingSystem-1","name":"alpine","versionInfo":"3.11.5",
                   "downloadLocation":"NOASSERTION","filesAnalyzed":false,"primaryPackagePurpose":"OPERATING_SYSTEM"},
                  {"SPDXID":"SPDXRef-Package-1","name":"libssl1.1","versionInfo":"1.1.1d-r3",
                   "downloadLocation":"NOASSERTION","filesAnalyzed":false,"sourceInfo":"built package from: openssl 1.1.1d-r3",
                   "externalRefs":[{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl",
                     "referenceLocator":"pkg:apk/alpine/libssl1.1@1.1.1d-r3?arch=x86_64&distro=3.11.5"}]}]}
                """);
        SbomInventory inv = SbomReader.read(f);
        assertThat(inv.os().family()).isEqualTo("alpine");
        assertThat(inv.os().version()).isEqualTo("3.11.5");
        assertThat(inv.warnings()).isEmpty();
        assertThat(inv.packages()).singleElement().satisfies(p -> assertThat(p.source().name()).isEqualTo("openssl"));
    }

    /** Without an OS package, an apk purl's bare {@code distro=3.11.5} names the release of its namespace. */
    @Test
    void aBareApkDistroQualifierNamesTheReleaseOfThePurlsNamespace() throws IOException {
        Path f = Files.writeString(dir.resolve("apk.cdx.json"), """
                {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"components":[
                 {"type":"library","name":"musl","version":"1.1.24-r2",
                  "purl":"pkg:apk/alpine/musl@1.1.24-r2?arch=x86_64&distro=3.11.5"}]}
                """);
        SbomInventory inv = SbomReader.read(f);
        assertThat(inv.os().family()).isEqualTo("alpine");
        assertThat(inv.os().version()).isEqualTo("3.11.5");
    }

    @Test
    void applicationPackagesKeepTheirEcosystemSpelling() throws IOException {
        Path f = Files.writeString(dir.resolve("app.cdx.json"), """
                {"bomFormat":"CycloneDX","specVersion":"1.5","version":1,"components":[
                 {"type":"library","name":"log4j-core","version":"2.14.1",
                  "purl":"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                  "components":[{"type":"library","name":"x","version":"1","purl":"pkg:npm/%40babel/core@7.0.0"}]},
                 {"type":"library","name":"guzzle","version":"7.0.0","purl":"pkg:composer/guzzlehttp/guzzle@7.0.0"},
                 {"type":"library","name":"net","version":"v0.17.0","purl":"pkg:golang/golang.org/x/net@v0.17.0"},
                 {"type":"library","name":"no purl","version":"1"}]}
                """);
        SbomInventory inv = SbomReader.read(f);
        assertThat(inv.packages()).extracting(Package::name).containsExactly(
                "org.apache.logging.log4j:log4j-core", "@babel/core", "guzzlehttp/guzzle", "golang.org/x/net");
        assertThat(inv.os()).isNull();
        assertThat(inv.warnings()).singleElement().asString().contains("1 components without a usable purl");
    }

    @Test
    void whatIsNotAnSbomIsOneLine() throws IOException {
        Path text = Files.writeString(dir.resolve("x.json"), "{\"hello\": 1}");
        assertThatThrownBy(() -> SbomReader.read(text)).isInstanceOf(KensaException.class)
                .hasMessageContaining("not a CycloneDX or SPDX JSON SBOM");
        Path broken = Files.writeString(dir.resolve("y.json"), "{\"bomFormat\": ");
        assertThatThrownBy(() -> SbomReader.read(broken)).isInstanceOf(KensaException.class)
                .hasMessageContaining("not a JSON SBOM");
        Path deep = Files.writeString(dir.resolve("z.json"), "[".repeat(5000) + "]".repeat(5000));
        assertThatThrownBy(() -> SbomReader.read(deep)).isInstanceOf(KensaException.class)
                .hasMessageContaining("not a JSON SBOM");
        assertThatThrownBy(() -> SbomReader.read(dir.resolve("missing.json"))).isInstanceOf(KensaException.class)
                .hasMessageContaining("no such file");
    }
}
