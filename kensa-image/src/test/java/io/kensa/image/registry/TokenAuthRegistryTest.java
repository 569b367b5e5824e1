package io.kensa.image.registry;

import io.kensa.image.source.LayerRef;
import io.kensa.image.source.RegistrySource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static io.kensa.image.registry.RegistryTestSupport.insecureOptions;
import static io.kensa.image.registry.RegistryTestSupport.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real docker-registry in {@code auth: token} mode: it only accepts JWTs from our token service (verified
 * against the x5c chain and its rootcertbundle), so a successful read proves the whole challenge flow.
 */
@Timeout(120)
class TokenAuthRegistryTest {
    private static final String USER = "kensa";
    private static final String PASSWORD = "token-pass";
    private static final String IMAGE = "kensa/distroless:debian12";

    @RegisterExtension
    static LocalRegistry registry = LocalRegistry.tokenAuth(USER, PASSWORD);

    @TempDir
    Path temp;

    @BeforeAll
    static void push() {
        registry.pushDockerArchive(TestImages.image("debian-distroless.docker.tar"), IMAGE);
    }

    @BeforeEach
    void forgetPushTokens() {
        registry.tokenServer().resetRequests();
    }

    @Test
    void theChallengeFlowWorksAndOneTokenServesEveryRequest() throws IOException {
        try (LoopbackFront front = LoopbackFront.proxyTo(registry.baseUri());
             RegistrySource source = RegistrySource.open(front.host() + "/" + IMAGE, insecureOptions(temp).withCredentials(USER, PASSWORD))) {
            for (LayerRef layer : source.layers()) {
                assertThat(sha256(source.openBlob(layer))).isEqualTo(layer.digest());
            }
            List<TokenServer.TokenRequest> tokens = registry.tokenServer().requests();
            assertThat(tokens).hasSize(1);
            assertThat(tokens.getFirst().granted()).isTrue();
            assertThat(tokens.getFirst().authorization()).startsWith("Basic ");
            assertThat(tokens.getFirst().service()).isEqualTo(TokenServer.SERVICE);
            assertThat(tokens.getFirst().scopes()).containsExactly("repository:kensa/distroless:pull");

            List<LoopbackFront.Recorded> requests = front.requests();
            assertThat(requests).hasSize(5); // anonymous manifest (401), manifest, config, two layers
            assertThat(requests.getFirst().authorization()).isNull();
            assertThat(requests.subList(1, 5)).allSatisfy(r -> assertThat(r.authorization()).startsWith("Bearer ey"));
            assertThat(requests.subList(1, 5)).extracting(LoopbackFront.Recorded::authorization).containsOnly(requests.get(1).authorization());
        }
    }

    @Test
    void aRefusedCachedTokenIsReplacedOnce() throws IOException {
        String challenge = "Bearer realm=\"" + registry.tokenServer().realm() + "\",service=\"" + TokenServer.SERVICE
                + "\",scope=\"repository:kensa/distroless:pull\",error=\"invalid_token\"";
        try (LoopbackFront front = LoopbackFront.start((f, exchange, n) -> {
            if (n == 3) { // the config request, sent with the cached token: pretend it expired
                LoopbackFront.respond(exchange, 401, java.util.Map.of("WWW-Authenticate", challenge), new byte[0]);
            } else {
                f.proxy(exchange, registry.baseUri());
            }
        });
             RegistrySource source = RegistrySource.open(front.host() + "/" + IMAGE, insecureOptions(temp).withCredentials(USER, PASSWORD))) {
            assertThat(source.layers()).hasSize(2);
            assertThat(registry.tokenServer().grantedCount()).isEqualTo(2);
        }
    }

    @Test
    void anIdentityTokenFromTheDockerConfigIsExchangedWithAnOAuth2Post() throws IOException {
        java.nio.file.Path config = java.nio.file.Files.writeString(temp.resolve("config.json"),
                "{\"auths\":{\"" + registry.host() + "\":{\"identitytoken\":\"" + TokenServer.REFRESH_TOKEN + "\"}}}");
        try (RegistrySource source = RegistrySource.open(registry.reference(IMAGE), insecureOptions(temp).withDockerConfig(config))) {
            assertThat(source.layers()).hasSize(2);
        }
        assertThat(registry.tokenServer().requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.authorization()).isNull();
            assertThat(r.scopes()).containsExactly("repository:kensa/distroless:pull");
            assertThat(r.granted()).isTrue();
        });
    }

    @Test
    void anAccessTokenFieldIsAcceptedToo() {
        try (LocalRegistry other = LocalRegistry.tokenAuth(USER, PASSWORD).start()) {
            other.pushDockerArchive(TestImages.image("debian-distroless.docker.tar"), IMAGE);
            other.tokenServer().answerWithAccessTokenField();
            try (RegistrySource source = RegistrySource.open(other.reference(IMAGE), insecureOptions(temp).withCredentials(USER, PASSWORD))) {
                assertThat(source.layers()).hasSize(2);
            }
        }
    }

    @Test
    void wrongCredentialsAreRefusedByTheTokenServiceWithOneLine() {
        assertThatThrownBy(() -> RegistrySource.open(registry.reference(IMAGE), insecureOptions(temp).withCredentials(USER, "nope-123")))
                .satisfies(RegistryTestSupport::assertOneLine)
                .hasMessageContaining("authentication failed for registry " + registry.host())
                .hasMessageContaining("token service")
                .hasMessageContaining("HTTP 401")
                .hasMessageNotContaining("nope-123");
    }

    @Test
    void noCredentialsFailWithOneLine() {
        assertThatThrownBy(() -> RegistrySource.open(registry.reference(IMAGE), insecureOptions(temp)))
                .satisfies(RegistryTestSupport::assertOneLine)
                .hasMessageContaining("authentication failed for registry " + registry.host())
                .hasMessageContaining("no credentials were found");
    }

    @Test
    void aPlainHttpRealmIsRefusedWithoutInsecure() {
        // the registry itself is reached through TLS-less HTTP only with --insecure; the realm rule is checked on its own
        try (HttpTransport transport = new HttpTransport(ClientSettings.DEFAULT)) {
            TokenFetcher fetcher = new TokenFetcher(transport, false, "r.example");
            AuthChallenge challenge = AuthChallenge.parse("Bearer realm=\"http://auth.example/token\",service=\"x\"").getFirst();
            assertThatThrownBy(() -> fetcher.fetch(challenge, List.of("repository:a:pull"), Credentials.basic("u", "p", "test")))
                    .satisfies(RegistryTestSupport::assertOneLine)
                    .hasMessageContaining("plain-HTTP token service auth.example");
        }
    }
}
