package io.kensa.db.artifact;

/**
 * The names of the database artifact (see {@code kensa-db/ARTIFACT.md}): an OCI image manifest whose
 * {@code artifactType} is {@value #ARTIFACT_TYPE}, with a small JSON config and two layers, the zstd-compressed
 * database and its signature document. Outside a registry the same two blobs are two files side by side:
 * {@value #DATABASE_FILE} and {@value #DATABASE_FILE}{@value #SIGNATURE_SUFFIX}.
 */
public final class ArtifactFormat {
    public static final String ARTIFACT_TYPE = "application/vnd.kensa.db.v1";
    public static final String CONFIG_MEDIA_TYPE = "application/vnd.kensa.db.config.v1+json";
    public static final String DATABASE_MEDIA_TYPE = "application/vnd.kensa.db.layer.v1.sqlite+zstd";
    public static final String SIGNATURE_MEDIA_TYPE = io.kensa.db.signing.DatabaseSignature.MEDIA_TYPE;
    /** The file name of the compressed database (also its {@code org.opencontainers.image.title}). */
    public static final String DATABASE_FILE = "kensa.db.zst";
    /** The signature of FILE is FILE + this suffix. */
    public static final String SIGNATURE_SUFFIX = ".sig";
    /** OCI's annotation for a file name, which ORAS uses to name what it pulls. */
    public static final String TITLE_ANNOTATION = "org.opencontainers.image.title";
    public static final String CREATED_ANNOTATION = "org.opencontainers.image.created";

    private ArtifactFormat() {
    }
}
