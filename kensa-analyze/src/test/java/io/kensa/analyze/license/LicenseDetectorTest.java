package io.kensa.analyze.license;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.AnalyzerRegistry;
import io.kensa.analyze.cache.DirectoryLayerCache;
import io.kensa.analyze.cache.LayerCache;
import io.kensa.analyze.pkg.dpkg.DpkgCopyrightAnalyzer;
import io.kensa.analyze.scan.ImageScanner;
import io.kensa.analyze.scan.ScanProgress;
import io.kensa.core.JavaIndex;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import io.kensa.core.license.LicenseFinding;
import io.kensa.core.vuln.Severity;
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
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The license scanner on corpus images, scanned as the CLI does: the default analyzers plus the copyright one. */
class LicenseDetectorTest {
    @TempDir
    Path scratch;

    static AnalyzerRegistry registry() {
        List<Analyzer> analyzers = new ArrayList<>(AnalyzerRegistry.defaults().analyzers());
        analyzers.add(new DpkgCopyrightAnalyzer());
        return new AnalyzerRegistry(analyzers);
    }

    private ScanReport scan(String image, LicensePolicy policy) throws IOException {
        return scan(image, policy, LayerCache.NONE);
    }

    private ScanReport scan(String image, LicensePolicy policy, LayerCache cache) throws IOException {
        try (ImageSource source = LocalImages.open(Corpus.image(image).toString(), null, LayerLimits.DEFAULT)) {
            return new ImageScanner(registry(), cache, scratch, LayerLimits.DEFAULT, 2, ScanProgress.NONE,
                    JavaIndex.NONE, List.of(new LicenseDetector(policy))).scan(source);
        }
    }

    private static Package pkg(ScanReport r, String type, String name) {
        List<Package> found = r.packages().stream().filter(p -> p.type().equals(type) && p.name().equals(name))
                .toList();
        assertThat(found).as("%s %s", type, name).hasSize(1);
        return found.getFirst();
    }

    private static LicenseFinding finding(ScanReport r, String purlPrefix) {
        List<LicenseFinding> found = r.licenses().stream()
                .filter(f -> f.purl() != null && f.purl().startsWith(purlPrefix)).toList();
        assertThat(found).as(purlPrefix).hasSize(1);
        return found.getFirst();
    }

