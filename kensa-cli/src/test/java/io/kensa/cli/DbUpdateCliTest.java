package io.kensa.cli;

import io.kensa.db.build.DatabaseBuilder;
import io.kensa.db.feed.FeedRegistry;
import io.kensa.db.feed.maven.MavenSha1IndexFeed;
import io.kensa.db.store.KensaDatabase;
import io.kensa.image.registry.LocalRegistry;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.kensa.cli.MainTest.assertOneLineError;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code kensa db keygen}, {@code db push}, {@code db update} and the age warnings, against docker-registry on loopback. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DbUpdateCliTest {
    private static final String USER = "publisher";
    private static final String PASSWORD = "pub-Pa55word";
    private static LocalRegistry open;
    private static LocalRegistry basic;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        open = LocalRegistry.anonymous().start();
        basic = LocalRegistry.htpasswd(USER, PASSWORD).start();
    }

    @AfterAll
    static void stop() {
        open.close();
        basic.close();
    }

    private Path build(String name, Instant at) throws IOException {
        Path db = dir.resolve(name);
        new DatabaseBuilder(new FeedRegistry(java.util.List.of(new MavenSha1IndexFeed())), Clock.fixed(at, ZoneOffset.UTC), r -> { })
                .build(Corpus.root().resolve("advisories"), db);
        return db;
    }

    private Path keygen(String name) {
        Cli.Result r = Cli.run("db", "keygen", dir.resolve(name).toString());
        assertThat(r.exit()).as(r.err()).isZero();
        return dir.resolve(name);
    }

    private static Cli.Result ok(String... args) {
        Cli.Result r = Cli.run(args);
        assertThat(r.exit()).as("%s\nstderr: %s", String.join(" ", args), r.err()).isZero();
        return r;
    }

    @Test
    void keygenWritesAPairAndNeverOverwrites() throws IOException {
        Cli.Result r = Cli.run("db", "keygen", "--algorithm", "ecdsa-p256-sha256", dir.resolve("keys/ci").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Path key = dir.resolve("keys/ci.key");
        Path pub = dir.resolve("keys/ci.pub");
        assertThat(r.out()).isEqualTo("wrote " + key + " (private, ecdsa-p256-sha256) and " + pub + " (public)\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(Files.readString(pub)).startsWith("-----BEGIN PUBLIC KEY-----\n");
        String before = Files.readString(key);
        assertOneLineError(Cli.run("db", "keygen", dir.resolve("keys/ci").toString()),
                key + ": already exists (keygen never overwrites a key)");
        assertThat(Files.readString(key)).isEqualTo(before);
        assertOneLineError(Cli.run("db", "keygen", "--algorithm", "rsa", dir.resolve("x").toString()),
                "unsupported signature algorithm 'rsa' (supported: ed25519, ecdsa-p256-sha256)");
    }

    @Test
    void pushThenUpdateThroughTheRegistryThenUpToDate() throws IOException {
        Path keys = keygen("kensa-db");
        Path db = build("built.db", Instant.now().minus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        String ref = open.reference("kensa/db:2");
        Cli.Result pushed = ok("db", "push", "--db", db.toString(), "--signing-key", keys + ".key", "--insecure",
                "--cache-dir", dir.resolve("push-cache").toString(), ref);
        assertThat(pushed.out()).matches(Pattern.quote("pushed " + ref + "@sha256:") + "[0-9a-f]{64}: \\d+\\.\\d KiB database, "
                + "\\d+\\.\\d KiB compressed, signed with ed25519 \\(3 blobs uploaded, 0 already there\\)\n");
        assertThat(dir.resolve("push-cache/tmp")).isEmptyDirectory();

        Path cache = dir.resolve("cache");
        Cli.Result updated = ok("db", "update", "--db-repository", ref, "--db-public-key", keys + ".pub", "--insecure",
                "--cache-dir", cache.toString());
        Path target = cache.resolve("db/kensa.db");
        assertThat(updated.err()).isEmpty();
        assertThat(updated.out()).startsWith("updated " + target + " from " + ref + ": built ")
                .contains(" (3 hours ago), ").contains(" downloaded) in ")
                .endsWith(", signature verified with " + keys + ".pub\n");
        assertThat(sha256(target)).isEqualTo(sha256(db));

        Cli.Result again = ok("db", "update", "--db-repository", ref, "--db-public-key", keys + ".pub", "--insecure",
                "--cache-dir", cache.toString());
        assertThat(again.out()).startsWith(target + " is up to date with " + ref + ": built ")
                .endsWith(", signature verified with " + keys + ".pub\n");

        Cli.Result info = ok("db", "info", "--cache-dir", cache.toString());
        assertThat(info.out()).contains("age:            3 hours 0 minutes (under the 5 days of --max-age)\n");
        assertThat(info.err()).isEmpty();
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("kensa.db", "kensa.db.update.lock");
        }
    }

    @Test
    void aForgedDatabaseIsRefusedWithOneLineAndTheOldOneStays() throws IOException {
        Path trusted = keygen("trusted");
        Path attacker = keygen("attacker");
        Path target = build("kensa.db", Instant.parse("2026-11-20T00:00:00Z"));
        String before = sha256(target);
        Path newer = build("newer.db", Instant.parse("2026-11-21T00:00:00Z"));
        String ref = open.reference("kensa/forged:2");
        ok("db", "push", "--db", newer.toString(), "--signing-key", attacker + ".key", "--insecure",
                "--cache-dir", dir.resolve("c").toString(), ref);
        Cli.Result r = Cli.run("db", "update", "--db-repository", ref, "--db-public-key", trusted + ".pub", "--insecure",
                "--db", target.toString());
        assertOneLineError(r, "kensa: the signature of " + ref + ": the signature does not verify with the trusted key "
                + trusted + ".pub (forged, or signed with another key); the database in place is unchanged");
        assertThat(sha256(target)).isEqualTo(before);
        try (KensaDatabase db = KensaDatabase.open(target)) {
            assertThat(db.info().javaIndexRows()).isEqualTo(2406);
        }
    }

    @Test
    void repositoriesAreTriedInOrderWithAWarningForEachThatFails() throws IOException {
        Path keys = keygen("k");
        Path db = build("built.db", Instant.now().minusSeconds(60));
        String good = open.reference("kensa/mirror:2");
        ok("db", "push", "--db", db.toString(), "--signing-key", keys + ".key", "--insecure", "--cache-dir",
                dir.resolve("c").toString(), good);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String down = "127.0.0.1:" + port + "/kensa/db:2";
        Path target = dir.resolve("out/kensa.db");
        Cli.Result r = ok("db", "update", "--db-repository", down, "--db-repository", good, "--db-public-key",
                keys + ".pub", "--insecure", "--db", target.toString());
        assertThat(r.errLines()).containsExactly("kensa: warning: cannot connect to 127.0.0.1:" + port
                + " (connection refused) while fetching the manifest of " + down + "; trying the next source");
        assertThat(r.out()).startsWith("updated " + target.toAbsolutePath() + " from " + good + ": ");
        assertThat(sha256(target)).isEqualTo(sha256(db));
    }

    @Test
    void credentialsFilesAndUrlsAndSkippingTheSignature() throws IOException {
        Path keys = keygen("k");
        Path db = build("built.db", Instant.now().minusSeconds(120));
        String ref = basic.reference("kensa/private:2");
        ok("db", "push", "--db", db.toString(), "--signing-key", keys + ".key", "--insecure", "--username", USER,
                "--password", PASSWORD, "--cache-dir", dir.resolve("c").toString(), ref);
        Path viaRegistry = dir.resolve("registry/kensa.db");
        assertOneLineError(Cli.run("db", "update", "--db-repository", ref, "--db-public-key", keys + ".pub", "--insecure",
                "--db", viaRegistry.toString()), "registry " + basic.host() + " requires authentication");
        ok("db", "update", "--db-repository", ref, "--db-public-key", keys + ".pub", "--insecure", "--username", USER,
                "--password", PASSWORD, "--db", viaRegistry.toString());
        assertThat(sha256(viaRegistry)).isEqualTo(sha256(db));

        Path www = dir.resolve("www");
        Cli.Result written = ok("db", "push", "--db", db.toString(), "--signing-key", keys + ".key", "--output-dir",
                www.toString(), "--cache-dir", dir.resolve("c").toString());
        assertThat(written.out()).startsWith("wrote " + www.resolve("kensa.db.zst") + " and "
                + www.resolve("kensa.db.zst.sig") + ": ");
        Path viaFile = dir.resolve("file/kensa.db");
        ok("db", "update", "--file", www.resolve("kensa.db.zst").toString(), "--db-public-key", keys + ".pub",
                "--db", viaFile.toString());
        assertThat(sha256(viaFile)).isEqualTo(sha256(db));

        HttpServer server = serve(www);
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/kensa.db.zst";
            Path viaUrl = dir.resolve("url/kensa.db");
            Cli.Result r = ok("db", "update", "--url", url, "--db-public-key", keys + ".pub", "--db", viaUrl.toString());
            assertThat(r.out()).startsWith("updated " + viaUrl.toAbsolutePath() + " from " + url + ": ");
            assertThat(sha256(viaUrl)).isEqualTo(sha256(db));
        } finally {
            server.stop(0);
        }

        Path unverified = dir.resolve("unverified/kensa.db");
        assertOneLineError(Cli.run("db", "update", "--file", www.resolve("kensa.db.zst").toString(), "--db",
                unverified.toString()), "give --db-public-key FILE (the key the database is signed with), or"
                + " --insecure-skip-signature to accept it unverified");
        Cli.Result skipped = ok("db", "update", "--file", www.resolve("kensa.db.zst").toString(), "--insecure-skip-signature",
                "--db", unverified.toString());
        assertThat(skipped.errLines()).containsExactly("kensa: warning: --insecure-skip-signature: the database is NOT"
                + " verified; whoever can alter it on the way can hide vulnerabilities from every scan");
        assertThat(skipped.out()).endsWith(", signature NOT verified\n");
        assertOneLineError(Cli.run("db", "update", "--db", unverified.toString()), "give --db-repository REF, --url URL or --file PATH");
        assertOneLineError(Cli.run("db", "push", "--db", db.toString(), "--signing-key", keys + ".pub", "--output-dir",
                www.toString()), keys + ".pub: a public key where a private key is expected");
        assertOneLineError(Cli.run("db", "push", "--db", keys + ".pub", "--signing-key", keys + ".key", "--output-dir",
                www.toString()), keys + ".pub: not a Kensa database");
    }

    @Test
    void anOldDatabaseIsAWarningNotAFailure() throws IOException {
        Instant built = Instant.now().minus(Duration.ofDays(9)).minus(Duration.ofHours(2));
        Path db = build("old.db", built);
        Cli.Result info = ok("db", "info", "--db", db.toString());
        assertThat(info.out()).contains("age:            9 days 2 hours (OLDER than the 5 days of --max-age)\n");
        assertThat(info.errLines()).containsExactly("kensa: warning: the database " + db.toAbsolutePath()
                + " was built 9 days ago, more than 5 days ago: update it with kensa db update");
        Cli.Result lenient = ok("db", "info", "--db", db.toString(), "--max-age", "2w");
        assertThat(lenient.err()).isEmpty();
        assertThat(lenient.out()).contains("(under the 14 days of --max-age)");
        assertOneLineError(Cli.run("db", "info", "--db", db.toString(), "--max-age", "soon"),
                "'soon' is not an age such as 5d, 36h or 1d12h");

        // a scan with it: the same warning, and the scan goes on
        Path root = Files.createDirectories(dir.resolve("root/etc"));
        Files.writeString(root.resolve("os-release"), "ID=alpine\nVERSION_ID=3.20.0\n");
        Cli.Result scan = ok("rootfs", dir.resolve("root").toString(), "--db", db.toString(), "-f", "json",
                "--cache-dir", dir.resolve("cache").toString());
        assertThat(scan.errLines()).containsExactly("kensa: warning: the database " + db
                + " was built 9 days ago, more than 5 days ago: update it with kensa db update");
        assertThat(new ObjectMapper().readTree(scan.out()).at("/artifact/os/family").asText()).isEqualTo("alpine");
        Cli.Result quiet = ok("rootfs", dir.resolve("root").toString(), "--db", db.toString(), "--db-max-age", "10d",
                "-f", "json", "--cache-dir", dir.resolve("cache").toString());
        assertThat(quiet.err()).isEmpty();
    }

    /** A web server on 127.0.0.1 serving the files of {@code root}. */
    private static HttpServer serve(Path root) throws IOException {
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

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
