package io.kensa.db.update;

import com.sun.net.httpserver.HttpServer;
import io.kensa.core.KensaException;
import io.kensa.db.artifact.ArtifactFormat;
import io.kensa.db.publish.DatabasePublisher;
import io.kensa.db.publish.PreparedArtifact;
import io.kensa.db.publish.PublishResult;
import io.kensa.db.signing.SignatureAlgorithm;
import io.kensa.db.store.KensaDatabase;
import io.kensa.image.registry.ImageReference;
import io.kensa.image.registry.LocalRegistry;
import io.kensa.image.registry.RegistryClient;
import io.kensa.image.registry.RegistryOptions;
import io.kensa.image.registry.RegistryTestSupport;
import io.kensa.image.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static io.kensa.db.update.UpdateFixtures.T1;
import static io.kensa.db.update.UpdateFixtures.assertIntact;
import static io.kensa.db.update.UpdateFixtures.assertOnly;
import static io.kensa.db.update.UpdateFixtures.build;
import static io.kensa.db.update.UpdateFixtures.keys;
import static io.kensa.db.update.UpdateFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code db push} then {@code db update}: through Debian's docker-registry on loopback, a web server, and files. */
@Timeout(120)
class DatabaseUpdateTest {
    @RegisterExtension
    static LocalRegistry registry = LocalRegistry.anonymous();

    @TempDir
    Path dir;

    private RegistryOptions options() {
        return RegistryTestSupport.insecureOptions(dir);
    }

    private PublishResult push(PreparedArtifact artifact, String repoTag) {
        ImageReference ref = ImageReference.parse(registry.reference(repoTag));
        try (RegistryClient client = RegistryClient.create(ref.registry(), options())) {
            return new DatabasePublisher().push(artifact, client, ref);
        }
    }

