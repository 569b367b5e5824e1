package io.kensa.image.registry;

import io.kensa.core.KensaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DockerConfigFileTest {
    @TempDir
    Path dir;

    private DockerConfigFile write(String json) throws IOException {
        return DockerConfigFile.load(Files.writeString(dir.resolve("config.json"), json));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void locatesConfigLikeDocker() {
        assertThat(DockerConfigFile.locate(Map.of("DOCKER_CONFIG", "/etc/dc"), "/home/u")).isEqualTo(Path.of("/etc/dc/config.json"));
        assertThat(DockerConfigFile.locate(Map.of(), "/home/u")).isEqualTo(Path.of("/home/u/.docker/config.json"));
    }

    @Test
    void readsAuthEntriesUnderDockersKeyForms() throws IOException {
        DockerConfigFile config = write("""
                {"auths": {
                  "https://index.docker.io/v1/": {"auth": "%s"},
                  "127.0.0.1:5000": {"auth": "%s"},
                  "https://ghcr.io/v2/": {"username": "gh", "password": "pat"},
                  "quay.io": {"identitytoken": "refresh-me"},
                  "empty.example": {}
                }}""".formatted(b64("hubuser:hub:pass"), b64("local:secret")));
        assertThat(config.inlineCredentials("docker.io")).hasValueSatisfying(c -> {
            assertThat(c.username()).isEqualTo("hubuser");
            assertThat(c.password()).isEqualTo("hub:pass");
        });
        assertThat(config.inlineCredentials("127.0.0.1:5000")).hasValueSatisfying(c -> assertThat(c.password()).isEqualTo("secret"));
        assertThat(config.inlineCredentials("ghcr.io")).hasValueSatisfying(c -> assertThat(c.username()).isEqualTo("gh"));
        assertThat(config.inlineCredentials("quay.io")).hasValueSatisfying(c -> assertThat(c.identityToken()).isEqualTo("refresh-me"));
        assertThat(config.inlineCredentials("empty.example")).isEmpty();
        assertThat(config.inlineCredentials("127.0.0.1:5001")).isEmpty();
        assertThat(config.inlineCredentials("docker.io").orElseThrow().toString()).doesNotContain("hub:pass");
    }

    @Test
    void namesHelpersPerRegistryAndByDefault() throws IOException {
        DockerConfigFile config = write("""
                {"credHelpers": {"http://127.0.0.1:5000": "kensatest", "index.docker.io": "hub"}, "credsStore": "desktop"}""");
        assertThat(config.credentialHelper("127.0.0.1:5000")).hasValue("kensatest");
        assertThat(config.credentialHelper("docker.io")).hasValue("hub");
        assertThat(config.credentialHelper("ghcr.io")).isEmpty();
        assertThat(config.credentialStore()).hasValue("desktop");
        assertThat(DockerConfigFile.serverKey("docker.io")).isEqualTo("https://index.docker.io/v1/");
        assertThat(DockerConfigFile.serverKey("127.0.0.1:5000")).isEqualTo("127.0.0.1:5000");
    }

    @Test
    void missingFileIsEmptyAndBrokenFilesFailWithOneLine() throws IOException {
        assertThat(DockerConfigFile.load(dir.resolve("absent.json")).inlineCredentials("docker.io")).isEmpty();
        assertThatThrownBy(() -> write("{not json")).isInstanceOf(KensaException.class).hasMessageContaining("not valid JSON");
        DockerConfigFile badAuth = write("{\"auths\": {\"r.example\": {\"auth\": \"%%%\"}}}");
        assertThatThrownBy(() -> badAuth.inlineCredentials("r.example")).isInstanceOf(KensaException.class)
                .hasMessageContaining("not valid base64");
        // a directory means its config.json
        assertThat(DockerConfigFile.load(dir).file()).isEqualTo(dir.resolve("config.json"));
    }
}
