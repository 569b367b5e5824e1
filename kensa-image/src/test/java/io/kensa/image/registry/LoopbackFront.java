package io.kensa.image.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A programmable HTTP server on 127.0.0.1 standing in front of a real registry: each request goes to a
 * {@link Handler} that may answer itself (an error, a redirect, a tampered body) or {@link #proxy} it.
 * Every request is recorded with its Authorization header.
 */
public final class LoopbackFront implements AutoCloseable {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "proxy-authorization", "proxy-connection", "date", "http2-settings");

    /** Answers one request; {@code number} counts requests from 1. */
    @FunctionalInterface
    public interface Handler {
        void handle(LoopbackFront front, HttpExchange exchange, int number) throws IOException;
    }

    /** One request as the front saw it. */
    public record Recorded(String method, String path, String authorization) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Recorded> recorded = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();

    private LoopbackFront(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                recorded.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization")));
                handler.handle(this, exchange, count.incrementAndGet());
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a front on a free port. */
    public static LoopbackFront start(Handler handler) {
        try {
            return new LoopbackFront(handler);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A front that proxies everything to {@code backend}. */
    public static LoopbackFront proxyTo(URI backend) {
        return start((front, exchange, n) -> front.proxy(exchange, backend));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code 127.0.0.1:PORT}. */
    public String host() {
        return "127.0.0.1:" + port();
    }

    public List<Recorded> requests() {
        return List.copyOf(recorded);
    }

    /** Forwards the request to the same path and query on {@code backend} and relays the answer. */
    public void proxy(HttpExchange exchange, URI backend) throws IOException {
        URI in = exchange.getRequestURI();
        proxyTo(exchange, URI.create(backend.toString().replaceAll("/$", "") + in.getRawPath()
                + (in.getRawQuery() == null ? "" : "?" + in.getRawQuery())));
    }

    /** Forwards the request to exactly {@code target} and relays the answer. */
    public void proxyTo(HttpExchange exchange, URI target) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30));
        byte[] body = exchange.getRequestBody().readAllBytes();
        request.method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(v -> exchange.getResponseHeaders().add(name, v));
            }
        });
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.statusCode(), head || length == 0 ? -1 : Math.max(length, 0));
        try (InputStream from = response.body(); OutputStream to = exchange.getResponseBody()) {
            if (!head) {
                from.transferTo(to);
            }
        }
    }

    /** Answers with {@code status}, {@code headers} and {@code body}. */
    public static void respond(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        boolean noBody = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        client.shutdownNow();
    }
}
