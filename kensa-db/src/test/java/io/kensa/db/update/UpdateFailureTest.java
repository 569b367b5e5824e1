package io.kensa.db.update;

import com.sun.net.httpserver.HttpServer;
import io.kensa.core.Digest;
import io.kensa.core.KensaException;
import io.kensa.db.artifact.ArtifactConfig;
import io.kensa.db.artifact.ArtifactFormat;
import io.kensa.db.artifact.ArtifactManifest;
import io.kensa.db.publish.DatabasePublisher;
import io.kensa.db.publish.PreparedArtifact;
import io.kensa.db.signing.DatabaseSignature;
import io.kensa.db.signing.DatabaseSigner;
import io.kensa.db.signing.SignatureAlgorithm;
import io.kensa.db.signing.SignedDatabase;
import io.kensa.db.store.Schema;
import io.kensa.image.layer.Blobs;
import io.kensa.image.oci.MediaTypes;
import io.kensa.image.registry.LocalRegistry;
import io.kensa.image.registry.LoopbackFront;
import io.kensa.image.registry.RegistryClient;
import io.kensa.image.registry.RegistryOptions;
import io.kensa.image.registry.RegistryTestSupport;
import io.kensa.image.testing.Bombs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static io.kensa.db.update.UpdateFixtures.T1;
import static io.kensa.db.update.UpdateFixtures.assertIntact;
import static io.kensa.db.update.UpdateFixtures.assertOnly;
import static io.kensa.db.update.UpdateFixtures.build;
import static io.kensa.db.update.UpdateFixtures.keys;
import static io.kensa.db.update.UpdateFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every way an update can go wrong (forged, damaged, cut, oversized, foreign, older) is refused with one line, and
 * leaves the database in place byte for byte as it was, opening as before, with no temporary file beside it.
 */
@Timeout(120)
class UpdateFailureTest {
    private static final AtomicLong UNIQUE = new AtomicLong();

    @RegisterExtension
    static LocalRegistry registry = LocalRegistry.anonymous();

    @TempDir
    Path dir;
    UpdateFixtures.Keys keys;
    Path target;
    String oldSha256;
    Instant oldBuilt;

    @BeforeEach
    void databaseInPlace() {
        keys = keys(dir, SignatureAlgorithm.ED25519, "trusted");
        oldBuilt = T1.plusSeconds(UNIQUE.incrementAndGet());
        target = build(dir.resolve("cache/kensa.db"), oldBuilt);
        oldSha256 = sha256(target);
    }

    /** A newer database than the one in place, and different from every other test's (registry blobs are shared). */
    private Path newer() {
        return build(dir.resolve("new/new.db"), T1.plusSeconds(1000 + UNIQUE.incrementAndGet()));
    }

    private RegistryOptions options() {
        return RegistryTestSupport.insecureOptions(dir);
    }

    private void assertUntouched() {
        assertIntact(target, oldSha256, oldBuilt);
        assertOnly(target.getParent(), "kensa.db", "kensa.db.update.lock");
    }

    private UpdateResult update(UpdatePolicy policy, ArtifactSource... sources) {
        try {
            return new DatabaseUpdater(policy, UpdateListener.NONE).update(List.of(sources), target);
        } finally {
            Arrays.stream(sources).forEach(ArtifactSource::close);
        }
    }

    private UpdateResult update(ArtifactSource... sources) {
        return update(UpdatePolicy.verifiedBy(keys.verifier()), sources);
    }

    private RegistryArtifactSource fromRegistry(String repoTag) {
        return new RegistryArtifactSource(registry.reference(repoTag), options());
    }

