package io.kensa.image.registry;

import io.kensa.core.Digest;
import io.kensa.core.KensaException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A parsed image reference {@code [registry[:port]/]repository[:tag][@digest]}, normalised like Docker does:
 * no registry means Docker Hub ({@code docker.io}), a single-segment Docker Hub name gets the {@code library/}
 * prefix, and a reference without tag or digest means tag {@code latest}. The first path segment is a registry
 * when it contains a {@code .} or a {@code :}, is {@code localhost}, or has upper-case letters.
 *
 * @param registry   the registry as the user names it, e.g. {@code docker.io} or {@code 127.0.0.1:5000}
 * @param repository the repository path, e.g. {@code library/debian}
 * @param tag        the tag, null when only a digest was given
 * @param digest     the manifest digest, null when not pinned
 */
public record ImageReference(String registry, String repository, String tag, Digest digest) {
    /** The registry name Docker uses for Docker Hub. */
    public static final String DOCKER_HUB = "docker.io";
    /** The host that serves Docker Hub's registry API. */
    public static final String DOCKER_HUB_API_HOST = "registry-1.docker.io";
    /** The key under which Docker stores Docker Hub credentials. */
    public static final String DOCKER_HUB_AUTH_KEY = "https://index.docker.io/v1/";

    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[a-fA-F0-9:]+\\])(?::[0-9]{1,5})?");
    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern IMAGE_ID = Pattern.compile("[a-f0-9]{64}");
    private static final int MAX_NAME_LENGTH = 255;

    public ImageReference {
        if (registry == null || repository == null || (tag == null && digest == null)) {
            throw new IllegalArgumentException("registry, repository and a tag or digest are required");
        }
    }

    /** Parses a reference as {@code docker pull} would; fails with one line naming what is wrong. */
    public static ImageReference parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new KensaException("empty image reference");
        }
        if (text.contains("://")) {
            throw malformed(text, "it must not include a scheme such as https://");
        }
        if (IMAGE_ID.matcher(text).matches()) {
            throw malformed(text, "a 64-character hexadecimal string is an image ID, not a repository name");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                throw malformed(text, "it contains whitespace or a non-ASCII character");
            }
        }
        String rest = text;
        Digest digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            String digestText = rest.substring(at + 1);
            rest = rest.substring(0, at);
            try {
                digest = Digest.parse(digestText);
            } catch (KensaException e) {
                throw malformed(text, e.getMessage());
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw malformed(text, "invalid tag '" + tag + "'");
            }
        }
        String registry;
        String repository;
        int slash = rest.indexOf('/');
        String first = slash < 0 ? rest : rest.substring(0, slash);
        if (slash < 0 || !(first.contains(".") || first.contains(":") || first.equals("localhost")
                || !first.toLowerCase(Locale.ROOT).equals(first))) {
            registry = DOCKER_HUB;
            repository = rest;
        } else {
            registry = first;
            repository = rest.substring(slash + 1);
            if (!DOMAIN.matcher(registry).matches()) {
                throw malformed(text, "invalid registry '" + registry + "'");
            }
        }
        if (registry.equals("index.docker.io")) {
            registry = DOCKER_HUB;
        }
        if (repository.isEmpty()) {
            throw malformed(text, "the repository name is empty");
        }
        if (!repository.toLowerCase(Locale.ROOT).equals(repository)) {
            throw malformed(text, "the repository name must be lowercase");
        }
        for (String component : repository.split("/", -1)) {
            if (!PATH_COMPONENT.matcher(component).matches()) {
                throw malformed(text, "invalid repository name component '" + component + "'");
            }
        }
        if (registry.equals(DOCKER_HUB) && !repository.contains("/")) {
            repository = "library/" + repository;
        }
        if (registry.length() + 1 + repository.length() > MAX_NAME_LENGTH) {
            throw malformed(text, "the name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (tag == null && digest == null) {
            tag = "latest";
        }
        return new ImageReference(registry, repository, tag, digest);
    }

    /** The host[:port] that serves the registry API ({@code registry-1.docker.io} for Docker Hub). */
    public String apiHost() {
        return registry.equals(DOCKER_HUB) ? DOCKER_HUB_API_HOST : registry;
    }

    /** What goes into {@code /v2/<repository>/manifests/<reference>}: the digest when pinned, else the tag. */
    public String manifestReference() {
        return digest != null ? digest.toString() : tag;
    }

    /** The repository as Docker shows it: without {@code docker.io/} and {@code library/}. */
    public String familiarRepository() {
        if (registry.equals(DOCKER_HUB)) {
            return repository.startsWith("library/") ? repository.substring("library/".length()) : repository;
        }
        return registry + "/" + repository;
    }

    /** A repo digest as Docker reports it, e.g. {@code debian@sha256:…} or {@code host:5000/repo@sha256:…}. */
    public String repoDigest(Digest manifestDigest) {
        return familiarRepository() + "@" + manifestDigest;
    }

    /** The fully qualified reference, e.g. {@code docker.io/library/debian:12}. */
    @Override
    public String toString() {
        return registry + "/" + repository + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }

    private static KensaException malformed(String text, String why) {
        String shown = text.length() > 300 ? text.substring(0, 300) + "…" : text;
        return new KensaException("malformed image reference '" + shown + "': " + why);
    }
}
