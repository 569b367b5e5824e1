package io.kensa.image.registry;

import io.kensa.image.source.LayerRef;
import io.kensa.image.source.RegistrySource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static io.kensa.image.registry.RegistryTestSupport.insecureOptions;
import static io.kensa.image.registry.RegistryTestSupport.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Blob downloads redirected to "blob storage" on another port, as registries on S3 or a CDN do: the blob
 * still verifies, and the registry's Authorization header never reaches the other host.
 */
@Timeout(120)
class RedirectTest {
    private static final String USER = "kensa";
    private static final String PASSWORD = "front-pass";
    private static final String EXPECTED = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    @RegisterExtension
    static LocalRegistry registry = LocalRegistry.anonymous();

    @TempDir
    Path temp;

    @BeforeAll
    static void push() {
        registry.pushDockerArchive(TestImages.image("debian-distroless.docker.tar"), "kensa/distroless:debian12");
    }

    /** A registry front with Basic auth whose blob GETs answer 307 to {@code storage}/storage/REPO/blobs/DIGEST?sig=… */
    private static LoopbackFront authenticatedFront(String storageBase) {
        return LoopbackFront.start((front, exchange, n) -> {
            if (!EXPECTED.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                LoopbackFront.respond(exchange, 401, Map.of("WWW-Authenticate", "Basic realm=\"kensa-front\""), new byte[0]);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.contains("/blobs/") && exchange.getRequestMethod().equals("GET")) {
                String rest = path.substring("/v2/".length());
                LoopbackFront.respond(exchange, 307, Map.of("Location", storageBase + "/storage/" + rest + "?sig=abc%2Fdef"), new byte[0]);
                return;
            }
            front.proxy(exchange, registry.baseUri());
        });
    }

    @Test
    void blobsFollowARedirectToAnotherHostWithoutTheAuthorizationHeader() throws IOException {
        try (LoopbackFront storage = LoopbackFront.start((front, exchange, n) -> {
                 String rest = exchange.getRequestURI().getPath().substring("/storage/".length());
                 front.proxyTo(exchange, URI.create(registry.baseUri() + "/v2/" + rest));
             });
             LoopbackFront front = authenticatedFront("http://" + storage.host());
             RegistrySource source = RegistrySource.open(front.host() + "/kensa/distroless:debian12",
                     insecureOptions(temp).withCredentials(USER, PASSWORD))) {
            for (LayerRef layer : source.layers()) {
                assertThat(sha256(source.openBlob(layer))).isEqualTo(layer.digest());
                assertThat(sha256(new GZIPInputStream(source.openBlob(layer)))).isEqualTo(layer.diffId());
            }
            // config + 2 layers, twice each for the layers
            assertThat(storage.requests()).hasSize(5)
                    .allSatisfy(r -> assertThat(r.authorization()).as("Authorization sent to blob storage").isNull());
            assertThat(front.requests()).filteredOn(r -> r.path().contains("/blobs/"))
                    .hasSize(5).allSatisfy(r -> assertThat(r.authorization()).isEqualTo(EXPECTED));
        }
    }

    @Test
    void aRelativeRedirectOnTheSameOriginKeepsTheAuthorizationHeader() throws IOException {
        try (LoopbackFront front = LoopbackFront.start((f, exchange, n) -> {
                 if (!EXPECTED.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                     LoopbackFront.respond(exchange, 401, Map.of("WWW-Authenticate", "Basic realm=\"kensa-front\""), new byte[0]);
                     return;
                 }
                 String path = exchange.getRequestURI().getPath();
                 if (path.startsWith("/v2/") && path.contains("/blobs/")) {
                     LoopbackFront.respond(exchange, 302, Map.of("Location", "/moved" + path), new byte[0]);
                 } else if (path.startsWith("/moved/")) {
                     f.proxyTo(exchange, URI.create(registry.baseUri() + path.substring("/moved".length())));
                 } else {
                     f.proxy(exchange, registry.baseUri());
                 }
             });
             RegistrySource source = RegistrySource.open(front.host() + "/kensa/distroless:debian12",
                     insecureOptions(temp).withCredentials(USER, PASSWORD))) {
            LayerRef layer = source.layers().getFirst();
            assertThat(sha256(source.openBlob(layer))).isEqualTo(layer.digest());
            assertThat(front.requests()).filteredOn(r -> r.path().startsWith("/moved/"))
                    .isNotEmpty().allSatisfy(r -> assertThat(r.authorization()).isEqualTo(EXPECTED));
        }
    }

    @Test
    void aRedirectLoopFailsWithOneLine() {
        try (LoopbackFront front = LoopbackFront.start((f, exchange, n) -> {
            String path = exchange.getRequestURI().getPath();
            if (path.contains("/blobs/")) {
                LoopbackFront.respond(exchange, 302, Map.of("Location", path + "x"), new byte[0]);
            } else {
                f.proxy(exchange, registry.baseUri());
            }
        })) {
            assertThatThrownBy(() -> RegistrySource.open(front.host() + "/kensa/distroless:debian12", insecureOptions(temp)))
                    .satisfies(RegistryTestSupport::assertOneLine)
                    .hasMessageContaining("too many redirects");
            assertThat(front.requests()).filteredOn(r -> r.path().contains("/blobs/"))
                    .hasSize(ClientSettings.DEFAULT.maxRedirects() + 1);
        }
    }

    @Test
    void sameOriginMeansSchemeHostAndPort() {
        assertThat(HttpTransport.sameOrigin(URI.create("http://a:80/x"), URI.create("http://A/y"))).isTrue();
        assertThat(HttpTransport.sameOrigin(URI.create("http://a:5000/x"), URI.create("http://a:5001/x"))).isFalse();
        assertThat(HttpTransport.sameOrigin(URI.create("https://a/x"), URI.create("http://a:443/x"))).isFalse();
        assertThat(HttpTransport.sameOrigin(URI.create("http://a/x"), URI.create("http://b/x"))).isFalse();
    }
}