    /** Pushes an artifact made of the given blobs (signature null: none) under {@code repoTag}. */
    private ArtifactManifest pushRaw(String repoTag, byte[] config, Path compressed, byte[] signature) throws IOException {
        String repo = repoTag.substring(0, repoTag.indexOf(':'));
        try (RegistryClient client = RegistryClient.create(registry.host(), options())) {
            byte[] db = Files.readAllBytes(compressed);
            ArtifactManifest manifest = new ArtifactManifest(
                    new ArtifactManifest.Blob(ArtifactFormat.CONFIG_MEDIA_TYPE, Blobs.digest("sha256", config), config.length),
                    new ArtifactManifest.Blob(ArtifactFormat.DATABASE_MEDIA_TYPE, Blobs.digest("sha256", db), db.length),
                    signature == null ? null : new ArtifactManifest.Blob(ArtifactFormat.SIGNATURE_MEDIA_TYPE,
                            Blobs.digest("sha256", signature), signature.length));
            client.uploadBlob(repo, manifest.config().digest(), HttpRequest.BodyPublishers.ofByteArray(config));
            client.uploadBlob(repo, manifest.database().digest(), HttpRequest.BodyPublishers.ofByteArray(db));
            if (signature != null) {
                client.uploadBlob(repo, manifest.signature().digest(), HttpRequest.BodyPublishers.ofByteArray(signature));
            }
            client.putManifest(repo, repoTag.substring(repoTag.indexOf(':') + 1), MediaTypes.OCI_MANIFEST,
                    manifest.toJson(Instant.now()));
            return manifest;
        }
    }

    private ArtifactManifest pushSigned(Path db, String repoTag, UpdateFixtures.Keys by) throws IOException {
        try (PreparedArtifact a = UpdateFixtures.prepare(db, by.signing(), dir.resolve("work"))) {
            return pushRaw(repoTag, a.config().toJson(), a.compressed(), a.signature().toJson());
        }
    }

    @Test
    void aForgedSignatureIsRefused() throws IOException {
        UpdateFixtures.Keys attacker = keys(dir, SignatureAlgorithm.ED25519, "attacker");
        pushSigned(newer(), "kensa/forged:2", attacker);
        assertThatThrownBy(() -> update(fromRegistry("kensa/forged:2"))).isInstanceOf(KensaException.class)
                .hasMessage("the signature of " + registry.reference("kensa/forged:2") + ": the signature does not"
                        + " verify with the trusted key " + keys.publicFile() + " (forged, or signed with another key);"
                        + " the database in place is unchanged");
        assertUntouched();
    }

    @Test
    void aGenuineSignatureOnAnotherDatabaseIsRefused() throws IOException {
        Path genuine = newer();
        Path other = build(dir.resolve("other/other.db"), T1.plusSeconds(5000 + UNIQUE.incrementAndGet()));
        try (PreparedArtifact signed = UpdateFixtures.prepare(genuine, keys.signing(), dir.resolve("work"));
             PreparedArtifact swapped = UpdateFixtures.prepare(other, keys.signing(), dir.resolve("work"))) {
            pushRaw("kensa/swapped:2", swapped.config().toJson(), swapped.compressed(), signed.signature().toJson());
            assertThatThrownBy(() -> update(fromRegistry("kensa/swapped:2"))).isInstanceOf(KensaException.class)
                    .hasMessageStartingWith("the database of " + registry.reference("kensa/swapped:2")
                            + " does not match its signature (sha256:" + sha256(other) + ", ")
                    .hasMessageContaining("; signed sha256:" + sha256(genuine) + ", ")
                    .hasMessageEndingWith("bytes): damaged or forged; the database in place is unchanged");
        }
        assertUntouched();
    }

    @Test
    void anUnsignedArtifactIsRefusedUnlessSignaturesAreSkipped() throws IOException {
        Path db = newer();
        try (PreparedArtifact a = UpdateFixtures.prepare(db, keys.signing(), dir.resolve("work"))) {
            pushRaw("kensa/unsigned:2", a.config().toJson(), a.compressed(), null);
        }
        assertThatThrownBy(() -> update(fromRegistry("kensa/unsigned:2"))).isInstanceOf(KensaException.class)
                .hasMessage(registry.reference("kensa/unsigned:2") + " has no signature, and a database is only accepted"
                        + " signed by a trusted key (--db-public-key); the database in place is unchanged");
        assertUntouched();
        UpdateResult r = update(new UpdatePolicy(null, null, false), fromRegistry("kensa/unsigned:2"));
        assertThat(r.updated()).isTrue();
        assertThat(r.verifiedBy()).isNull();
        assertThat(sha256(target)).isEqualTo(sha256(db));
    }

