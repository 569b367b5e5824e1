package io.kensa.image.source;

import io.kensa.core.Digest;
import io.kensa.core.KensaException;
import io.kensa.image.oci.Descriptor;
import io.kensa.image.oci.ImageConfig;
import io.kensa.image.oci.ManifestDocument;
import io.kensa.image.oci.MediaTypes;
import io.kensa.image.oci.Platform;
import io.kensa.image.oci.PlatformSelector;
import io.kensa.image.registry.FetchedManifest;
import io.kensa.image.registry.ImageReference;
import io.kensa.image.registry.RegistryClient;
import io.kensa.image.registry.RegistryOptions;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An image read from a registry: the reference is resolved to a manifest (picking the wanted platform out of
 * an index), whose config is read (bounded, digest-verified) and whose layers are streamed on demand.
 * The repo digest is the digest of the manifest or index the reference names.
 */
public final class RegistrySource extends ResolvedImageSource {
    private final ImageReference reference;
    private final RegistryClient client;
    private final Digest manifestDigest;

    private RegistrySource(String name, ImageReference reference, RegistryClient client, ImageConfig config,
                           List<LayerRef> layers, Digest manifestDigest, List<String> repoDigests) {
        super(name, config, layers, repoDigests);
        this.reference = reference;
        this.client = client;
        this.manifestDigest = manifestDigest;
    }

    /**
     * Resolves {@code reference} (e.g. {@code 127.0.0.1:5000/repo:tag}) and reads the image's manifest and
     * config. Fails with one line: malformed reference, unreachable registry, authentication, not found,
     * platform absent, digest mismatch, unsupported or oversized manifest.
     */
    public static RegistrySource open(String reference, RegistryOptions options) {
        ImageReference ref = ImageReference.parse(reference);
        RegistryClient client = RegistryClient.create(ref.registry(), options);
        try {
            return resolve(reference, ref, client, options);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private static RegistrySource resolve(String name, ImageReference ref, RegistryClient client, RegistryOptions options) {
        FetchedManifest top = client.fetchManifest(ref.repository(), ref.manifestReference(), ref.digest());
        FetchedManifest chosen = top;
        if (top.document() instanceof ManifestDocument.Index index) {
            Descriptor d = PlatformSelector.select(index, options.effectivePlatform(), "image " + ref);
            chosen = client.fetchManifest(ref.repository(), d.digest().toString(), d.digest());
            if (!(chosen.document() instanceof ManifestDocument.Manifest)) {
                throw new KensaException("image " + ref + ": the " + d.platform() + " entry of the index is not an image manifest");
            }
        }
        ManifestDocument.Manifest manifest = (ManifestDocument.Manifest) chosen.document();
        Descriptor configDescriptor = manifest.config();
        String configType = configDescriptor.mediaType();
        if (configType != null && !configType.equals(MediaTypes.OCI_CONFIG) && !configType.equals(MediaTypes.DOCKER_CONFIG)) {
            throw new KensaException("image " + ref + " is not a container image (its config has media type " + configType + ")");
        }
        int limit = options.limits().maxManifestBytes();
        if (configDescriptor.size() > limit) {
            throw new KensaException("the config of image " + ref + " is larger than " + limit + " bytes");
        }
        byte[] configBytes = client.readBlob(ref.repository(), configDescriptor.digest(), limit);
        ImageConfig config = ImageConfig.parse(configDescriptor.digest(), configBytes);
        if (top.document() instanceof ManifestDocument.Manifest && options.platform() != null
                && config.os() != null && config.architecture() != null && !options.platform().matches(config.platform())) {
            throw new KensaException("image " + ref + " is for " + config.platform() + ", not for the requested platform "
                    + options.platform());
        }
        List<LayerRef> layers = layers(ref, manifest, config);
        return new RegistrySource(name, ref, client, config, layers, chosen.digest(), List.of(ref.repoDigest(top.digest())));
    }

    private static List<LayerRef> layers(ImageReference ref, ManifestDocument.Manifest manifest, ImageConfig config) {
        List<Descriptor> blobs = manifest.layers();
        List<Digest> diffIds = config.diffIds();
        if (blobs.size() != diffIds.size()) {
            throw new KensaException("image " + ref + " is inconsistent: the manifest lists " + blobs.size()
                    + " layers but the config lists " + diffIds.size() + " diff_ids");
        }
        List<String> createdBy = config.layerCreatedBy();
        List<LayerRef> out = new ArrayList<>(blobs.size());
        for (int i = 0; i < blobs.size(); i++) {
            Descriptor d = blobs.get(i);
            out.add(new LayerRef(d.digest(), diffIds.get(i), d.size(), d.mediaType(), createdBy.get(i)));
        }
        return List.copyOf(out);
    }

    /** The parsed reference. */
    public ImageReference reference() {
        return reference;
    }

    /** The digest of the image manifest that was read (for an index, the chosen platform's manifest). */
    public Digest manifestDigest() {
        return manifestDigest;
    }

    /** The platform of the image that was read, from its config. */
    public Platform platform() {
        return config().platform();
    }

    /**
     * Streams the layer blob from the registry (following redirects to blob storage). Registry failures before
     * the first byte are one-line {@link KensaException}s; a body that stalls or drops fails with an IOException.
     */
    @Override
    public InputStream openBlob(LayerRef layer) throws IOException {
        return client.openBlob(reference.repository(), layer.digest(), layer.size());
    }

    @Override
    public void close() {
        client.close();
    }
}
