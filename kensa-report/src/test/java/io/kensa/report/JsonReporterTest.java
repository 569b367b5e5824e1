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
                .contains("Packages: 2").contains("warning: a warning");
        assertThat(text.lines().filter(l -> l.startsWith("deb ")).findFirst().orElseThrow()).endsWith("L0");
    }
}