    @Test
    void nodeAppPackagesCarryTheirDeclaredLicensesAsSpdxIds() throws IOException {
        ScanReport r = scan("node-app.docker.tar", LicensePolicy.defaults());
        for (String name : List.of("lodash", "express", "axios", "minimist")) {
            assertThat(pkg(r, "npm", name).licenses()).as(name).containsExactly("MIT");
            LicenseFinding f = finding(r, "pkg:npm/" + name + "@");
            assertThat(f.license()).isEqualTo("MIT");
            assertThat(f.category()).isEqualTo("notice");
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.policy()).isEqualTo("allow");
            assertThat(f.layer()).isEqualTo(pkg(r, "npm", name).layer()).isNotNull();
            assertThat(f.path()).isEqualTo("app/node_modules/" + name + "/package.json");
        }
        // every npm package declares a license, and each one is a listed SPDX id
        List<Package> npm = r.packages().stream().filter(p -> p.type().equals("npm")).toList();
        assertThat(npm).hasSize(68).allSatisfy(p -> assertThat(p.licenses()).singleElement()
                .isIn("MIT", "ISC", "BSD-3-Clause", "Apache-2.0"));
        // the distroless base layer's deb packages (status.d, no dpkg) get the licenses of their copyright files
        assertThat(pkg(r, "deb", "tzdata").licenses()).containsExactly("LicenseRef-Public-Domain");
        assertThat(finding(r, "pkg:deb/debian/tzdata@").path()).isEqualTo("usr/share/doc/tzdata/copyright");
        // one finding per package
        assertThat(r.licenses()).hasSize(r.packages().size());
    }

    @Test
    void javaAppArchivesCarryTheLicensesOfTheirPomOrManifest() throws IOException {
        ScanReport r = scan("java-app.docker.tar", LicensePolicy.defaults());
        // spring-web has no group id anywhere, hence no purl: findings are keyed by name here
        Map<String, String> byName = r.licenses().stream().filter(f -> f.purl() == null
                        || f.purl().startsWith("pkg:maven/"))
                .collect(Collectors.toMap(LicenseFinding::packageName, LicenseFinding::license, (a, b) -> a));
        // log4j-core and jackson-databind: their poms inherit <licenses> from a parent, the manifest's
        // Bundle-License (a URL) names it; snakeyaml's pom names it
        assertThat(byName).containsEntry("org.apache.logging.log4j:log4j-core", "Apache-2.0")
                .containsEntry("com.fasterxml.jackson.core:jackson-databind", "Apache-2.0")
                .containsEntry("org.yaml:snakeyaml", "Apache-2.0")
                // shaded into html-cleaner: the bundled pom.xml's "The MIT License"
                .containsEntry("org.jsoup:jsoup", "MIT")
                // no Maven metadata, no Bundle-License: META-INF/license.txt holds Apache-2.0 and ASM's BSD licence
                .containsEntry("spring-web", "Apache-2.0 AND BSD-3-Clause")
                // nothing declares gson's license inside gson-2.8.5.jar
                .containsEntry("com.google.code.gson:gson", LicenseDetector.NO_ASSERTION);
        for (String name : List.of("log4j-core", "jackson-databind", "snakeyaml")) {
            Package p = r.packages().stream().filter(x -> x.type().equals("maven") && x.name().endsWith(":" + name))
                    .findFirst().orElseThrow();
            assertThat(p.licenses()).as(name).containsExactly("Apache-2.0");
        }
        LicenseFinding gson = finding(r, "pkg:maven/com.google.code.gson/gson@");
        assertThat(gson.category()).isEqualTo("unknown");
        assertThat(gson.severity()).isEqualTo(Severity.UNKNOWN);
        assertThat(gson.path()).isEqualTo("app/boot-demo-1.0.0.jar!/BOOT-INF/lib/gson-2.8.5.jar");
    }

    @Test
    void debianPackagesGetTheLicensesOfTheirCopyrightFiles() throws IOException {
        ScanReport r = scan("debian-bookworm.docker.tar", LicensePolicy.defaults());
        List<Package> debs = r.packages().stream().filter(p -> p.type().equals("deb")).toList();
        assertThat(debs).hasSize(53).allSatisfy(p -> assertThat(p.licenses()).as(p.name()).isNotEmpty());
        List<LicenseFinding> findings = r.licenses();
        assertThat(findings).hasSize(53);
        long known = findings.stream().filter(f -> !f.category().equals("unknown")).count();
        assertThat(known).as("packages with a known category").isEqualTo(52);
        assertThat(findings).filteredOn(f -> f.category().equals("unknown")).singleElement()
                .satisfies(f -> assertThat(f.license()).isEqualTo("LicenseRef-BSD-variant")); // libbz2-1.0

        // the report's packages carry the normalised expressions: Debian's "GPL-2+" is GPL-2.0-or-later
        assertThat(pkg(r, "deb", "debianutils").licenses()).startsWith("GPL-2.0-or-later");
        assertThat(pkg(r, "deb", "libexpat1").licenses()).containsExactly("MIT");
        assertThat(pkg(r, "deb", "zlib1g").licenses()).containsExactly("Zlib");
        LicenseFinding zlib = finding(r, "pkg:deb/debian/zlib1g@");
        assertThat(zlib.license()).isEqualTo("Zlib");
        assertThat(zlib.category()).isEqualTo("notice");
        LicenseFinding busybox = finding(r, "pkg:deb/debian/busybox@");
        assertThat(busybox.license()).isEqualTo("GPL-2.0-only");
        assertThat(busybox.category()).isEqualTo("restricted");
        assertThat(busybox.severity()).isEqualTo(Severity.HIGH);
        assertThat(busybox.policy()).isEqualTo("warn");
        assertThat(busybox.layer()).isEqualTo(r.layers().getFirst().diffId());
        // the packages of a copyright file list all its licenses at once
        assertThat(finding(r, "pkg:deb/debian/libssl3@").license())
                .isEqualTo("Apache-2.0 AND (LicenseRef-Artistic OR GPL-1.0-or-later)");
        // libgcc-s1's doc directory links to gcc-12-base's: the file of the package of the same source is used
        LicenseFinding libgcc = finding(r, "pkg:deb/debian/libgcc-s1@");
        assertThat(libgcc.path()).isEqualTo("usr/share/doc/gcc-12-base/copyright");
        assertThat(libgcc.license()).isEqualTo(finding(r, "pkg:deb/debian/gcc-12-base@").license())
                .contains("GPL-3.0-or-later");
    }

    @Test
    void licensesSurviveTheLayerCache() throws IOException {
        LayerCache cache = new DirectoryLayerCache(scratch.resolve("cache"), registry().versionKey());
        ScanReport cold = scan("debian-bookworm.docker.tar", LicensePolicy.defaults(), cache);
        ScanReport warm = scan("debian-bookworm.docker.tar", LicensePolicy.defaults(), cache);
        assertThat(warm.layers()).allSatisfy(l -> assertThat(l.cached()).isTrue());
        assertThat(warm.licenses()).isEqualTo(cold.licenses()).hasSize(53);
        Function<ScanReport, List<List<String>>> licenses = r -> r.packages().stream().map(Package::licenses).toList();
        assertThat(licenses.apply(warm)).isEqualTo(licenses.apply(cold));
    }

    @Test
    void osOwnedAndIgnoredPackagesGetNoFindingButNormalisedLicenses() throws IOException {
        LicensePolicy policy = LicensePolicy.parse("ignore-packages: [pkg:pypi/six]", "test-policy.yaml");
        ScanReport r = scan("python-ruby-app.docker.tar", policy);
        // requests' metadata belongs to Debian's python3-requests: the deb package's finding stands for it
        Package requests = pkg(r, "pypi", "requests");
        assertThat(requests.ownedBy()).isEqualTo("python3-requests");
        assertThat(requests.licenses()).containsExactly("Apache-2.0");
        assertThat(r.licenses()).noneMatch(f -> f.purl() != null && f.purl().startsWith("pkg:pypi/requests@"));
        // six is ignored by the policy
        assertThat(pkg(r, "pypi", "six").licenses()).containsExactly("MIT");
        assertThat(r.licenses()).noneMatch(f -> f.purl() != null && f.purl().startsWith("pkg:pypi/six@"));
        // jinja2 is the application's own
        assertThat(finding(r, "pkg:pypi/jinja2@").license()).isEqualTo("BSD-3-Clause");
        // the metadata-only image holds no copyright file for python3-requests: nothing declares its license
        LicenseFinding deb = finding(r, "pkg:deb/debian/python3-requests@");
        assertThat(deb.license()).isEqualTo(LicenseDetector.NO_ASSERTION);
        assertThat(deb.path()).isEqualTo("var/lib/dpkg/status");
    }

    @Test
    void thePolicyDecidesPerPackage() throws IOException {
        LicensePolicy policy = LicensePolicy.parse("fail: [restricted]\nallow: [GPL-2.0-only]", "test-policy.yaml");
        ScanReport r = scan("debian-bookworm.docker.tar", policy);
        assertThat(finding(r, "pkg:deb/debian/busybox@").policy()).isEqualTo("allow");
        assertThat(finding(r, "pkg:deb/debian/busybox@").severity()).isEqualTo(Severity.LOW);
        assertThat(finding(r, "pkg:deb/debian/base-files@").policy()).isEqualTo("fail"); // GPL-2.0-or-later
        assertThat(finding(r, "pkg:deb/debian/zlib1g@").policy()).isEqualTo("allow");
    }
}
