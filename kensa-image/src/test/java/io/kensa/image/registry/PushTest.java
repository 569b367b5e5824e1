package io.kensa.image.registry;

import io.kensa.core.Digest;
import io.kensa.core.KensaException;
import io.kensa.image.layer.Blobs;
import io.kensa.image.oci.ManifestDocument;
import io.kensa.image.oci.MediaTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static io.kensa.image.registry.RegistryTestSupport.insecureOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pushing blobs and manifests to Debian's docker-registry on loopback, anonymous, with htpasswd and with token
 * authentication, and reading them back with the same client.
 */
@Timeout(120)
class PushTest {
    private static final String USER = "pusher";
    private static final String PASSWORD = "push-Pa55";
    private static LocalRegistry open;
    private static LocalRegistry basic;
    private static LocalRegistry token;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() {
        open = LocalRegistry.anonymous().start();
        basic = LocalRegistry.htpasswd(USER, PASSWORD).start();
        token = LocalRegistry.tokenAuth(USER, PASSWORD).start();
    }

    @AfterAll
    static void stop() {
        open.close();
        basic.close();
        token.close();
    }

    /** A 3 MiB blob from a file (larger than one HTTP client buffer), a small config and an OCI manifest. */
    private record Pushed(Digest manifest, Digest layer, byte[] layerBytes, Digest config, byte[] configBytes) {
    }

