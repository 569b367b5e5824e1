package io.kensa.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kensa.core.Artifact;
import io.kensa.core.LayerSummary;
import io.kensa.core.OsInfo;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import io.kensa.core.SourcePackage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReporterTest {
    private static final String L0 = "sha256:" + "a".repeat(64);
    private static final String L1 = "sha256:" + "b".repeat(64);

    static ScanReport sample() {
        Package libc = new Package("deb", "libc6", "2.36-9+deb12u14", "amd64", new SourcePackage("glibc", "2.36-9+deb12u14"),
                List.of(), null, null, "pkg:deb/debian/libc6@2.36-9%2Bdeb12u14?arch=amd64&distro=debian-12.15", L0,
                List.of("var/lib/dpkg/status"));
        Package rpm = new Package("rpm", "libuuid", "2.32.1-42.el8_8", "x86_64", new SourcePackage("util-linux", "2.32.1-42.el8_8"),
                List.of("BSD"), "Red Hat, Inc.", null, null, L1, List.of("var/lib/rpm/Packages"));
        return new ScanReport(Instant.parse("2026-11-23T00:00:00Z"),
                new Artifact("img.tar", "image", "sha256:" + "c".repeat(64), List.of(), new OsInfo("debian", "12.15", "Debian"), "amd64"),
                List.of(new LayerSummary(L0, "sha256:" + "d".repeat(64), 10, "ADD file in /", true),
                        new LayerSummary(L1, "sha256:" + "e".repeat(64), 20, null, false)),
                List.of(libc, rpm), List.of("a warning"));
    }

    @Test
    void reportFollowsTheContractAndValidatesAgainstTheSchema() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonReporter().write(sample(), out);
        JsonNode report = new ObjectMapper().readTree(out.toByteArray());

        Schema schema = reportSchema();
        List<Error> errors = schema.validate(report);
        assertThat(errors).isEmpty();

        assertThat(report.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(report.at("/artifact/os/family").asText()).isEqualTo("debian");
        assertThat(report.at("/layers/0/diffID").asText()).isEqualTo(L0);
        assertThat(report.at("/layers/0/cached").asBoolean()).isTrue();
        assertThat(report.at("/layers/1/cached").asBoolean()).isFalse();
        assertThat(report.at("/packages/0/layer").asText()).isEqualTo(L0);
        assertThat(report.at("/packages/0/paths/0").asText()).isEqualTo("var/lib/dpkg/status");
        assertThat(report.at("/packages/0/source/name").asText()).isEqualTo("glibc");
        assertThat(report.at("/packages/1/vendor").asText()).isEqualTo("Red Hat, Inc.");
        assertThat(report.at("/warnings/0").asText()).isEqualTo("a warning");
    }

    @Test
    void schemaRejectsAPackageWithoutLayerOrMalformedDigest() throws Exception {
        Schema schema = reportSchema();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonReporter().write(sample(), out);
        ObjectMapper json = new ObjectMapper();
        JsonNode noLayer = json.readTree(out.toByteArray());
        ((com.fasterxml.jackson.databind.node.ObjectNode) noLayer.at("/packages/0")).remove("layer");
        assertThat(schema.validate(noLayer)).isNotEmpty();
        JsonNode badDigest = json.readTree(out.toByteArray());
        ((com.fasterxml.jackson.databind.node.ObjectNode) badDigest.at("/layers/0")).put("diffID", "sha256:xyz");
        assertThat(schema.validate(badDigest)).isNotEmpty();
    }

    private static Schema reportSchema() throws Exception {
        try (InputStream in = JsonReporter.class.getResourceAsStream("kensa-report.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new ObjectMapper().readTree(in));
        }
    }

    @Test
    void tableListsLayersAndPackages() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TableReporter().write(sample(), out);
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("img.tar (image, debian 12.15)").contains("libc6").contains("2.36-9+deb12u14")
                .contains("OS packages: 2").contains("warning: a warning").doesNotContain("Application packages");
        assertThat(text.lines().filter(l -> l.startsWith("deb ")).findFirst().orElseThrow()).endsWith("L0");
    }

    /** The sample plus application packages: a jar nested in a war, an npm dev dependency, a deb-owned pypi package. */
    static ScanReport withApplicationPackages() {
        ScanReport base = sample();
        List<Package> packages = new java.util.ArrayList<>(base.packages());
        packages.add(Package.application("maven", "commons-fileupload:commons-fileupload", "1.3.1", List.of("Apache-2.0"),
                        "app/webapps/legacy-webapp-2.3.1.war!/WEB-INF/lib/commons-fileupload-1.3.1.jar", "pom.properties")
                .withSha1("c621b54583719ac0310404463d6d99db27e1052c").withLayer(L1)
                .withPurl("pkg:maven/commons-fileupload/commons-fileupload@1.3.1"));
        packages.add(Package.application("npm", "@babel/core", "7.24.0", List.of("MIT"), "app/package-lock.json",
                "package-lock.json").withDev(true).withLayer(L1).withPurl("pkg:npm/%40babel/core@7.24.0"));
        packages.add(Package.application("pypi", "PyYAML", "6.0", List.of("MIT"),
                        "usr/lib/python3/dist-packages/PyYAML-6.0.dist-info/METADATA", "METADATA")
                .withOwnedBy("python3-yaml").withLayer(L1).withPurl("pkg:pypi/pyyaml@6.0")
                .withPaths(List.of("usr/lib/python3/dist-packages/PyYAML-6.0.dist-info/METADATA",
                        "usr/lib/python3/dist-packages/PyYAML-6.0.dist-info/RECORD")));
        return new ScanReport(base.createdAt(), base.artifact(), base.layers(), packages, base.warnings());
    }

    @Test
    void applicationPackageFieldsAreInTheReportAndTheSchema() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonReporter().write(withApplicationPackages(), out);
        ObjectMapper json = new ObjectMapper();
        JsonNode report = json.readTree(out.toByteArray());

        assertThat(reportSchema().validate(report)).isEmpty();
        JsonNode jar = report.at("/packages/2");
        assertThat(jar.path("sha1").asText()).isEqualTo("c621b54583719ac0310404463d6d99db27e1052c");
        assertThat(jar.path("foundBy").asText()).isEqualTo("pom.properties");
        assertThat(jar.path("paths").get(0).asText()).endsWith(".war!/WEB-INF/lib/commons-fileupload-1.3.1.jar");
        assertThat(jar.has("dev")).isFalse();
        assertThat(jar.has("ownedBy")).isFalse();
        assertThat(report.at("/packages/3/dev").asBoolean()).isTrue();
        assertThat(report.at("/packages/4/ownedBy").asText()).isEqualTo("python3-yaml");

        JsonNode badSha1 = json.readTree(out.toByteArray());
        ((com.fasterxml.jackson.databind.node.ObjectNode) badSha1.at("/packages/2")).put("sha1", "C621B545");
        assertThat(reportSchema().validate(badSha1)).isNotEmpty();
        JsonNode stringDev = json.readTree(out.toByteArray());
        ((com.fasterxml.jackson.databind.node.ObjectNode) stringDev.at("/packages/3")).put("dev", "yes");
        assertThat(reportSchema().validate(stringDev)).isNotEmpty();
    }

    @Test
    void tableListsApplicationPackagesApartWithWhereTheyWereFound() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TableReporter().write(withApplicationPackages(), out);
        List<String> lines = out.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();

        assertThat(lines).contains("OS packages: 2", "Application packages: 3");
        int header = lines.indexOf("Application packages: 3") + 1;
        assertThat(lines.get(header)).matches("TYPE +NAME +VERSION +LAYER +NOTE +PATH");
        assertThat(lines.get(header + 2)).matches(
                "maven +commons-fileupload:commons-fileupload +1\\.3\\.1 +L1 +app/webapps/legacy-webapp-2\\.3\\.1\\.war!/WEB-INF/lib/commons-fileupload-1\\.3\\.1\\.jar");
        assertThat(lines.get(header + 3)).matches("npm +@babel/core +7\\.24\\.0 +L1 +dev +app/package-lock\\.json");
        assertThat(lines.get(header + 4)).matches(
                "pypi +PyYAML +6\\.0 +L1 +os:python3-yaml +usr/lib/python3/dist-packages/PyYAML-6\\.0\\.dist-info/METADATA \\(\\+1\\)");
    }
}
