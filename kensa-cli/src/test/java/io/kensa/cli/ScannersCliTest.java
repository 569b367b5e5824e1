package io.kensa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scanners other than vuln through the command line, on the corpus image with planted secrets, a setuid file,
 * the EICAR file and a root user: what each scanner reports, and that --severity, --ignore and the ignore file
 * apply to them before --exit-code.
 */
class ScannersCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE = Corpus.image("secrets-misconfig.docker.tar").toString();

    @TempDir
    Path dir;

    private Cli.Result scan(String... more) {
        List<String> args = new ArrayList<>(List.of("image", "--input", IMAGE, "--cache-dir", dir.resolve("cache")
                .toString(), "-q", "-f", "json"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static JsonNode json(Cli.Result r) throws IOException {
        return JSON.readTree(r.out());
    }

    private static Set<String> ids(JsonNode array, String field) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    @Test
    void everyScannerReportsItsFindingsWithTheirLayer() throws IOException {
        Cli.Result r = scan("--scanners", "secret,misconfig,license,malware");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode report = json(r);
        assertThat(ids(report.path("secrets"), "ruleId")).contains("aws-access-key-id", "aws-secret-access-key",
                "github-pat", "private-key");
        assertThat(ids(report.path("misconfigurations"), "id")).contains("CIS-DI-0001", "CIS-DI-0006",
                "CIS-DI-0007", "CIS-DI-0008", "CIS-DI-0009", "CIS-DI-0010", "DKL-DI-0001");
        assertThat(report.path("malware")).hasSize(1);
        assertThat(report.path("malware").get(0).path("path").asText()).isEqualTo("/tmp/eicar.com");
        assertThat(report.path("licenses").size()).as("one per package").isEqualTo(report.path("packages").size());
        assertThat(report.path("filesNotRead").path("secret: binary").asLong()).isPositive();
        assertThat(report.path("vulnerabilities")).isEmpty();
    }

    @Test
    void theGateFiresOnWhatSurvivesSeverityAndIgnoreOfEveryKind() throws IOException {
        Cli.Result all = scan("--scanners", "misconfig,malware", "--exit-code", "4");
        assertThat(all.exit()).isEqualTo(4);
        assertThat(all.errLines()).singleElement().asString().matches(
                "kensa: \\d+ misconfigurations, 1 malware finding remain after the filters \\(--exit-code 4\\)");

        // the malware finding (EICAR, LOW) and every LOW or MEDIUM check go with --severity; --ignore takes out
        // the HIGH checks one by one, and the ignore file the rest
        Cli.Result high = scan("--scanners", "misconfig,malware", "--exit-code", "4", "--severity", "HIGH,CRITICAL");
        Set<String> highIds = ids(json(high).path("misconfigurations"), "id");
        assertThat(highIds).contains("CIS-DI-0007", "CIS-DI-0009", "DKL-DI-0001").doesNotContain("CIS-DI-0006");
        assertThat(json(high).path("malware")).isEmpty();

        List<String> ignore = new ArrayList<>(List.copyOf(highIds));
        String last = ignore.removeLast();
        Files.writeString(dir.resolve("ignore.yaml"), "misconfigurations:\n  - id: " + last + "\n    reason: test\n");
        Cli.Result none = scan("--scanners", "misconfig,malware", "--exit-code", "4", "--severity", "HIGH,CRITICAL",
                "--ignore", String.join(",", ignore), "--ignorefile", dir.resolve("ignore.yaml").toString());
        assertThat(none.exit()).as(none.err()).isZero();
        assertThat(json(none).path("misconfigurations")).isEmpty();
        assertThat(json(none).path("warnings").toString()).doesNotContain("unused")
                .contains("misconfiguration: " + json(high).path("misconfigurations").size()
                        + " findings left out by the ignore rules");
    }

    @Test
    void scannerFlagsWithoutTheirScannerOrWithBadFilesAreOneLine() throws IOException {
        Files.writeString(dir.resolve("bad-hashes.txt"), "not-a-digest name\n");
        assertOneLine(scan("--scanners", "secret", "--clamd", "unix:///nonexistent/clamd.sock"),
                "kensa: --clamd and --malware-hashes need the malware scanner (--scanners ...,malware)");
        assertOneLine(scan("--scanners", "malware", "--clamd", "unix:///nonexistent/clamd.sock"), "kensa: clamd at");
        assertOneLine(scan("--scanners", "malware", "--malware-hashes", dir.resolve("bad-hashes.txt").toString()),
                "kensa: malware hash list");
        assertOneLine(scan("--scanners", "vuln", "--secret-config", dir.resolve("none.yaml").toString()),
                "kensa: --secret-config needs the secret scanner");
        assertOneLine(scan("--scanners", "secret", "--secret-config", dir.resolve("none.yaml").toString()),
                "kensa: secret config");
        assertOneLine(scan("--scanners", "license", "--license-policy", dir.resolve("none.yaml").toString()),
                "kensa: ");
        assertThat(dir.resolve("cache").resolve("layers")).as("no layer was read").doesNotExist();
    }

    private static void assertOneLine(Cli.Result r, String prefix) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().startsWith(prefix);
    }
}
