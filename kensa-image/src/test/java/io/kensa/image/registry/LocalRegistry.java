package io.kensa.image.registry;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A real registry for tests: Debian's {@code docker-registry serve CONFIG} (distribution 2.8) with filesystem
 * storage in a temporary directory, on a free 127.0.0.1 port, plain HTTP. Anonymous, htpasswd (Basic) or
 * token authentication (with its own {@link TokenServer}). Images are pushed with {@code skopeo copy}.
 *
 * <p>Use it as a JUnit 5 extension ({@code @RegisterExtension static LocalRegistry registry =
 * LocalRegistry.anonymous();} starts it before all tests of the class and stops it after), or by hand with
 * {@link #start()} and {@link #close()}. It lives in the kensa-image test-jar so other modules can use it;
 * the htpasswd and token variants need BouncyCastle ({@code bcprov-jdk18on}, {@code bcpkix-jdk18on}) on the
 * test class path.
 */
public final class LocalRegistry implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration PUSH_TIMEOUT = Duration.ofMinutes(3);

    private enum Auth { NONE, HTPASSWD, TOKEN }

    private final Auth auth;
    private final String user;
    private final String password;
    private TokenServer tokenServer;
    private Path dir;
    private Process process;
    private int port;
    private Thread shutdownHook;

    private LocalRegistry(Auth auth, String user, String password) {
        this.auth = auth;
        this.user = user;
        this.password = password;
    }

    /** A registry anyone may push to and pull from. */
    public static LocalRegistry anonymous() {
        return new LocalRegistry(Auth.NONE, null, null);
    }

    /** A registry with htpasswd (HTTP Basic) authentication and one user. */
    public static LocalRegistry htpasswd(String user, String password) {
        return new LocalRegistry(Auth.HTPASSWD, user, password);
    }

    /** A registry with token authentication; its token service grants any scope to {@code user}. */
    public static LocalRegistry tokenAuth(String user, String password) {
        return new LocalRegistry(Auth.TOKEN, user, password);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Starts the registry (and its token service) and waits until it answers; idempotent. */
    public synchronized LocalRegistry start() {
        if (process != null) {
            return this;
        }
        try {
            dir = Files.createTempDirectory("kensa-registry");
            if (auth == Auth.TOKEN) {
                tokenServer = new TokenServer(user, password).start();
            }
            IllegalStateException last = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    launch(freePort());
                    return this;
                } catch (IllegalStateException e) {
                    last = e; // most likely the port was taken in between: try another
                    stopProcess();
                }
            }
            throw last;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launch(int candidatePort) throws IOException {
        port = candidatePort;
        Path config = dir.resolve("config.yml");
        Files.writeString(config, config());
        Path log = dir.resolve("registry.log");
        process = new ProcessBuilder("docker-registry", "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        Process started = process;
        shutdownHook = new Thread(started::destroyForcibly, "kensa-registry-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            if (Files.readString(log).contains("listening on 127.0.0.1:" + port) && answers()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting docker-registry");
            }
        }
        throw new IllegalStateException("docker-registry did not answer within " + START_TIMEOUT.toSeconds() + " s: " + Files.readString(log));
    }

    private boolean answers() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://" + host() + "/v2/").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            int status = c.getResponseCode();
            c.disconnect();
            return status == 200 || status == 401;
        } catch (IOException notYet) {
            return false;
        }
    }

    private String config() throws IOException {
        StringBuilder y = new StringBuilder();
        y.append("version: 0.1\n");
        y.append("log:\n  level: info\n  accesslog:\n    disabled: true\n");
        y.append("storage:\n  filesystem:\n    rootdirectory: ").append(dir.resolve("data")).append('\n');
        y.append("  delete:\n    enabled: true\n");
        y.append("http:\n  addr: 127.0.0.1:").append(port).append('\n');
        y.append("  secret: ").append(UUID.randomUUID()).append('\n');
        switch (auth) {
            case NONE -> { }
            case HTPASSWD -> {
                Path file = dir.resolve("htpasswd");
                Files.writeString(file, Htpasswd.line(user, password) + "\n");
                y.append("auth:\n  htpasswd:\n    realm: kensa-test\n    path: ").append(file).append('\n');
            }
            case TOKEN -> {
                Path bundle = tokenServer.writeCertificateBundle(dir.resolve("token-ca.pem"));
                y.append("auth:\n  token:\n    realm: ").append(tokenServer.realm()).append('\n');
                y.append("    service: ").append(TokenServer.SERVICE).append('\n');
                y.append("    issuer: ").append(TokenServer.ISSUER).append('\n');
                y.append("    rootcertbundle: ").append(bundle).append('\n');
            }
        }
        return y.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** {@code 127.0.0.1:PORT}. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI baseUri() {
        return URI.create("http://" + host());
    }

    /** A reference to {@code repoTag} (e.g. {@code kensa/distroless:debian12}) in this registry. */
    public String reference(String repoTag) {
        return host() + "/" + repoTag;
    }

    /**
     * The registry's filesystem storage ({@code docker/registry/v2/blobs/sha256/<2 hex>/<hex>/data} holds the
     * blobs), for tests that damage what the registry serves.
     */
    public Path storageDir() {
        return dir.resolve("data");
    }

    /** The file holding blob {@code digest} ({@code sha256:…}) in the registry's storage. */
    public Path blobFile(String digest) {
        String hex = digest.substring(digest.indexOf(':') + 1);
        return storageDir().resolve("docker/registry/v2/blobs/sha256").resolve(hex.substring(0, 2)).resolve(hex)
                .resolve("data");
    }

    /** The token service of a token-auth registry, else null. */
    public TokenServer tokenServer() {
        return tokenServer;
    }

    /** The registry's log (warnings and errors). */
    public String log() {
        try {
            return Files.readString(dir.resolve("registry.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Pushes a docker-archive ({@code docker save}) file as {@code repoTag}. */
    public void pushDockerArchive(Path archive, String repoTag) {
        skopeo(List.of("docker-archive:" + archive.toAbsolutePath()), repoTag);
    }

    /** Pushes the image (or whole index, with every platform) named {@code refName} of an OCI layout. */
    public void pushOciLayout(Path layout, String refName, String repoTag) {
        skopeo(List.of("--all", "oci:" + layout.toAbsolutePath() + ":" + refName), repoTag);
    }

    private void skopeo(List<String> source, String repoTag) {
        List<String> cmd = new ArrayList<>(List.of("skopeo", "--insecure-policy", "copy", "--quiet", "--dest-tls-verify=false"));
        if (user != null) {
            cmd.add("--dest-creds");
            cmd.add(user + ":" + password);
        }
        cmd.addAll(source);
        cmd.add("docker://" + reference(repoTag));
        ProcessRunner.run(cmd, dir, PUSH_TIMEOUT);
    }

    /** Stops the registry and its token service and deletes its storage. */
    @Override
    public synchronized void close() {
        stopProcess();
        if (tokenServer != null) {
            tokenServer.close();
            tokenServer = null;
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // best effort: a temp directory
            }
            dir = null;
        }
    }

    private void stopProcess() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            process = null;
        }
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
            shutdownHook = null;
        }
    }
}
