/**
 * A client of the OCI distribution API (Docker registry v2), written on {@link java.net.http.HttpClient}.
 *
 * <ul>
 *   <li>{@link io.kensa.image.registry.ImageReference} parses references as Docker does.</li>
 *   <li>{@link io.kensa.image.registry.RegistryClient} reads manifests (digest-verified, bounded) and blobs;
 *       it answers {@code WWW-Authenticate} challenges (Basic; Bearer tokens from the realm, cached per scope),
 *       pushes blobs (POST, then one PUT with {@code ?digest=}; HEAD skips blobs the registry has) and manifests,
 *       follows blob-storage redirects without leaking the Authorization header to another origin, retries
 *       429/5xx/dropped connections with bounded exponential back-off, and bounds every network wait.</li>
 *   <li>Credentials come from {@link io.kensa.image.registry.RegistryOptions} or from Docker's
 *       {@link io.kensa.image.registry.DockerConfigFile} ({@code auths}, {@code credHelpers}, {@code credsStore}).</li>
 * </ul>
 * {@link io.kensa.image.registry.UrlFetcher} GETs plain URLs with the same transport.
 * Every failure reaches the user as a one-line {@link io.kensa.core.KensaException}.
 * {@link io.kensa.image.source.RegistrySource} builds an image source on top of this package.
 */
package io.kensa.image.registry;