    @Test
    void aTruncatedOrDamagedBlobInTheRegistryIsRefused() throws IOException {
        ArtifactManifest pushed = pushSigned(newer(), "kensa/cut:2", keys);
        Path blob = registry.blobFile(pushed.database().digest().toString());
        byte[] bytes = Files.readAllBytes(blob);
        try (FileChannel ch = FileChannel.open(blob, StandardOpenOption.WRITE)) {
            ch.truncate(bytes.length / 2);
        }
        assertThatThrownBy(() -> update(fromRegistry("kensa/cut:2"))).isInstanceOf(KensaException.class)
                .hasMessage("blob " + pushed.database().digest() + " of " + registry.host() + "/kensa/cut has "
                        + bytes.length / 2 + " bytes, the manifest says " + bytes.length + "; the database in place is unchanged");
        assertUntouched();

        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x55;
        Files.write(blob, flipped);
        // same length, one byte changed: zstd's frame checksum sees it before the end of the blob (and its digest)
        assertThatThrownBy(() -> update(fromRegistry("kensa/cut:2"))).isInstanceOf(KensaException.class)
                .hasMessage("the database of " + registry.reference("kensa/cut:2") + " is not valid zstd data"
                        + " (Restored data doesn't match checksum); the database in place is unchanged");
        assertUntouched();
    }

