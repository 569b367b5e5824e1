package io.kensa.image.registry;

import io.kensa.core.Digest;
import io.kensa.image.source.LayerRef;
import io.kensa.image.source.RegistrySource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static io.kensa.image.registry.RegistryTestSupport.insecureOptions;
import static io.kensa.image.registry.RegistryTestSupport.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real docker-registry with htpasswd (HTTP Basic) authentication: credentials from options, config.json, helpers. */
@Timeout(120)
class BasicAuthRegistryTest {
    private static final String USER = "kensa";
    private static final String PASSWORD = "s3cret-pass";
    private static final String IMAGE = "kensa/distroless:debian12";

    @RegisterExtension
    static LocalRegistry registry = LocalRegistry.htpasswd(USER, PASSWORD);

    @TempDir
    Path temp;

    @BeforeAll
    static void push() {
        registry.pushDockerArchive(TestImages.image("debian-distroless.docker.tar"), IMAGE);
    }

    private void assertReadable(RegistryOptions options) throws IOException {
        try (RegistrySource source = RegistrySource.open(registry.reference(IMAGE), options)) {
            assertThat(source.layers()).hasSize(2);
            LayerRef first = source.layers().getFirst();
            assertThat(sha256(source.openBlob(first))).isEqualTo(first.digest());
        }
    }

    @Test
    void credentialsFromOptionsWork() throws IOException {
        assertReadable(insecureOptions(temp).withCredentials(USER, PASSWORD));
    }

    @Test
    void credentialsFromDockerConfigAuthsWork() throws IOException {
        String auth = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        Path config = Files.writeString(temp.resolve("config.json"),
                "{\"auths\":{\"" + registry.host() + "\":{\"auth\":\"" + auth + "\"}}}");
        assertReadable(insecureOptions(temp).withDockerConfig(config));
        // the directory form (DOCKER_CONFIG) and a key with scheme and path, with username/password fields
        Path dir = Files.createDirectory(temp.resolve("dockercfg"));
        Files.writeString(dir.resolve("config.json"), "{\"auths\":{\"http://" + registry.host() + "/v2/\":{\"username\":\""
                + USER + "\",\"password\":\"" + PASSWORD + "\"}}}");
        assertReadable(insecureOptions(temp).withDockerConfig(dir));
    }

    @Test
    void credentialsFromAHelperNamedInCredHelpersWork() throws IOException {
        Path bin = helper("kensatest");
        Path config = Files.writeString(temp.resolve("config.json"),
                "{\"credHelpers\":{\"" + registry.host() + "\":\"kensatest\"}}");
        RegistryOptions options = insecureOptions(temp).withDockerConfig(config)
                .withClient(insecureOptions(temp).client().withHelperSearchPath(List.of(temp.resolve("empty"), bin)));
        assertReadable(options);
        assertThat(Files.readAllLines(bin.resolve("requests.log"))).containsExactly("get " + registry.host());
    }

    @Test
    void credentialsFromTheDefaultCredsStoreWork() throws IOException {
        Path bin = helper("kensatest");
        Path config = Files.writeString(temp.resolve("config.json"), "{\"credsStore\":\"kensatest\"}");
        RegistryOptions options = insecureOptions(temp).withDockerConfig(config)
                .withClient(insecureOptions(temp).client().withHelperSearchPath(List.of(bin)));
        assertReadable(options);
    }

    @Test
    void aHelperWithoutCredentialsForTheRegistryMeansAuthenticationRequired() throws IOException {
        Path bin = helper("kensatest");
        Path config = Files.writeString(temp.resolve("config.json"), "{\"credHelpers\":{\"" + registry.host() + "\":\"kensatest\"}}");
        Files.writeString(bin.resolve("server"), "other.example");
        RegistryOptions options = insecureOptions(temp).withDockerConfig(config)
                .withClient(insecureOptions(temp).client().withHelperSearchPath(List.of(bin)));
        assertThatThrownBy(() -> RegistrySource.open(registry.reference(IMAGE), options))
                .satisfies(RegistryTestSupport::assertOneLine)
                .hasMessageContaining("requires authentication");
    }

