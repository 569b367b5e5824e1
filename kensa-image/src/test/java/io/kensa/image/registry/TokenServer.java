package io.kensa.image.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A token service for docker-registry's {@code auth: token:} mode, on the JDK's HTTP server at 127.0.0.1:
 * on {@code GET /token?service=…&scope=…} with the right HTTP Basic credentials it issues an RS256 JWT granting
 * the requested scopes, signed with a key whose self-signed certificate is both the registry's
 * {@code rootcertbundle} and the JWT's {@code x5c} chain. Wrong or missing credentials get a 401.
 */
public final class TokenServer implements AutoCloseable {
    public static final String SERVICE = "kensa-test-registry";
    public static final String ISSUER = "kensa-test-issuer";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One request to the token service.
     *
     * @param method        GET (basic credentials) or POST (OAuth2 refresh token)
     * @param authorization the Authorization header, or null
     * @param scopes        the scopes asked for
     * @param service       the service asked for
     * @param granted       whether a token was issued
     */
    public record TokenRequest(String method, String authorization, List<String> scopes, String service, boolean granted) {
    }

    /** The OAuth2 refresh token (a docker config identitytoken) this service accepts on POST. */
    public static final String REFRESH_TOKEN = "kensa-refresh-token";

    private final String user;
    private final String password;
    private final KeyPair key;
    private final X509Certificate certificate;
    private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();
    private volatile String tokenField = "token";
    private HttpServer server;

    public TokenServer(String user, String password) {
        this.user = user;
        this.password = password;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            key = generator.generateKeyPair();
            X500Name name = new X500Name("CN=kensa test token issuer");
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(2, ChronoUnit.DAYS)), name, key.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign));
            certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())));
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot make the token signing certificate", e);
        }
    }

    /** Starts the service on a free 127.0.0.1 port. */
    public synchronized TokenServer start() {
        if (server != null) {
            return this;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/token", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return this;
    }

    /** The realm URL for the registry config. */
    public URI realm() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    }

    /** Writes the certificate as PEM (the registry's rootcertbundle). */
    public Path writeCertificateBundle(Path file) {
        try {
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            return Files.writeString(file, pem);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answer with {@code access_token} instead of {@code token} (both are allowed by the protocol). */
    public void answerWithAccessTokenField() {
        tokenField = "access_token";
    }

    public List<TokenRequest> requests() {
        return List.copyOf(requests);
    }

    public long grantedCount() {
        return requests.stream().filter(TokenRequest::granted).count();
    }

    public void resetRequests() {
        requests.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            List<String> scopes = new ArrayList<>();
            String service = null;
            String refreshToken = null;
            String grantType = null;
            boolean post = exchange.getRequestMethod().equals("POST");
            String form = post ? new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    : exchange.getRequestURI().getRawQuery();
            if (form != null) {
                for (String pair : form.split("&")) {
                    int eq = pair.indexOf('=');
                    String name = eq < 0 ? pair : pair.substring(0, eq);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    switch (name) {
                        case "scope" -> scopes.addAll(List.of(value.split(" ")));
                        case "service" -> service = value;
                        case "refresh_token" -> refreshToken = value;
                        case "grant_type" -> grantType = value;
                        default -> { }
                    }
                }
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            boolean ok = SERVICE.equals(service) && (post
                    ? "refresh_token".equals(grantType) && REFRESH_TOKEN.equals(refreshToken)
                    : expected.equals(authorization));
            requests.add(new TokenRequest(exchange.getRequestMethod(), authorization, List.copyOf(scopes), service, ok));
            if (!ok) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"kensa-token\"");
                send(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad credentials\"}]}");
                return;
            }
            ObjectNode body = JSON.createObjectNode();
            body.put(post ? "access_token" : tokenField, jwt(scopes));
            body.put("expires_in", 300);
            body.put("issued_at", Instant.now().toString());
            send(exchange, 200, JSON.writeValueAsString(body));
        }
    }

    private String jwt(List<String> scopes) {
        try {
            ObjectNode header = JSON.createObjectNode();
            header.put("typ", "JWT");
            header.put("alg", "RS256");
            header.putArray("x5c").add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
            long now = Instant.now().getEpochSecond();
            ObjectNode claims = JSON.createObjectNode();
            claims.put("iss", ISSUER);
            claims.put("sub", user);
            claims.put("aud", SERVICE);
            claims.put("exp", now + 300);
            claims.put("nbf", now - 10);
            claims.put("iat", now);
            claims.put("jti", UUID.randomUUID().toString());
            ArrayNode access = claims.putArray("access");
            for (String scope : scopes) {
                String[] parts = scope.split(":");
                if (parts.length == 3) {
                    ObjectNode a = access.addObject();
                    a.put("type", parts[0]);
                    a.put("name", parts[1]);
                    ArrayNode actions = a.putArray("actions");
                    for (String action : parts[2].split(",")) {
                        actions.add(action);
                    }
                }
            }
            Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
            String signingInput = url.encodeToString(JSON.writeValueAsBytes(header)) + "." + url.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + url.encodeToString(rsa.sign());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }
}