    private Pushed push(LocalRegistry registry, RegistryOptions options, String repository, String tag) throws Exception {
        byte[] layer = new byte[3 << 20];
        new Random(7).nextBytes(layer);
        Path layerFile = Files.write(temp.resolve("layer.bin"), layer);
        byte[] config = "{\"kensa\":\"test\"}".getBytes(StandardCharsets.UTF_8);
        Digest layerDigest = Blobs.digest("sha256", layer);
        Digest configDigest = Blobs.digest("sha256", config);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\","
                + "\"artifactType\":\"application/vnd.kensa.test.v1\","
                + "\"config\":{\"mediaType\":\"application/vnd.kensa.test.config.v1+json\",\"digest\":\"" + configDigest
                + "\",\"size\":" + config.length + "},"
                + "\"layers\":[{\"mediaType\":\"application/vnd.kensa.test.layer.v1\",\"digest\":\"" + layerDigest
                + "\",\"size\":" + layer.length + "}]}").getBytes(StandardCharsets.UTF_8);
        try (RegistryClient client = RegistryClient.create(registry.host(), options)) {
            assertThat(client.blobExists(repository, layerDigest)).isFalse();
            client.uploadBlob(repository, layerDigest, HttpRequest.BodyPublishers.ofFile(layerFile));
            client.uploadBlob(repository, configDigest, HttpRequest.BodyPublishers.ofByteArray(config));
            assertThat(client.blobExists(repository, layerDigest)).isTrue();
            assertThat(client.blobExists(repository, configDigest)).isTrue();
            Digest digest = client.putManifest(repository, tag, MediaTypes.OCI_MANIFEST, manifest);
            assertThat(digest).isEqualTo(Blobs.digest("sha256", manifest));
            return new Pushed(digest, layerDigest, layer, configDigest, config);
        }
    }

    private static void assertReadBack(LocalRegistry registry, RegistryOptions options, String repository, String tag,
                                       Pushed pushed) throws Exception {
        try (RegistryClient client = RegistryClient.create(registry.host(), options)) {
            FetchedManifest manifest = client.fetchManifest(repository, tag, null);
            assertThat(manifest.digest()).isEqualTo(pushed.manifest());
            assertThat(manifest.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
            ManifestDocument.Manifest m = (ManifestDocument.Manifest) manifest.document();
            assertThat(m.layers()).singleElement().satisfies(l -> assertThat(l.digest()).isEqualTo(pushed.layer()));
            assertThat(client.readBlob(repository, pushed.config(), 1024)).isEqualTo(pushed.configBytes());
            try (var in = client.openBlob(repository, pushed.layer(), pushed.layerBytes().length)) {
                assertThat(in.readAllBytes()).isEqualTo(pushed.layerBytes());
            }
            assertThat(client.fetchManifest(repository, pushed.manifest().toString(), pushed.manifest()).digest())
                    .isEqualTo(pushed.manifest());
        }
    }

    @Test
    void anonymousPushThenPull() throws Exception {
        Pushed pushed = push(open, insecureOptions(temp), "kensa/push", "v1");
        assertReadBack(open, insecureOptions(temp), "kensa/push", "v1", pushed);
        // a second push of the same content: the blobs are there already, the tag is rewritten to the same digest
        Pushed again = push(open, insecureOptions(temp), "kensa/push-again", "v1");
        assertThat(again.manifest()).isEqualTo(pushed.manifest());
    }

    @Test
    void htpasswdPushThenPull() throws Exception {
        RegistryOptions options = insecureOptions(temp).withCredentials(USER, PASSWORD);
        Pushed pushed = push(basic, options, "kensa/push", "v1");
        assertReadBack(basic, options, "kensa/push", "v1", pushed);
        assertThatThrownBy(() -> push(basic, insecureOptions(temp), "kensa/other", "v1"))
                .satisfies(RegistryTestSupport::assertOneLine)
                .hasMessage("registry " + basic.host() + " requires authentication and no credentials were found for it;"
                        + " give --username and --password, or log in with docker login");
        assertThatThrownBy(() -> push(basic, insecureOptions(temp).withCredentials(USER, "not-the-Pa55"), "kensa/other", "v1"))
                .satisfies(RegistryTestSupport::assertOneLine)
                .hasMessageContaining("authentication failed for registry " + basic.host()).hasMessageNotContaining("not-the-Pa55");
    }

    @Test
    void tokenPushAsksForPullAndPushScope() throws Exception {
        token.tokenServer().resetRequests();
        RegistryOptions options = insecureOptions(temp).withCredentials(USER, PASSWORD);
        Pushed pushed = push(token, options, "kensa/push", "v1");
        List<TokenServer.TokenRequest> requests = token.tokenServer().requests();
        assertThat(requests).isNotEmpty().allSatisfy(r -> {
            assertThat(r.granted()).isTrue();
            assertThat(r.scopes()).contains("repository:kensa/push:pull,push");
        });
        assertThat(requests).as("one token serves the whole push").hasSize(1);
        assertReadBack(token, options, "kensa/push", "v1", pushed);
    }

    @Test
    void aBlobWhoseBytesDoNotMatchItsDigestIsRefusedByTheRegistry() throws Exception {
        byte[] bytes = "the real bytes".getBytes(StandardCharsets.UTF_8);
        Digest claimed = Blobs.digest("sha256", "other bytes".getBytes(StandardCharsets.UTF_8));
        try (RegistryClient client = RegistryClient.create(open.host(), insecureOptions(temp))) {
            assertThatThrownBy(() -> client.uploadBlob("kensa/bad", claimed, HttpRequest.BodyPublishers.ofByteArray(bytes)))
                    .satisfies(RegistryTestSupport::assertOneLine)
                    .hasMessageStartingWith("registry " + open.host() + " answered HTTP 400 to the request for blob "
                            + claimed + " to " + open.host() + "/kensa/bad (registry says: ");
            assertThat(client.blobExists("kensa/bad", claimed)).isFalse();
            // a manifest naming a blob the registry does not have
            byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{\"mediaType\":"
                    + "\"application/vnd.oci.empty.v1+json\",\"digest\":\"" + claimed + "\",\"size\":2},\"layers\":[]}")
                    .getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> client.putManifest("kensa/bad", "v1", MediaTypes.OCI_MANIFEST, manifest))
                    .satisfies(RegistryTestSupport::assertOneLine)
                    .hasMessageStartingWith("registry " + open.host() + " answered HTTP 400 to the request for the manifest of "
                            + open.host() + "/kensa/bad:v1 (registry says: ");
        }
    }

    @Test
    void anUnreachableRegistryIsOneLineNamingTheUpload() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (RegistryClient client = RegistryClient.create("127.0.0.1:" + port, insecureOptions(temp))) {
            Digest digest = Blobs.digest("sha256", new byte[]{1});
            assertThatThrownBy(() -> client.uploadBlob("kensa/x", digest, HttpRequest.BodyPublishers.ofByteArray(new byte[]{1})))
                    .isInstanceOf(KensaException.class).satisfies(RegistryTestSupport::assertOneLine)
                    .hasMessage("cannot connect to 127.0.0.1:" + port + " (connection refused) while sending the upload of blob "
                            + digest + " to 127.0.0.1:" + port + "/kensa/x");
        }
    }

    @Test
    void aBodyOfUnknownLengthIsAProgrammingError() {
        try (RegistryClient client = RegistryClient.create(open.host(), insecureOptions(temp))) {
            assertThatThrownBy(() -> client.uploadBlob("kensa/x", Blobs.digest("sha256", new byte[0]),
                    HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[0]))))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
