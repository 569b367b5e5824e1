package io.kensa.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.core.Digest;
import io.kensa.core.KensaException;
import io.kensa.image.layer.Blobs;
import io.kensa.image.oci.ManifestDocument;
import io.kensa.image.oci.MediaTypes;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A client of one OCI distribution (Docker registry v2) endpoint, on {@link java.net.http.HttpClient}: reads
 * manifests (verified against their digest) and blobs, pushes blobs and manifests, authenticating as the registry asks (anonymous, Basic,
 * or bearer tokens cached per scope), following blob-storage redirects and retrying transient failures.
 * Every failure is a one-line {@link KensaException}.
 */
public final class RegistryClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA1 = "application/vnd.docker.distribution.manifest.v1+json";
    private static final String SCHEMA1_SIGNED = "application/vnd.docker.distribution.manifest.v1+prettyjws";

    private final String registry;
    private final String baseUri;
    private final int maxManifestBytes;
    private final HttpTransport transport;
    private final RegistryAuth auth;

    private RegistryClient(String registry, String baseUri, int maxManifestBytes, HttpTransport transport,
                           Supplier<Optional<Credentials>> credentials, boolean insecure) {
        this.registry = registry;
        this.baseUri = baseUri;
        this.maxManifestBytes = maxManifestBytes;
        this.transport = transport;
        this.auth = new RegistryAuth(registry, credentials, new TokenFetcher(transport, insecure, registry));
    }

    /**
     * A client of {@code registry} (as named in an image reference: {@code docker.io} means Docker Hub's API
     * host). Credentials are looked up only when the registry asks for them.
     */
    public static RegistryClient create(String registry, RegistryOptions options) {
        String apiHost = registry.equals(ImageReference.DOCKER_HUB) ? ImageReference.DOCKER_HUB_API_HOST : registry;
        String base = (options.insecure() ? "http" : "https") + "://" + apiHost + "/v2/";
        try {
            URI.create(base);
        } catch (IllegalArgumentException e) {
            throw new KensaException("invalid registry host '" + HttpTransport.clip(registry) + "'");
        }
        Credentials explicit = options.username() != null
                ? Credentials.basic(options.username(), options.password(), "--username/--password") : null;
        ClientSettings settings = options.client();
        Supplier<Optional<Credentials>> credentials = () -> {
            DockerConfigFile config = DockerConfigFile.load(options.dockerConfig() != null ? options.dockerConfig()
                    : DockerConfigFile.locate(System.getenv(), System.getProperty("user.home")));
            List<java.nio.file.Path> path = settings.helperSearchPath() != null ? settings.helperSearchPath()
                    : CredentialHelper.parsePath(System.getenv("PATH"));
            return new CredentialResolver(explicit, config, new CredentialHelper(path, settings.helperTimeout())).resolve(registry);
        };
        return new RegistryClient(registry, base, options.limits().maxManifestBytes(), new HttpTransport(settings),
                credentials, options.insecure());
    }

    /** The registry's name as given. */
    public String registry() {
        return registry;
    }

    /**
     * GETs a manifest or index by tag or digest, bounded by the manifest size limit and verified against
     * {@code expected} (when pinned) and the registry's {@code Docker-Content-Digest} (when sent).
     *
     * @param repository e.g. {@code library/debian}
     * @param reference  a tag or a digest
     * @param expected   the digest the manifest must have, or null
     */
    public FetchedManifest fetchManifest(String repository, String reference, Digest expected) {
        String subject = subject(repository, reference);
        String what = "the manifest of " + subject;
        try (RegistryResponse response = call("GET", repository, "manifests/" + reference,
                Map.of("Accept", MediaTypes.MANIFEST_ACCEPT), what, subject)) {
            if (response.status() != 200) {
                throw RegistryErrors.forStatus(response, registry, subject, what);
            }
            if (response.contentLength() > maxManifestBytes) {
                throw new KensaException(what + " is larger than " + maxManifestBytes + " bytes ("
                        + response.contentLength() + " announced)");
            }
            byte[] bytes = read(response, maxManifestBytes, what);
            String mediaType = response.mediaType();
            rejectSchema1(mediaType, bytes, what);
            Digest announced = announcedDigest(response, what);
            if (expected != null) {
                Blobs.verify(bytes, expected, what);
            }
            if (announced != null) {
                Blobs.verify(bytes, announced, what + " (Docker-Content-Digest)");
            }
            Digest digest = expected != null ? expected : announced != null ? announced : Blobs.digest("sha256", bytes);
            ManifestDocument document = ManifestDocument.parse(bytes, mediaType, what);
            return new FetchedManifest(digest, mediaType, bytes, document);
        }
    }

    /** HEADs a manifest: its digest, media type and size as the registry announces them. */
    public ManifestHead headManifest(String repository, String reference) {
        String subject = subject(repository, reference);
        String what = "the manifest of " + subject;
        try (RegistryResponse response = call("HEAD", repository, "manifests/" + reference,
                Map.of("Accept", MediaTypes.MANIFEST_ACCEPT), what, subject)) {
            if (response.status() != 200) {
                throw RegistryErrors.forStatus(response, registry, subject, what);
            }
            return new ManifestHead(announcedDigest(response, what), response.mediaType(), response.contentLength());
        }
    }

    /**
     * Opens a blob as a stream (following redirects to blob storage); the caller verifies its digest while
     * reading. Fails at once when the registry announces a size other than {@code expectedSize} (-1 = unknown).
     */
    public InputStream openBlob(String repository, Digest digest, long expectedSize) {
        String what = "blob " + digest + " of " + registry + "/" + repository;
        RegistryResponse response = call("GET", repository, "blobs/" + digest, Map.of(), what, registry + "/" + repository);
        if (response.status() != 200) {
            throw RegistryErrors.forStatus(response, registry, registry + "/" + repository, what);
        }
        long length = response.contentLength();
        if (expectedSize >= 0 && length >= 0 && length != expectedSize) {
            response.close();
            throw new KensaException(what + " has " + length + " bytes, the manifest says " + expectedSize);
        }
        return response.body();
    }

    /** Reads a small blob (a config) whole: at most {@code limit} bytes, digest verified. */
    public byte[] readBlob(String repository, Digest digest, int limit) {
        String what = "blob " + digest + " of " + registry + "/" + repository;
        try (InputStream in = openBlob(repository, digest, -1)) {
            return Blobs.readVerified(in, digest, limit, what);
        } catch (IOException e) {
            throw transport.failure(e, URI.create(baseUri), what);
        }
    }

    /**
     * Whether the registry holds blob {@code digest} in {@code repository} (a HEAD, with push rights: it is asked
     * before an upload, to skip blobs the registry has).
     */
    public boolean blobExists(String repository, Digest digest) {
        String what = "blob " + digest + " of " + registry + "/" + repository;
        try (RegistryResponse response = call("HEAD", repository, "blobs/" + digest, Map.of(), null, what,
                registry + "/" + repository, Access.PUSH)) {
            return switch (response.status()) {
                case 200 -> true;
                case 404 -> false;
                default -> throw RegistryErrors.forStatus(response, registry, registry + "/" + repository, what);
            };
        }
    }

    /**
     * Uploads a blob in one piece: {@code POST /v2/<repository>/blobs/uploads/} opens an upload session, then one
     * {@code PUT <location>?digest=<digest>} sends the bytes (the distribution spec's "monolithic" upload). The
     * registry checks the digest itself and refuses the blob on a mismatch.
     *
     * @param body the bytes, of known length, which the client may send again on a retry (a file or an array)
     */
    public void uploadBlob(String repository, Digest digest, HttpRequest.BodyPublisher body) {
        if (body.contentLength() < 0) {
            throw new IllegalArgumentException("a blob upload needs a body of known length");
        }
        String subject = registry + "/" + repository;
        String what = "blob " + digest + " to " + subject;
        URI location;
        try (RegistryResponse started = call("POST", repository, "blobs/uploads/", Map.of(),
                HttpRequest.BodyPublishers.noBody(), "the upload of " + what, subject, Access.PUSH)) {
            if (started.status() != 202) {
                throw RegistryErrors.forStatus(started, registry, subject, "the upload of " + what);
            }
            location = uploadLocation(started, what);
        }
        URI put = URI.create(location + (location.getRawQuery() == null ? "?" : "&") + "digest="
                + URLEncoder.encode(digest.toString(), StandardCharsets.UTF_8));
        Map<String, String> headers = Map.of("Content-Type", "application/octet-stream");
        try (RegistryResponse done = callUri("PUT", put, repository, headers, body, what, subject, Access.PUSH)) {
            if (done.status() != 201) {
                throw RegistryErrors.forStatus(done, registry, subject, what);
            }
            Digest stored = announcedDigest(done, what);
            if (stored != null && !stored.equals(digest)) {
                throw new KensaException("registry " + registry + " stored " + what + " as " + stored);
            }
        }
    }

    /**
     * PUTs a manifest under {@code reference} (a tag or its digest) and returns its digest, checked against the
     * registry's {@code Docker-Content-Digest} when it sends one.
     */
    public Digest putManifest(String repository, String reference, String mediaType, byte[] manifest) {
        String subject = subject(repository, reference);
        String what = "the manifest of " + subject;
        Digest digest = Blobs.digest("sha256", manifest);
        try (RegistryResponse response = call("PUT", repository, "manifests/" + reference,
                Map.of("Content-Type", mediaType), HttpRequest.BodyPublishers.ofByteArray(manifest), what, subject,
                Access.PUSH)) {
            if (response.status() != 201) {
                throw RegistryErrors.forStatus(response, registry, subject, what);
            }
            Digest announced = announcedDigest(response, what);
            if (announced != null && !announced.equals(digest)) {
                throw new KensaException("registry " + registry + " stored " + what + " as " + announced + ", not "
                        + digest);
            }
        }
        return digest;
    }

    /** Where the registry wants the bytes of an upload it accepted: its Location, resolved against the API URL. */
    private URI uploadLocation(RegistryResponse started, String what) {
        String location = started.header("Location");
        if (location == null || location.isBlank()) {
            throw new KensaException("registry " + registry + " accepted the upload of " + what
                    + " without saying where to send it (no Location header)");
        }
        try {
            URI resolved = started.uri().resolve(location.trim());
            String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || resolved.getHost() == null) {
                throw new IllegalArgumentException("not an HTTP URL");
            }
            if (!HttpTransport.sameOrigin(resolved, started.uri())) {
                throw new KensaException("registry " + registry + " sent the upload of " + what + " to another host ("
                        + resolved.getAuthority() + "), which Kensa does not follow");
            }
            return resolved;
        } catch (IllegalArgumentException e) {
            throw new KensaException("registry " + registry + " answered the upload of " + what
                    + " with a malformed Location '" + HttpTransport.clip(location) + "'");
        }
    }

    /** What a request needs the registry to allow: reading, or reading and writing (push needs both). */
    private enum Access {
        PULL("pull", "pulling"), PUSH("pull,push", "pushing to");

        final String actions;
        final String doing;

        Access(String actions, String doing) {
            this.actions = actions;
            this.doing = doing;
        }
    }

    /** The one-line error for a failure while reading a body from this registry, e.g. a blob cut short. */
    public KensaException failure(IOException e, String what) {
        return transport.failure(e, URI.create(baseUri), what);
    }

    /** Sends a request needing pull access, answering one authentication challenge if the registry makes one. */
    private RegistryResponse call(String method, String repository, String path, Map<String, String> headers,
                                  String what, String subject) {
        return call(method, repository, path, headers, null, what, subject, Access.PULL);
    }

    private RegistryResponse call(String method, String repository, String path, Map<String, String> headers,
                                  HttpRequest.BodyPublisher body, String what, String subject, Access access) {
        return callUri(method, URI.create(baseUri + repository + "/" + path), repository, headers, body, what, subject,
                access);
    }

    /** Sends a request to {@code uri}, answering one authentication challenge if the registry makes one. */
    private RegistryResponse callUri(String method, URI uri, String repository, Map<String, String> headers,
                                     HttpRequest.BodyPublisher body, String what, String subject, Access access) {
        String scope = "repository:" + repository + ":" + access.actions;
        String sent = auth.authorizationFor(scope);
        RegistryResponse response = transport.send(new HttpTransport.Exchange(method, uri, headers, sent, what, body));
        if (response.status() != 401) {
            return response;
        }
        List<AuthChallenge> challenges = AuthChallenge.parseAll(response.headers().allValues("WWW-Authenticate"));
        response.close();
        if (sent != null) {
            auth.forget(scope);
        }
        String answer = auth.answer(challenges, scope);
        if (answer.equals(sent)) {
            throw refused(subject, challenges, access);
        }
        response = transport.send(new HttpTransport.Exchange(method, uri, headers, answer, what, body));
        if (response.status() == 401) {
            List<AuthChallenge> again = AuthChallenge.parseAll(response.headers().allValues("WWW-Authenticate"));
            response.close();
            throw refused(subject, again, access);
        }
        return response;
    }

    private KensaException refused(String subject, List<AuthChallenge> challenges, Access access) {
        String error = challenges.stream().map(c -> c.param("error")).filter(e -> e != null).findFirst().orElse(null);
        if (!auth.hasCredentials()) {
            return new KensaException("registry " + registry + " requires authentication for " + subject
                    + "; give --username and --password, or log in with docker login");
        }
        if ("insufficient_scope".equals(error)) {
            return new KensaException("access to " + subject + " denied by registry " + registry
                    + " (the credentials do not allow " + access.doing + " it)");
        }
        return new KensaException("authentication failed for registry " + registry + ": the credentials from "
                + auth.credentialOrigin() + " were refused (wrong user name or password?)");
    }

    private byte[] read(RegistryResponse response, int limit, String what) {
        try {
            return Blobs.readBounded(response.body(), limit, what);
        } catch (IOException e) {
            throw transport.failure(e, response.uri(), what);
        }
    }

    private static Digest announcedDigest(RegistryResponse response, String what) {
        String header = response.header("Docker-Content-Digest");
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Digest.parse(header.trim());
        } catch (KensaException e) {
            throw new KensaException(what + ": the registry sent a malformed Docker-Content-Digest (" + e.getMessage() + ")");
        }
    }

    private static void rejectSchema1(String mediaType, byte[] bytes, String what) {
        boolean schema1 = SCHEMA1.equals(mediaType) || SCHEMA1_SIGNED.equals(mediaType);
        if (!schema1 && !MediaTypes.isIndex(mediaType) && !MediaTypes.isManifest(mediaType)) {
            try {
                JsonNode root = JSON.readTree(bytes);
                schema1 = root != null && root.path("schemaVersion").asInt(0) == 1;
            } catch (IOException notJson) {
                return; // ManifestDocument.parse reports it
            }
        }
        if (schema1) {
            throw new KensaException(what + " uses the deprecated Docker image manifest schema 1, which Kensa does not"
                    + " support (push the image again with a current client)");
        }
    }

    private String subject(String repository, String reference) {
        return registry + "/" + repository + (reference.contains(":") ? "@" : ":") + reference;
    }

    @Override
    public void close() {
        transport.close();
    }
}
