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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.kensa.image.registry.RegistryTestSupport.FAST_RETRY;
import static io.kensa.image.registry.RegistryTestSupport.insecureOptions;
import static io.kensa.image.registry.RegistryTestSupport.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Transient failures are retried with back-off within bounds; lasting ones and stalls fail with one line in bounded time. */
@Timeout(120)
class RetryTest {
    @RegisterExtension
    static LocalRegistry registry = LocalRegistry.anonymous();

    @TempDir
    Path temp;

    @BeforeAll
    static void push() {
        registry.pushDockerArchive(TestImages.image("debian-distroless.docker.tar"), "kensa/distroless:debian12");
    }

    private static final byte[] UNAVAILABLE = "{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"try later\"}]}".getBytes(StandardCharsets.UTF_8);

    @Test
    @Timeout(30)
    void unavailableAndRateLimitedAnswersAreRetriedHonouringRetryAfter() throws IOException {
        RegistryOptions options = insecureOptions(temp).withClient(insecureOptions(temp).client()
                .withRetry(new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(20))));
        try (LoopbackFront front = LoopbackFront.start((f, exchange, n) -> {
            switch (n) {
                case 1, 2 -> LoopbackFront.respond(exchange, 503, Map.of("Content-Type", "application/json"), UNAVAILABLE);
                case 3 -> LoopbackFront.respond(exchange, 429, Map.of("Retry-After", "1"), new byte[0]);
                default -> f.proxy(exchange, registry.baseUri());
            }
        })) {
            long start = System.nanoTime();
            try (RegistrySource source = RegistrySource.open(front.host() + "/kensa/distroless:debian12", options)) {
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertThat(source.layers()).hasSize(2);
                assertThat(front.requests()).filteredOn(r -> r.path().contains("/manifests/")).as("attempts for the manifest").hasSize(4);
                assertThat(took).as("Retry-After: 1 was honoured").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
                LayerRef layer = source.layers().getFirst();
                assertThat(sha256(source.openBlob(layer))).isEqualTo(layer.digest());
            }
        }
    }

    @Test
    @Timeout(30)
    void aRetryAfterBeyondTheCapIsCapped() {
        RegistryOptions options = insecureOptions(temp).withClient(insecureOptions(temp).client()
                .withRetry(new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofSeconds(10))));
        try (LoopbackFront front = LoopbackFront.start((f, exchange, n) -> {
            if (n == 1) {
                LoopbackFront.respond(exchange, 429, Map.of("Retry-After", "3600"), new byte[0]);
            } else {
                f.proxy(exchange, registry.baseUri());
            }
        })) {
            long start = System.nanoTime();
            try (RegistrySource source = RegistrySource.open(front.host() + "/kensa/distroless:debian12", options)) {
                assertThat(source.layers()).hasSize(2);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    @Timeout(20)
    void aRegistryThatAlwaysFailsGivesUpWithOneLine() {
        try (LoopbackFront front = LoopbackFront.start((f, exchange, n) ->
                LoopbackFront.respond(exchange, 500, Map.of(), "boom".getBytes(StandardCharsets.UTF_8)))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> RegistrySource.open(front.host() + "/kensa/distroless:debian12", insecureOptions(temp)))
                    .satisfies(RegistryTestSupport::assertOneLine)
                    .hasMessageContaining(front.host() + " answered HTTP 500 (internal server error)")
                    .hasMessageContaining("manifest of " + front.host() + "/kensa/distroless:debian12")
                    .hasMessageContaining("gave up after " + FAST_RETRY.maxAttempts() + " attempts");
            assertThat(front.requests()).hasSize(FAST_RETRY.maxAttempts());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    @Timeout(20)
    void theTotalRetryTimeIsBounded() {
        RegistryOptions options = insecureOptions(temp).withClient(insecureOptions(temp).client()
                .withRetry(new RetryPolicy(100, Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofSeconds(1), Duration.ofSeconds(2))));
        try (LoopbackFront front = LoopbackFront.start((f, exchange, n) -> LoopbackFront.respond(exchange, 503, Map.of(), new byte[0]))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> RegistrySource.open(front.host() + "/kensa/x:1", options))
                    .satisfies(RegistryTestSupport::assertOneLine)
                    .hasMessageContaining("HTTP 503");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(front.requests().size()).isBetween(2, 20);
        }
    }

    @Test
    @Timeout(30)
    void resetConnectionsAreRetried() throws IOException {
        try (RawServer flaky = RawServer.start((server, socket, n) -> {
            if (n <= 2) {
                RawServer.readRequestHead(socket);
                RawServer.reset(socket);
            } else {
                server.pipeTo(socket, registry.port());
            }
        })) {
            try (RegistrySource source = RegistrySource.open(flaky.host() + "/kensa/distroless:debian12", insecureOptions(temp))) {
                assertThat(source.layers()).hasSize(2);
                LayerRef layer = source.layers().get(1);
                assertThat(sha256(source.openBlob(layer))).isEqualTo(layer.digest());
            }
            assertThat(flaky.connections()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    @Timeout(20)
    void aServerThatNeverAnswersTimesOutWithOneLine() {
        RegistryOptions options = insecureOptions(temp).withClient(insecureOptions(temp).client()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1))
                .withRetry(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(10))));
        try (RawServer silent = RawServer.start((server, socket, n) -> RawServer.readRequestHead(socket))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> RegistrySource.open(silent.host() + "/kensa/x:1", options))
                    .satisfies(RegistryTestSupport::assertOneLine)
                    .hasMessageContaining("no response from " + silent.host() + " within 1 s")
                    .hasMessageContaining("gave up after 2 attempts");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    @Timeout(20)
    void aBodyThatStallsFailsInsteadOfHanging() throws IOException {
        RegistryOptions options = insecureOptions(temp).withClient(insecureOptions(temp).client()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1)));
        try (RawServer stalling = RawServer.start((server, socket, n) -> {
            RawServer.readRequestHead(socket);
            socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: 1000\r\n\r\n0123456789").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            sleepQuietly(Duration.ofSeconds(15));
        });
             RegistryClient client = RegistryClient.create(stalling.host(), options)) {
            Digest digest = Digest.parse("sha256:" + "2".repeat(64));
            long start = System.nanoTime();
            try (InputStream in = client.openBlob("kensa/x", digest, 1000)) {
                byte[] first = in.readNBytes(10);
                assertThat(new String(first, StandardCharsets.US_ASCII)).isEqualTo("0123456789");
                assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessageContaining("no data received for 1 s");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
            // a stalled config read (read whole by the client) becomes a one-line KensaException
            assertThatThrownBy(() -> client.readBlob("kensa/x", digest, 4096))
                    .satisfies(RegistryTestSupport::assertOneLine)
                    .hasMessageContaining("stalled");
        }
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