    @Test
    void aTruncatedFileOverHttpIsRefused() throws IOException {
        Path www = dir.resolve("www");
        try (PreparedArtifact a = UpdateFixtures.prepare(newer(), keys.signing(), dir.resolve("work"))) {
            new DatabasePublisher().writeFiles(a, www);
        }
        Path zst = www.resolve("kensa.db.zst");
        byte[] whole = Files.readAllBytes(zst);
        Files.write(zst, Arrays.copyOf(whole, whole.length / 2));
        HttpServer server = DatabaseUpdateTest.serve(www);
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/kensa.db.zst";
            assertThatThrownBy(() -> update(new UrlArtifactSource(url, options().client())))
                    .isInstanceOf(KensaException.class)
                    .hasMessageStartingWith("the database of " + url + " is not valid zstd data (")
                    .hasMessageEndingWith("; the database in place is unchanged");
            assertUntouched();
            // cut between two zstd frames, zstd cannot tell: the signature can, and without one the header can
            Path db = newer();
            byte[] plain = Files.readAllBytes(db);
            Path frames = dir.resolve("frames/kensa.db.zst");
            Files.createDirectories(frames.getParent());
            Files.write(frames, io.kensa.image.testing.Bytes.zstd(Arrays.copyOf(plain, plain.length / 2)));
            DatabaseSignature wholeSigned = new DatabaseSigner(keys.signing()).sign(new SignedDatabase(
                    Digest.parse("sha256:" + sha256(db)), plain.length));
            Files.write(dir.resolve("frames/kensa.db.zst.sig"), wholeSigned.toJson());
            assertThatThrownBy(() -> update(new FileArtifactSource(frames))).isInstanceOf(KensaException.class)
                    .hasMessage("the database of " + frames + " does not match its signature (sha256:"
                            + sha256(Arrays.copyOf(plain, plain.length / 2)) + ", " + plain.length / 2 + " bytes; signed sha256:"
                            + sha256(db) + ", " + plain.length + " bytes): damaged or forged; the database in place is unchanged");
            assertUntouched();
            assertThatThrownBy(() -> update(new UpdatePolicy(null, null, false), new FileArtifactSource(frames)))
                    .isInstanceOf(KensaException.class)
                    .hasMessageStartingWith("the database of " + frames + " is not usable: corrupt Kensa database (")
                    .hasMessageEndingWith("; the database in place is unchanged");
            assertUntouched();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theRegistryGoingDownMidDownloadIsRefused() throws IOException {
        ArtifactManifest pushed = pushSigned(newer(), "kensa/down:2", keys);
        String blobPath = "/v2/kensa/down/blobs/" + pushed.database().digest();
        HttpClient http = HttpClient.newHttpClient();
        // a front that relays the registry, but sends only half of the database blob and then drops the connection
        try (LoopbackFront front = LoopbackFront.start((f, exchange, n) -> {
            if (!exchange.getRequestMethod().equals("GET") || !exchange.getRequestURI().getPath().equals(blobPath)) {
                f.proxy(exchange, registry.baseUri());
                return;
            }
            byte[] blob;
            try {
                blob = http.send(HttpRequest.newBuilder(URI.create(registry.baseUri() + blobPath)).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            exchange.sendResponseHeaders(200, blob.length);
            OutputStream out = exchange.getResponseBody();
            out.write(blob, 0, blob.length / 2);
            out.flush();
            exchange.close(); // fewer bytes than announced: the server closes the connection
        })) {
            String ref = front.host() + "/kensa/down:2";
            assertThatThrownBy(() -> update(new RegistryArtifactSource(ref, options()))).isInstanceOf(KensaException.class)
                    .hasMessageStartingWith("connection to " + front.host() + " failed (")
                    .hasMessageContaining(" while fetching blob " + pushed.database().digest() + " of " + front.host() + "/kensa/down")
                    .hasMessageEndingWith("; the database in place is unchanged");
            assertThat(front.requests()).extracting(LoopbackFront.Recorded::path).contains(blobPath);
        } finally {
            http.close();
        }
        assertUntouched();
    }

    @Test
    void sourcesAreTriedInOrderUntilOneWorks() throws IOException {
        Path db = newer();
        pushSigned(db, "kensa/second:2", keys);
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String down = "127.0.0.1:" + closed + "/kensa/db:2";
        List<String> failed = new ArrayList<>();
        UpdateListener listener = new UpdateListener() {
            @Override
            public void sourceFailed(String source, String message, boolean nextSource) {
                failed.add(source + " | " + message + " | " + nextSource);
            }
        };
        RegistryArtifactSource first = new RegistryArtifactSource(down, options());
        RegistryArtifactSource second = fromRegistry("kensa/second:2");
        UpdateResult r;
        try {
            r = new DatabaseUpdater(UpdatePolicy.verifiedBy(keys.verifier()), listener).update(List.of(first, second), target);
        } finally {
            first.close();
            second.close();
        }
        assertThat(r.updated()).isTrue();
        assertThat(r.source()).isEqualTo(registry.reference("kensa/second:2"));
        assertThat(failed).containsExactly(down + " | cannot connect to 127.0.0.1:" + closed
                + " (connection refused) while fetching the manifest of " + down + " | true");
        assertThat(sha256(target)).isEqualTo(sha256(db));

        // every source failing: one line naming each failure
        assertThatThrownBy(() -> update(new RegistryArtifactSource(down, options()), fromRegistry("kensa/missing:2")))
                .isInstanceOf(KensaException.class)
                .hasMessage("no source gave a usable database (cannot connect to 127.0.0.1:" + closed
                        + " (connection refused) while fetching the manifest of " + down + "; image "
                        + registry.reference("kensa/missing:2") + " not found in registry " + registry.host()
                        + " (registry says: manifest unknown)); the database in place is unchanged");
        assertThat(sha256(target)).isEqualTo(sha256(db));
    }

    @Test
    void aDecompressionBombStopsAtTheLimit() throws IOException {
        Path bomb = Files.write(Files.createDirectories(dir.resolve("bomb")).resolve("kensa.db.zst"), Bombs.zstdZeros(1L << 30));
        // unsigned: stopped by the database size limit
        UpdatePolicy unsigned = new UpdatePolicy(null, UpdateLimits.DEFAULT.withMaxDatabaseBytes(4 << 20), false);
        assertThatThrownBy(() -> update(unsigned, new FileArtifactSource(bomb))).isInstanceOf(KensaException.class)
                .hasMessage("the database of " + bomb + " is larger than 4194304 bytes (--max-db-size); the database in"
                        + " place is unchanged");
        assertUntouched();
        // signed by the trusted key as a small database: stopped at the size the signature gives
        DatabaseSignature small = new DatabaseSigner(keys.signing()).sign(new SignedDatabase(
                Digest.parse("sha256:" + "0".repeat(64)), 100_000));
        Files.write(dir.resolve("bomb/kensa.db.zst.sig"), small.toJson());
        assertThatThrownBy(() -> update(new FileArtifactSource(bomb))).isInstanceOf(KensaException.class)
                .hasMessage("the database of " + bomb + " is larger than 100000 bytes (the size its signature gives):"
                        + " damaged or forged; the database in place is unchanged");
        assertUntouched();
        // a signature claiming more than the limit is refused before anything is downloaded
        DatabaseSignature huge = new DatabaseSigner(keys.signing()).sign(new SignedDatabase(
                Digest.parse("sha256:" + "0".repeat(64)), 1L << 40));
        Files.write(dir.resolve("bomb/kensa.db.zst.sig"), huge.toJson());
        assertThatThrownBy(() -> update(new FileArtifactSource(bomb))).isInstanceOf(KensaException.class)
                .hasMessage("the database of " + bomb + " has 1099511627776 bytes, more than the limit of 17179869184;"
                        + " the database in place is unchanged");
        assertUntouched();
    }

    @Test
    void whatIsNotAKensaDatabaseOfThisSchemaIsRefused() throws IOException {
        // a zstd file of something else, unsigned: it must at least open as a Kensa database
        Path text = Files.write(Files.createDirectories(dir.resolve("text")).resolve("kensa.db.zst"), io.kensa.image.testing.Bytes.zstd(new byte[8192]));
        assertThatThrownBy(() -> update(new UpdatePolicy(null, null, false), new FileArtifactSource(text)))
                .isInstanceOf(KensaException.class)
                .hasMessage("the database of " + text + " is not usable: not a Kensa database (not an SQLite file);"
                        + " the database in place is unchanged");
        assertUntouched();
        // an artifact announcing another schema version: refused before any download
        Path db = newer();
        try (PreparedArtifact a = UpdateFixtures.prepare(db, keys.signing(), dir.resolve("work"))) {
            ArtifactConfig next = new ArtifactConfig(Schema.VERSION + 1, a.config().built(), "9.9", a.config().feeds());
            pushRaw("kensa/future:3", next.toJson(), a.compressed(), a.signature().toJson());
        }
        assertThatThrownBy(() -> update(fromRegistry("kensa/future:3"))).isInstanceOf(KensaException.class)
                .hasMessage(registry.reference("kensa/future:3") + " holds a database of schema version "
                        + (Schema.VERSION + 1) + ", this kensa reads version " + Schema.VERSION
                        + " (upgrade kensa); the database in place is unchanged");
        // an image, not a database artifact
        try (RegistryClient client = RegistryClient.create(registry.host(), options())) {
            byte[] config = "{}".getBytes();
            Digest digest = Blobs.digest("sha256", config);
            client.uploadBlob("kensa/image", digest, HttpRequest.BodyPublishers.ofByteArray(config));
            client.putManifest("kensa/image", "1", MediaTypes.OCI_MANIFEST, ("{\"schemaVersion\":2,\"mediaType\":\""
                    + MediaTypes.OCI_MANIFEST + "\",\"config\":{\"mediaType\":\"" + MediaTypes.OCI_CONFIG + "\",\"digest\":\""
                    + digest + "\",\"size\":2},\"layers\":[]}").getBytes());
        }
        assertThatThrownBy(() -> update(fromRegistry("kensa/image:1"))).isInstanceOf(KensaException.class)
                .hasMessage("the manifest of " + registry.reference("kensa/image:1") + " is not a Kensa database artifact"
                        + " (artifactType missing, config " + MediaTypes.OCI_CONFIG + "; expected "
                        + ArtifactFormat.ARTIFACT_TYPE + "); the database in place is unchanged");
        assertUntouched();
    }

    @Test
    void aMissingFileOrSignatureIsOneLine() throws IOException {
        Path missing = dir.resolve("nowhere/kensa.db.zst");
        assertThatThrownBy(() -> update(new UpdatePolicy(null, null, false), new FileArtifactSource(missing)))
                .isInstanceOf(KensaException.class)
                .hasMessage(missing + ": no such file; the database in place is unchanged");
        assertThatThrownBy(() -> update(new FileArtifactSource(missing))).isInstanceOf(KensaException.class)
                .hasMessage(missing + " has no signature, and a database is only accepted signed by a trusted key"
                        + " (--db-public-key); the database in place is unchanged");
        HttpServer server = DatabaseUpdateTest.serve(Files.createDirectories(dir.resolve("empty")));
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/kensa.db.zst";
            assertThatThrownBy(() -> update(new UpdatePolicy(null, null, false), new UrlArtifactSource(url, options().client())))
                    .isInstanceOf(KensaException.class)
                    .hasMessage("127.0.0.1:" + server.getAddress().getPort() + " answered HTTP 404 (not found) while fetching "
                            + url + "; the database in place is unchanged");
        } finally {
            server.stop(0);
        }
        assertThatThrownBy(() -> new UrlArtifactSource("ftp://example.org/kensa.db.zst", options().client()))
                .isInstanceOf(KensaException.class).hasMessage("--url: not an http:// or https:// URL: ftp://example.org/kensa.db.zst");
        assertUntouched();
    }
}
