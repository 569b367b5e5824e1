package io.kensa.db.update;

import io.kensa.core.KensaException;
import io.kensa.db.artifact.ArtifactConfig;
import io.kensa.db.artifact.ArtifactManifest;
import io.kensa.db.signing.DatabaseSignature;
import io.kensa.db.store.Schema;
import io.kensa.image.registry.FetchedManifest;
import io.kensa.image.registry.ImageReference;
import io.kensa.image.registry.RegistryClient;
import io.kensa.image.registry.RegistryOptions;

import java.io.InputStream;

/**
 * A database artifact in a registry ({@code --db-repository REF}): its manifest is read once (digest-verified, and
 * pinned when the reference has a digest), its config checked for the schema version this Kensa reads, then the
 * signature and database layers are read from their blobs, each verified against its descriptor.
 */
public final class RegistryArtifactSource implements ArtifactSource {
    private final ImageReference reference;
    private final RegistryClient client;
    private ArtifactManifest manifest;

    public RegistryArtifactSource(String reference, RegistryOptions options) {
        this.reference = ImageReference.parse(reference);
        this.client = RegistryClient.create(this.reference.registry(), options);
    }

    @Override
    public String name() {
        return reference.toString();
    }

    private ArtifactManifest manifest() {
        if (manifest == null) {
            FetchedManifest fetched = client.fetchManifest(reference.repository(), reference.manifestReference(),
                    reference.digest());
            ArtifactManifest m = ArtifactManifest.parse(fetched.bytes(), "the manifest of " + reference);
            ArtifactConfig config = ArtifactConfig.parse(client.readBlob(reference.repository(), m.config().digest(),
                    ArtifactConfig.MAX_BYTES), "the config of " + reference);
            if (config.schemaVersion() != Schema.VERSION) {
                throw new KensaException(reference + " holds a database of schema version " + config.schemaVersion()
                        + ", this kensa reads version " + Schema.VERSION
                        + (config.schemaVersion() > Schema.VERSION ? " (upgrade kensa)" : ""));
            }
            manifest = m;
        }
        return manifest;
    }

    @Override
    public byte[] signature() {
        ArtifactManifest.Blob blob = manifest().signature();
        if (blob == null) {
            return null;
        }
        if (blob.size() > DatabaseSignature.MAX_BYTES) {
            throw new KensaException("the signature of " + reference + " is larger than " + DatabaseSignature.MAX_BYTES
                    + " bytes (" + blob.size() + " announced)");
        }
        return client.readBlob(reference.repository(), blob.digest(), DatabaseSignature.MAX_BYTES);
    }

    @Override
    public InputStream openDatabase(UpdateLimits limits) {
        ArtifactManifest.Blob blob = manifest().database();
        String what = "blob " + blob.digest() + " of " + reference.registry() + "/" + reference.repository();
        if (blob.size() > limits.maxCompressedBytes()) {
            throw new KensaException("the database of " + reference + " is larger than " + limits.maxCompressedBytes()
                    + " bytes compressed (" + blob.size() + " announced)");
        }
        InputStream in = client.openBlob(reference.repository(), blob.digest(), blob.size());
        return new VerifyingStream(in, what, blob.size(), " (the size its descriptor gives)", blob.digest(), blob.size(),
                e -> client.failure(e, what));
    }

    /** The compressed size the manifest announces. */
    long announcedSize() {
        return manifest().database().size();
    }

    @Override
    public void close() {
        client.close();
    }
}
