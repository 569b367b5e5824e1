package io.kensa.analyze.misconfig;

import io.kensa.analyze.misconfig.dockerfile.DockerfileException;
import io.kensa.core.KensaException;
import io.kensa.core.misconfig.MisconfigFinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigScannerTest {
    static final String BAD_DOCKERFILE = "FROM alpine:3.19\nRUN apt-get update\n";
    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              hostNetwork: true
              containers: []
            """;

    @TempDir
    Path dir;

    private Path write(String relative, String text) throws Exception {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    @Test
    void directoryScanFindsDockerfilesAndManifests(@TempDir Path outside) throws Exception {
        write("Dockerfile", BAD_DOCKERFILE);
        write("build/api.Dockerfile", BAD_DOCKERFILE);
        write("build/Dockerfile.worker", BAD_DOCKERFILE);
        write("build/Containerfile", BAD_DOCKERFILE);
        write("build/Dockerfile.dockerignore", "node_modules\n");
        write("deploy/pod.yaml", POD);
        write("deploy/values.yml", "replicas: 3\nimage: {tag: latest}\n");
        write(".github/workflows/ci.yml", "on: [push]\njobs: {}\n");
        write(".git/Dockerfile", BAD_DOCKERFILE);
        write("web/node_modules/pkg/Dockerfile", BAD_DOCKERFILE);
        write("broken/Dockerfile", "FROM alpine\nNOTANINSTRUCTION x\n");
        write("broken/bad.yaml", "a: [1\n");
        Path secretDockerfile = Files.writeString(outside.resolve("Dockerfile"), BAD_DOCKERFILE);
        Files.createSymbolicLink(dir.resolve("linked.Dockerfile"), secretDockerfile);
        Files.createSymbolicLink(dir.resolve("linked-dir"), outside);

        ConfigScanner.Result r = ConfigScanner.scan(dir, dir.toString());

        assertThat(r.dockerfiles()).isEqualTo(4);
        assertThat(r.manifests()).isEqualTo(1);
        assertThat(r.findings()).extracting(MisconfigFinding::path).containsOnly("Dockerfile",
                "build/api.Dockerfile", "build/Dockerfile.worker", "build/Containerfile", "deploy/pod.yaml");
        assertThat(r.findings()).filteredOn(f -> f.path().equals("deploy/pod.yaml"))
                .extracting(MisconfigFinding::id, MisconfigFinding::line).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("KSV009", 5));
        assertThat(r.findings()).filteredOn(f -> f.path().equals("Dockerfile")).extracting(MisconfigFinding::id)
                .containsExactly("CIS-DI-0001", "CIS-DI-0006", "CIS-DI-0007", "DKL-DI-0005");
        assertThat(r.warnings()).containsExactly(
                "broken/Dockerfile:2: unknown instruction: NOTANINSTRUCTION",
                "broken/bad.yaml: not valid YAML (" + r.warnings().get(1).substring(
                        "broken/bad.yaml: not valid YAML (".length()));
    }

    @Test
    void oneFile() throws Exception {
        Path df = write("app/build.docker", BAD_DOCKERFILE);
        ConfigScanner.Result r = ConfigScanner.scan(df, "app/build.docker");
        assertThat(r.dockerfiles()).isEqualTo(1);
        assertThat(r.findings()).allMatch(f -> f.path().equals("app/build.docker"));
        Path pod = write("pod.yml", POD);
        assertThat(ConfigScanner.scan(pod, "pod.yml").findings()).extracting(MisconfigFinding::id)
                .containsExactly("KSV009");
        Path other = write("compose.yaml", "services: {web: {image: nginx}}\n");
        ConfigScanner.Result none = ConfigScanner.scan(other, "compose.yaml");
        assertThat(none.findings()).isEmpty();
        assertThat(none.warnings()).containsExactly("compose.yaml: no Kubernetes object (apiVersion and kind) in it");
    }

    @Test
    void badInputIsAnError() throws Exception {
        assertThatThrownBy(() -> ConfigScanner.scan(dir.resolve("missing"), "missing"))
                .isInstanceOf(KensaException.class).hasMessage("no such file or directory: missing");
        Path broken = write("Dockerfile", "FROM alpine\nRUN <<EOF\necho\n");
        assertThatThrownBy(() -> ConfigScanner.scan(broken, "Dockerfile")).isInstanceOf(DockerfileException.class)
                .hasMessage("Dockerfile:2: unterminated here-document <<EOF (no line 'EOF')");
        Path badYaml = write("k.yaml", "apiVersion: v1\nkind: [\n");
        assertThatThrownBy(() -> ConfigScanner.scan(badYaml, "k.yaml")).isInstanceOf(KensaException.class)
                .hasMessageStartingWith("k.yaml: not valid YAML (");
        Path big = dir.resolve("big/Dockerfile");
        Files.createDirectories(big.getParent());
        Files.write(big, new byte[(4 << 20) + 1]);
        assertThatThrownBy(() -> ConfigScanner.scan(big, "big/Dockerfile"))
                .hasMessage("big/Dockerfile: larger than 4194304 bytes, not read");
        List<String> none = ConfigScanner.scan(Files.createDirectories(dir.resolve("empty")), "empty").warnings();
        assertThat(none).isEmpty();
    }
}
