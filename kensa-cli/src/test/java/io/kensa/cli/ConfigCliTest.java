package io.kensa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.core.ScanReport;
import io.kensa.core.misconfig.MisconfigFinding;
import io.kensa.core.vuln.Severity;
import io.kensa.match.filter.FilterOptions;
import io.kensa.match.filter.Gate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static io.kensa.cli.MainTest.assertOneLineError;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConfigCliTest {
    /** The Dockerfile of the acceptance check (shared/acceptance/findings.py, step_misconfig). */
    static final String ACCEPTANCE = "FROM debian:latest\nRUN apt-get update\nADD https://example.com/tool.tgz /opt/\n"
            + "ENV DB_PASSWORD=hunter2hunter2\nRUN sudo apt-get install -y curl\nCOPY . /app\nCMD [\"/app/run\"]\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path dockerfile(String text) throws Exception {
        return Files.writeString(dir.resolve("Dockerfile"), text);
    }

    @Test
    void theAcceptanceDockerfileAsJson() throws Exception {
        Path df = dockerfile(ACCEPTANCE);
        Path out = dir.resolve("report.json");
        Cli.Result r = Cli.run("config", df.toString(), "--format", "json", "--output", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEmpty();
        JsonNode report = JSON.readTree(out.toFile());
        assertThat(VulnerabilityCliTest.schemaErrors(report)).isEmpty();
        assertThat(report.path("artifact").path("type").asText()).isEqualTo("config");
        assertThat(report.path("artifact").path("name").asText()).isEqualTo(df.toString());
        List<String> hits = new ArrayList<>();
        for (JsonNode m : report.path("misconfigurations")) {
            assertThat(m.path("line").isInt()).as(m.toString()).isTrue();
            assertThat(m.path("source").asText()).isEqualTo("dockerfile");
            hits.add(m.path("id").asText() + "@" + m.path("line").asInt());
        }
        assertThat(hits).containsExactly("CIS-DI-0001@1", "CIS-DI-0006@1", "DKL-DI-0006@1", "CIS-DI-0007@2",
                "DKL-DI-0005@2", "CIS-DI-0009@3", "CIS-DI-0010@4", "DKL-DI-0001@5", "DKL-DI-0005@5");
        assertThat(Files.readString(out)).doesNotContain("hunter2");
    }

    @Test
    void theReportTheCommandBuilds() throws Exception {
        Path df = dockerfile(ACCEPTANCE);
        ConfigRun.Outcome o = ConfigRun.run(df.toString(), FilterOptions.none(), Set.of("DKL-DI-0005"),
                new Gate(4, false));
        ScanReport report = o.report();
        assertThat(report.artifact().type()).isEqualTo("config");
        assertThat(report.artifact().name()).isEqualTo(df.toString());
        assertThat(report.packages()).isEmpty();
        assertThat(report.misconfigurations()).extracting(MisconfigFinding::id).doesNotContain("DKL-DI-0005")
                .contains("CIS-DI-0007", "DKL-DI-0001");
        assertThat(report.warnings()).containsExactly("2 misconfigurations left out by --ignore DKL-DI-0005");
        assertThat(o.gate().exitCode()).isEqualTo(4);
        ConfigRun.Outcome high = ConfigRun.run(df.toString(), FilterOptions.none().withSeverities(
                EnumSet.of(Severity.CRITICAL)), Set.of(), new Gate(4, false));
        assertThat(high.report().misconfigurations()).isEmpty();
        assertThat(high.gate().fired()).isFalse();
    }

    @Test
    void exitCodeSeverityAndIgnores() throws Exception {
        Path df = dockerfile(ACCEPTANCE);
        Cli.Result gated = Cli.run("config", df.toString(), "--exit-code", "3", "--format", "json");
        assertThat(gated.exit()).isEqualTo(3);
        assertThat(gated.errLines()).containsExactly(
                "kensa: 9 misconfigurations remain after the filters (--exit-code 3)");
        Cli.Result onlyMedium = Cli.run("config", df.toString(), "--exit-code", "3", "--severity", "MEDIUM",
                "--format", "json");
        assertThat(ids(onlyMedium.out())).containsExactly("CIS-DI-0001", "DKL-DI-0006");
        assertThat(onlyMedium.exit()).isEqualTo(3);
        Cli.Result critical = Cli.run("config", df.toString(), "--exit-code", "3", "--severity", "CRITICAL");
        assertThat(critical.exit()).isZero();
        Cli.Result ignored = Cli.run("config", df.toString(), "--format", "json", "--ignore", "CIS-DI-0001,CIS-DI-0006",
                "--ignore", "DKL-DI-0006");
        assertThat(ids(ignored.out())).doesNotContain("CIS-DI-0001", "CIS-DI-0006", "DKL-DI-0006")
                .contains("CIS-DI-0007");
        Path rules = Files.writeString(dir.resolve("ignore.yaml"), """
                misconfigurations:
                  - id: DKL-DI-0005
                  - id: CIS-DI-0009
                    paths: ["**/Dockerfile"]
                    reason: the tool archive is verified in the next step
                """);
        Cli.Result file = Cli.run("config", df.toString(), "--format", "json", "--ignorefile", rules.toString());
        assertThat(ids(file.out())).doesNotContain("DKL-DI-0005", "CIS-DI-0009").contains("CIS-DI-0007");
    }

    @Test
    void aDirectoryInTheTableFormat() throws Exception {
        Files.createDirectories(dir.resolve("app/k8s"));
        Files.writeString(dir.resolve("app/Dockerfile"), "FROM alpine:3.19\nRUN apk add curl\nUSER 1000\n"
                + "HEALTHCHECK CMD true\n");
        Files.writeString(dir.resolve("app/k8s/pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n"
                + "spec:\n  hostPID: true\n  containers: []\n");
        Files.writeString(dir.resolve("app/Dockerfile.broken"), "FROM alpine\nFOO bar\n");
        Cli.Result r = Cli.run("config", dir.resolve("app").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("DKL-DI-0004").contains("KSV010").contains("Dockerfile.broken:2: unknown instruction: FOO");
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "json", "sarif", "cyclonedx", "spdx-json", "junit", "gitlab", "html"})
    void everyFormatWritesAConfigReport(String format) throws Exception {
        Path df = dockerfile(ACCEPTANCE);
        Cli.Result r = Cli.run("config", df.toString(), "--format", format);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isNotBlank().doesNotContain("hunter2");
    }

    @Test
    void badInputIsOneLine() throws Exception {
        assertOneLineError(Cli.run("config", dir.resolve("nope").toString()), "no such file or directory: "
                + dir.resolve("nope"));
        Path df = dockerfile("FROM debian:12\nFOO bar\n");
        assertOneLineError(Cli.run("config", df.toString()), df + ":2: unknown instruction: FOO");
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertOneLineError(Cli.run("config", fifo.toString()), fifo + ": not a regular file or directory");
        Path yaml = Files.writeString(dir.resolve("bad.yaml"), "apiVersion: v1\nkind: [Pod\n");
        assertOneLineError(Cli.run("config", yaml.toString()), "bad.yaml: not valid YAML (");
        Path ok = dockerfile(ACCEPTANCE);
        assertOneLineError(Cli.run("config", ok.toString(), "--severity", "SEVERE"), "unknown severity 'SEVERE'");
        assertOneLineError(Cli.run("config", ok.toString(), "--format", "xml"), "unknown format 'xml'");
        assertOneLineError(Cli.run("config", ok.toString(), "--exit-code", "300"), "--exit-code must be between 0 and 255");
        assertOneLineError(Cli.run("config"), "PATH");
    }

    private static Set<String> ids(String json) throws Exception {
        Set<String> ids = new TreeSet<>();
        JSON.readTree(json).path("misconfigurations").forEach(m -> ids.add(m.path("id").asText()));
        return ids;
    }
}