    private UpdateResult update(UpdatePolicy policy, Path target, String... repoTags) {
        List<RegistryArtifactSource> sources = java.util.Arrays.stream(repoTags)
                .map(t -> new RegistryArtifactSource(registry.reference(t), options())).toList();
        try {
            return new DatabaseUpdater(policy, UpdateListener.NONE).update(sources, target);
        } finally {
            sources.forEach(RegistryArtifactSource::close);
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void pushThenUpdateThenUpToDateThenNewer(SignatureAlgorithm algorithm) {
        String repo = "kensa/db-" + algorithm.wireName();
        UpdateFixtures.Keys keys = keys(dir, algorithm, "kensa-db");
        Path v1 = build(dir.resolve("build/v1.db"), T1);
        try (PreparedArtifact artifact = UpdateFixtures.prepare(v1, keys.signing(), dir.resolve("work"))) {
            PublishResult pushed = push(artifact, repo + ":2");
            assertThat(pushed.uploadedBlobs()).hasSize(3);
            assertThat(pushed.skippedBlobs()).isEmpty();
            assertThat(pushed.reference()).isEqualTo(registry.reference(repo + ":2"));
            // the same artifact again: every blob is there already
            PublishResult again = push(artifact, repo + ":copy");
            assertThat(again.uploadedBlobs()).isEmpty();
            assertThat(again.skippedBlobs()).hasSize(3);
        }
        Path target = dir.resolve("cache/db/kensa.db");
        UpdatePolicy policy = UpdatePolicy.verifiedBy(keys.verifier());
        UpdateResult first = update(policy, target, repo + ":2");
        assertThat(first.updated()).isTrue();
        assertThat(first.source()).isEqualTo(registry.reference(repo + ":2"));
        assertThat(first.verifiedBy()).isEqualTo(keys.trusted());
        assertThat(first.previousBuild()).isNull();
        assertThat(first.downloadedBytes()).isPositive().isLessThan(first.database().bytes());
        assertThat(first.database().file()).isEqualTo(target.toAbsolutePath());
        assertThat(first.database().buildTime()).isEqualTo(T1);
        assertIntact(target, sha256(v1), T1);
        assertOnly(target.getParent(), "kensa.db", "kensa.db.update.lock");

        UpdateResult same = update(policy, target, repo + ":2");
        assertThat(same.updated()).isFalse();
        assertThat(same.downloadedBytes()).isZero();
        assertIntact(target, sha256(v1), T1);

        Path v2 = build(dir.resolve("build/v2.db"), T1.plus(Duration.ofHours(6)));
        try (PreparedArtifact artifact = UpdateFixtures.prepare(v2, keys.signing(), dir.resolve("work"))) {
            push(artifact, repo + ":2");
        }
        UpdateResult newer = update(policy, target, repo + ":2");
        assertThat(newer.updated()).isTrue();
        assertThat(newer.previousBuild()).isEqualTo(T1);
        assertIntact(target, sha256(v2), T1.plus(Duration.ofHours(6)));

        // the older database, still under another tag: refused unless a downgrade is asked for
        assertThatThrownBy(() -> update(policy, target, repo + ":copy")).isInstanceOf(KensaException.class)
                .hasMessage("the database of " + registry.reference(repo + ":copy") + " was built " + T1
                        + ", before the one in place (" + T1.plus(Duration.ofHours(6)) + "); refusing to go back"
                        + " (--allow-downgrade to force); the database in place is unchanged");
        assertIntact(target, sha256(v2), T1.plus(Duration.ofHours(6)));
        UpdateResult back = update(new UpdatePolicy(keys.verifier(), null, true), target, repo + ":copy");
        assertThat(back.updated()).isTrue();
        assertIntact(target, sha256(v1), T1);
        assertOnly(target.getParent(), "kensa.db", "kensa.db.update.lock");
    }

    @Test
    void aPinnedDigestIsFetchedExactly() {
        UpdateFixtures.Keys keys = keys(dir, SignatureAlgorithm.ED25519, "k");
        Path v1 = build(dir.resolve("v1.db"), T1.plusSeconds(1));
        PublishResult pushed;
        try (PreparedArtifact artifact = UpdateFixtures.prepare(v1, keys.signing(), dir.resolve("work"))) {
            pushed = push(artifact, "kensa/pinned:2");
        }
        Path target = dir.resolve("kensa.db");
        UpdateResult result = update(UpdatePolicy.verifiedBy(keys.verifier()), target, "kensa/pinned@" + pushed.manifestDigest());
        assertThat(result.updated()).isTrue();
        assertIntact(target, sha256(v1), T1.plusSeconds(1));
    }

    @Test
    void filesAndAWebServerServeTheSameArtifact() throws IOException {
        UpdateFixtures.Keys keys = keys(dir, SignatureAlgorithm.ECDSA_P256_SHA256, "k");
        Path v1 = build(dir.resolve("v1.db"), T1.plusSeconds(2));
        Path published = dir.resolve("www/db");
        try (PreparedArtifact artifact = UpdateFixtures.prepare(v1, keys.signing(), dir.resolve("work"))) {
            List<Path> files = new DatabasePublisher(3, Clock.systemUTC()).writeFiles(artifact, published);
            assertThat(files).containsExactly(published.resolve("kensa.db.zst"), published.resolve("kensa.db.zst.sig"));
        }
        assertOnly(published, "kensa.db.zst", "kensa.db.zst.sig");
        assertOnly(dir.resolve("work"));
        // the zstd tool reads the compressed database: a standard zstd frame
        Tools.run(dir, "zstd", "-q", "-d", published.resolve("kensa.db.zst").toString(), "-o", dir.resolve("unzstd.db").toString());
        assertThat(sha256(dir.resolve("unzstd.db"))).isEqualTo(sha256(v1));

        Path fromFile = dir.resolve("file/kensa.db");
        UpdateResult viaFile = new DatabaseUpdater(UpdatePolicy.verifiedBy(keys.verifier()), UpdateListener.NONE)
                .update(List.of(new FileArtifactSource(published.resolve("kensa.db.zst"))), fromFile);
        assertThat(viaFile.updated()).isTrue();
        assertIntact(fromFile, sha256(v1), T1.plusSeconds(2));

        HttpServer server = serve(dir.resolve("www"));
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/db/kensa.db.zst";
            Path fromUrl = dir.resolve("url/kensa.db");
            UpdateResult viaUrl;
            try (UrlArtifactSource source = new UrlArtifactSource(url, options().client())) {
                viaUrl = new DatabaseUpdater(UpdatePolicy.verifiedBy(keys.verifier()), UpdateListener.NONE)
                        .update(List.of(source), fromUrl);
            }
            assertThat(viaUrl.source()).isEqualTo(url);
            assertThat(viaUrl.downloadedBytes()).isEqualTo(Files.size(published.resolve("kensa.db.zst")));
            assertIntact(fromUrl, sha256(v1), T1.plusSeconds(2));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anOpenDatabaseKeepsServingWhileItIsReplaced() {
        UpdateFixtures.Keys keys = keys(dir, SignatureAlgorithm.ED25519, "k");
        Path target = build(dir.resolve("kensa.db"), T1.plusSeconds(3));
        Path v2 = build(dir.resolve("v2.db"), T1.plusSeconds(4));
        Path published = dir.resolve("pub");
        try (PreparedArtifact artifact = UpdateFixtures.prepare(v2, keys.signing(), dir.resolve("work"))) {
            new DatabasePublisher().writeFiles(artifact, published);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        try (KensaDatabase scanning = KensaDatabase.open(target)) {
            UpdateResult r = new DatabaseUpdater(UpdatePolicy.verifiedBy(keys.verifier()), UpdateListener.NONE)
                    .update(List.of(new FileArtifactSource(published.resolve(ArtifactFormat.DATABASE_FILE))), target);
            assertThat(r.updated()).isTrue();
            // the scan that opened the old file reads on, from the old file
            assertThat(scanning.info().buildTime()).isEqualTo(T1.plusSeconds(3));
            assertThat(scanning.javaIndex().bySha1("66fdc6bbaba2fd7242046131895353d9669a19ad")).isPresent();
        }
        assertIntact(target, sha256(v2), T1.plusSeconds(4));
    }

    /** A web server on 127.0.0.1 serving the files under {@code root} (GET only, no listing). */
    static HttpServer serve(Path root) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
                if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.sendResponseHeaders(200, Files.size(file));
                try (OutputStream out = exchange.getResponseBody()) {
                    Files.copy(file, out);
                }
            }
        });
        server.start();
        return server;
    }
}