    @Test
    void aMissingOrHangingHelperFailsWithOneLine() throws IOException {
        Path config = Files.writeString(temp.resolve("config.json"), "{\"credHelpers\":{\"" + registry.host() + "\":\"absent\"}}");
        RegistryOptions missing = insecureOptions(temp).withDockerConfig(config);
        assertThatThrownBy(() -> RegistrySource.open(registry.reference(IMAGE), missing))
                .satisfies(RegistryTestSupport::assertOneLine)
                .hasMessageContaining("docker-credential-absent").hasMessageContaining("not found");

        Path bin = Files.createDirectory(temp.resolve("slow"));
        Path slow = bin.resolve("docker-credential-slow");
        Files.writeString(slow, "#!/bin/sh\nsleep 30\n");
        Files.setPosixFilePermissions(slow, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path slowConfig = Files.writeString(temp.resolve("slow.json"), "{\"credsStore\":\"slow\"}");
        ClientSettings settings = insecureOptions(temp).client().withHelperSearchPath(List.of(bin));
        settings = new ClientSettings(settings.connectTimeout(), settings.responseTimeout(), settings.readTimeout(),
                settings.retry(), settings.maxRedirects(), settings.helperSearchPath(), Duration.ofSeconds(1));
        RegistryOptions hanging = insecureOptions(temp).withDockerConfig(slowConfig).withClient(settings);
        long start = System.nanoTime();
        assertThatThrownBy(() -> RegistrySource.open(registry.reference(IMAGE), hanging))
                .satisfies(RegistryTestSupport::assertOneLine)
                .hasMessageContaining("docker-credential-slow did not answer within 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void wrongCredentialsFailWithOneLine() {
        assertThatThrownBy(() -> RegistrySource.open(registry.reference(IMAGE), insecureOptions(temp).withCredentials(USER, "not-the-pass-9731")))
                .satisfies(RegistryTestSupport::assertOneLine)
                .hasMessageContaining("authentication failed for registry " + registry.host())
                .hasMessageContaining("--username/--password")
                .hasMessageNotContaining("not-the-pass-9731");
    }

    @Test
    void noCredentialsFailWithOneLine() {
        assertThatThrownBy(() -> RegistrySource.open(registry.reference(IMAGE), insecureOptions(temp)))
                .satisfies(RegistryTestSupport::assertOneLine)
                .hasMessageContaining("registry " + registry.host() + " requires authentication")
                .hasMessageContaining("--username");
    }

    @Test
    void basicAuthIsSentAtOnceAfterTheFirstChallenge() throws IOException {
        try (LoopbackFront front = LoopbackFront.proxyTo(registry.baseUri());
             RegistrySource source = RegistrySource.open(front.host() + "/" + IMAGE,
                     insecureOptions(temp).withCredentials(USER, PASSWORD))) {
            for (LayerRef layer : source.layers()) {
                Digest actual = sha256(source.openBlob(layer));
                assertThat(actual).isEqualTo(layer.digest());
            }
            List<LoopbackFront.Recorded> requests = front.requests();
            assertThat(requests.getFirst().authorization()).as("first request is anonymous").isNull();
            assertThat(requests.subList(1, requests.size())).as("every later request carries Basic credentials")
                    .allSatisfy(r -> assertThat(r.authorization()).startsWith("Basic "));
            assertThat(requests).hasSize(5); // challenge, manifest, config, two layers
        }
    }

    /** A docker-credential-NAME script that knows the registry's credentials and logs what it was asked. */
    private Path helper(String name) throws IOException {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Files.writeString(bin.resolve("server"), registry.host());
        Path script = bin.resolve("docker-credential-" + name);
        Files.writeString(script, """
                #!/bin/sh
                dir=$(dirname "$0")
                server=$(cat)
                echo "$1 $server" >> "$dir/requests.log"
                if [ "$1" = get ] && [ "$server" = "$(cat "$dir/server")" ]; then
                  printf '{"ServerURL":"%%s","Username":"%s","Secret":"%s"}\\n' "$server"
                  exit 0
                fi
                echo "credentials not found in native keychain"
                exit 1
                """.formatted(USER, PASSWORD));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }
}
