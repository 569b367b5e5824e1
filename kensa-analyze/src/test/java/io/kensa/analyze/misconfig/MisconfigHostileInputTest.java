package io.kensa.analyze.misconfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kensa.analyze.inventory.Inventory;
import io.kensa.analyze.misconfig.checks.ScriptChecks;
import io.kensa.analyze.misconfig.checks.SensitiveNames;
import io.kensa.analyze.misconfig.dockerfile.DockerfileChecks;
import io.kensa.analyze.misconfig.dockerfile.DockerfileParser;
import io.kensa.analyze.misconfig.image.ImageMisconfigDetector;
import io.kensa.core.Artifact;
import io.kensa.core.Digest;
import io.kensa.core.ScanReport;
import io.kensa.core.misconfig.MisconfigFinding;
import io.kensa.image.oci.ImageConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Image configs and Dockerfiles are hostile input: inputs shaped to make a naive parser quadratic (long runs without
 * separators, many flags, many build arguments, many commands, many credential-like variables) must finish and stay
 * bounded. The timeout is a hang guard, not a measurement.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MisconfigHostileInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<MisconfigFinding> image(List<String> createdBy, List<String> env) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.put("architecture", "amd64").put("os", "linux");
        ObjectNode config = root.putObject("config");
        config.put("User", "app");
        config.putObject("Healthcheck").putArray("Test").add("CMD").add("true");
        ArrayNode e = config.putArray("Env");
        env.forEach(e::add);
        ArrayNode history = root.putArray("history");
        createdBy.forEach(c -> history.addObject().put("created_by", c).put("empty_layer", true));
        root.putObject("rootfs").put("type", "layers").putArray("diff_ids");
        ImageConfig c = ImageConfig.parse(new Digest("sha256", "0".repeat(64)), JSON.writeValueAsBytes(root));
        ScanReport r = new ScanReport(Instant.EPOCH, new Artifact("x:1", "image", null, List.of(), null, null),
                List.of(), List.of(), List.of());
        return new ImageMisconfigDetector(List.of(), true).apply(r, new Inventory(null, List.of(), List.of()), c)
                .misconfigurations();
    }

    @Test
    void longHistoryLines() throws Exception {
        String manyArgs = "RUN |9999 " + "A=b ".repeat(9_999) + "/bin/sh -c sudo true && " + "echo x && ".repeat(100_000);
        String noSeparators = "a".repeat(2_000_000);
        String shells = "/bin/sh -c " + "sh ".repeat(300_000) + "x";
        String commands = "/bin/sh -c " + "apt-get update;".repeat(60_000);
        String flags = "RUN " + "--mount=type=cache,target=/x ".repeat(100_000) + "/bin/sh -c true";
        List<MisconfigFinding> found = image(List.of(manyArgs, noSeparators, shells, commands, flags), List.of());
        assertThat(found).extracting(MisconfigFinding::id)
                .containsExactly("DKL-DI-0001", "CIS-DI-0007", "DKL-DI-0005");
        assertThat(SensitiveNames.maskAssignments(noSeparators)).isEqualTo(noSeparators);
        assertThat(ScriptChecks.check(shells, Set.of(), false)).isEmpty();
    }

    @Test
    void manyCredentialLikeVariables() throws Exception {
        List<String> env = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder("/bin/sh -c #(nop)  ENV");
        for (int i = 0; i < 20_000; i++) {
            env.add("TOKEN_" + i + "=value" + i + "xyz");
            line.append(" TOKEN_").append(i).append("=value").append(i).append("xyz");
        }
        List<MisconfigFinding> found = image(List.of(line.toString()), env);
        assertThat(found).hasSize(1000).allMatch(f -> f.id().equals("CIS-DI-0010"));
        assertThat(found.getFirst().evidence().get(1)).doesNotContain("value0xyz").contains("TOKEN_0=********");
    }

    @Test
    void hostileDockerfiles() {
        String flags = "FROM alpine:3.19\nRUN " + "--network=none ".repeat(200_000) + "sudo true\nUSER 1\n"
                + "HEALTHCHECK CMD true\n";
        assertThat(DockerfileChecks.run(DockerfileParser.parse(flags, "Dockerfile"), "Dockerfile"))
                .extracting(MisconfigFinding::id).containsExactly("DKL-DI-0001");
        String braces = "FROM alpine:3.19\nLABEL x=" + "${a:-".repeat(100_000) + "\nUSER 1\nHEALTHCHECK CMD true\n";
        assertThat(DockerfileChecks.run(DockerfileParser.parse(braces, "Dockerfile"), "Dockerfile")).isEmpty();
        String continued = "FROM alpine:3.19\nRUN true \\\n" + "# comment\n".repeat(200_000) + "  && sudo true\n"
                + "USER 1\nHEALTHCHECK CMD true\n";
        List<MisconfigFinding> f = DockerfileChecks.run(DockerfileParser.parse(continued, "Dockerfile"), "Dockerfile");
        assertThat(f).extracting(MisconfigFinding::id, MisconfigFinding::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DKL-DI-0001", 2));
    }
}
