package io.kensa.db.build.maven;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kensa.db.store.JavaIndexEntry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A Maven repository on 127.0.0.1: a folder in Maven Central's layout, built from the real jars of the test class
 * path ({@link RealJars}), served by the JDK's HTTP server. Each artifact's {@code maven-metadata.xml} lists the
 * versions the local repository has (some of them pom-only) plus {@value #NO_JAR}, which has no jar; each version
 * with a jar gets the {@code .jar.sha1} of that jar, alternately as {@code hash} and {@code hash  file-name}
 * (both forms are on Maven Central). A fault hook can answer any request with an error status instead; every
 * request is logged.
 */
final class LocalMavenRepository implements AutoCloseable {
    static final String NO_JAR = "0.0.1-no-jar";

    /** A request and the status it was answered with. */
    record Request(String path, int status) {
    }

    final Path root;
    final List<JavaIndexEntry> expected = new ArrayList<>();
    final List<String> versionsWithoutJar = new ArrayList<>();
    final List<MavenArtifact> artifacts = new ArrayList<>();
    final List<Request> log = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    volatile Function<String, Integer> fault = path -> null;
    volatile long delayMillis;
    private final ExecutorService executor = Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "test-maven-repo");
        t.setDaemon(true);
        return t;
    });
    private HttpServer server;
    private int port;

    LocalMavenRepository(Path root) throws IOException {
        this.root = root;
        int n = 0;
        for (RealJars.Artifact a : RealJars.onClassPath()) {
            artifacts.add(a.artifact());
            Path dir = Files.createDirectories(root.resolve(a.artifact().path()));
            List<String> versions = new ArrayList<>(a.versions());
            versions.add(NO_JAR);
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<metadata>\n  <groupId>")
                    .append(a.artifact().groupId()).append("</groupId>\n  <artifactId>").append(a.artifact().artifactId())
                    .append("</artifactId>\n  <versioning>\n    <versions>\n");
            for (String v : versions) {
                xml.append("      <version>").append(v).append("</version>\n");
                Path jar = v.equals(NO_JAR) ? null : RealJars.jar(a, v);
                if (jar == null) {
                    versionsWithoutJar.add(a.artifact() + ":" + v);
                    continue;
                }
                JavaIndexEntry e = RealJars.entry(a, v, jar);
                expected.add(e);
                Path sha1File = root.resolve(a.artifact().sha1Path(v));
                Files.createDirectories(sha1File.getParent());
                String file = a.artifact().artifactId() + "-" + v + ".jar";
                Files.writeString(sha1File, n++ % 2 == 0 ? e.sha1() : e.sha1() + "  " + file + "\n");
            }
            xml.append("    </versions>\n  </versioning>\n</metadata>\n");
            Files.writeString(dir.resolve("maven-metadata.xml"), xml.toString());
        }
        expected.sort(null);
        start(0);
    }

    private void start(int wanted) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        port = server.getAddress().getPort();
    }

    /** Stops the server and starts it again on the same port (a repository that went away and came back). */
    void restart() throws IOException, InterruptedException {
        server.stop(0);
        for (int i = 0; ; i++) {
            try {
                start(port);
                return;
            } catch (BindException e) {
                if (i > 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/maven2/");
    }

    /** Requests answered with a status in [200, 500): the ones whose answer a crawl may keep. */
    List<String> answered() {
        synchronized (log) {
            return log.stream().filter(r -> r.status() < 500 && r.status() != 429).map(Request::path).toList();
        }
    }

    Map<String, Integer> requestsPerPath() {
        Map<String, Integer> m = new ConcurrentHashMap<>();
        synchronized (log) {
            log.forEach(r -> m.merge(r.path(), 1, Integer::sum));
        }
        return m;
    }

    private void handle(HttpExchange ex) throws IOException {
        // in flight: from the request's arrival until its answer is ready, before the answer is sent (once sent, the
        // client may send its next request before this thread gets to count this one out)
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
        try {
            String path = ex.getRequestURI().getPath();
            Integer injected = fault.apply(path);
            if (injected != null) {
                respond(ex, path, injected, ("injected " + injected).getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!path.startsWith("/maven2/")) {
                respond(ex, path, 404, new byte[0]);
                return;
            }
            Path file = root.resolve(path.substring("/maven2/".length())).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                respond(ex, path, 404, "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            respond(ex, path, 200, Files.readAllBytes(file));
        } finally {
            ex.close();
        }
    }

    private void respond(HttpExchange ex, String path, int status, byte[] body) throws IOException {
        log.add(new Request(path, status));
        if (status == 429) {
            ex.getResponseHeaders().add("Retry-After", "0");
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
