package io.kensa.db.publish;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import io.kensa.core.Digest;
import io.kensa.core.KensaException;
import io.kensa.db.artifact.ArtifactConfig;
import io.kensa.db.artifact.ArtifactFormat;
import io.kensa.db.artifact.ArtifactManifest;
import io.kensa.db.signing.DatabaseSignature;
import io.kensa.db.signing.DatabaseSigner;
import io.kensa.db.signing.SignedDatabase;
import io.kensa.db.signing.SigningKey;
import io.kensa.db.store.DatabaseInfo;
import io.kensa.db.store.KensaDatabase;
import io.kensa.image.oci.MediaTypes;
import io.kensa.image.registry.ImageReference;
import io.kensa.image.registry.RegistryClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes a built database as the artifact of {@code kensa-db/ARTIFACT.md}: compressed with zstd and signed
 * ({@link #prepare}), then pushed to a registry ({@link #push}) or written as two files for a web server or a
 * copy by hand ({@link #writeFiles}). Only a database that opens as a Kensa database of this schema is published.
 */
public final class DatabasePublisher {
    /**
     * zstd level 10 with long-distance matching over a 128 MiB window: on 333 MB of the corpus feeds' JSON it gives
     * 11.8 MB in about 2 s on two cores, where level 19 gives 11.1 MB in 150 s (and 10.1 MB with long matching in
     * 130 s). The window is zstd's default decoder limit (2^27), so {@code zstd -d} and any zstd library read it
     * without options.
     */
    public static final int DEFAULT_LEVEL = 10;
    /** log2 of the long-distance matching window: 128 MiB, the largest every zstd decoder accepts by default. */
    static final int LONG_WINDOW_LOG = 27;
    private static final int BUFFER = 1 << 16;

    private final int level;
    private final Clock clock;

    public DatabasePublisher(int level, Clock clock) {
        if (level < 1 || level > 22) {
            throw new KensaException("the zstd compression level must be between 1 and 22");
        }
        this.level = level;
        this.clock = clock;
    }

    public DatabasePublisher() {
        this(DEFAULT_LEVEL, Clock.systemUTC());
    }

    /**
     * Checks that {@code db} is a usable Kensa database, compresses it into a temporary file in {@code workDir}
     * (hashing the database and the compressed bytes on the way) and signs it with {@code key}.
     */
    public PreparedArtifact prepare(Path db, SigningKey key, Path workDir) throws IOException {
        DatabaseInfo info;
        try (KensaDatabase open = KensaDatabase.open(db)) {
            info = open.info();
        }
        Files.createDirectories(workDir);
        Path compressed = Files.createTempFile(workDir, "kensa-db-push-", ".zst");
        try {
            MessageDigest plain = sha256();
            MessageDigest packed = sha256();
            long size;
            try (InputStream in = new DigestInputStream(Files.newInputStream(db), plain);
                 OutputStream file = Files.newOutputStream(compressed);
                 ZstdOutputStreamNoFinalizer zstd = new ZstdOutputStreamNoFinalizer(new DigestOutputStream(file, packed), level)) {
                zstd.setChecksum(true);
                zstd.setLong(LONG_WINDOW_LOG);
                zstd.setWorkers(Math.max(1, Runtime.getRuntime().availableProcessors()));
                size = in.transferTo(zstd);
            }
            if (size != info.bytes()) {
                throw new KensaException(db + ": changed while it was being compressed (" + size + " bytes read, "
                        + info.bytes() + " when opened)");
            }
            SignedDatabase signed = new SignedDatabase(Digest.sha256(plain.digest()), size);
            DatabaseSignature signature = new DatabaseSigner(key).sign(signed);
            return new PreparedArtifact(compressed, Digest.sha256(packed.digest()), Files.size(compressed), signature,
                    ArtifactConfig.of(info));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(compressed);
            throw e;
        }
    }

    /** Pushes the artifact as {@code reference} (a tag), uploading only the blobs the registry lacks. */
    public PublishResult push(PreparedArtifact artifact, RegistryClient client, ImageReference reference) {
        if (reference.tag() == null) {
            throw new KensaException(reference + ": push to a tag (host/repository:tag), not a digest");
        }
        String repository = reference.repository();
        byte[] config = artifact.config().toJson();
        byte[] signature = artifact.signature().toJson();
        ArtifactManifest manifest = new ArtifactManifest(
                new ArtifactManifest.Blob(ArtifactFormat.CONFIG_MEDIA_TYPE, digest(config), config.length),
                new ArtifactManifest.Blob(ArtifactFormat.DATABASE_MEDIA_TYPE, artifact.compressedDigest(), artifact.compressedSize()),
                new ArtifactManifest.Blob(ArtifactFormat.SIGNATURE_MEDIA_TYPE, digest(signature), signature.length));
        List<Digest> uploaded = new ArrayList<>();
        List<Digest> skipped = new ArrayList<>();
        upload(client, repository, manifest.database().digest(), bodyOf(artifact.compressed()), uploaded, skipped);
        upload(client, repository, manifest.signature().digest(), HttpRequest.BodyPublishers.ofByteArray(signature), uploaded, skipped);
        upload(client, repository, manifest.config().digest(), HttpRequest.BodyPublishers.ofByteArray(config), uploaded, skipped);
        Digest pushed = client.putManifest(repository, reference.tag(), MediaTypes.OCI_MANIFEST, manifest.toJson(clock.instant()));
        return new PublishResult(reference.toString(), pushed, List.copyOf(uploaded), List.copyOf(skipped));
    }

    /**
     * Writes {@value ArtifactFormat#DATABASE_FILE} and its {@value ArtifactFormat#SIGNATURE_SUFFIX} file into
     * {@code dir} (each written to a temporary name and renamed, the database first, the signature last), and
     * returns them.
     */
    public List<Path> writeFiles(PreparedArtifact artifact, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path db = dir.resolve(ArtifactFormat.DATABASE_FILE);
        Path sig = dir.resolve(ArtifactFormat.DATABASE_FILE + ArtifactFormat.SIGNATURE_SUFFIX);
        Path tmp = Files.createTempFile(dir, ArtifactFormat.DATABASE_FILE + ".", ".tmp");
        try {
            Files.copy(artifact.compressed(), tmp, StandardCopyOption.REPLACE_EXISTING);
            move(tmp, db);
            Files.write(tmp, artifact.signature().toJson());
            move(tmp, sig);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return List.of(db, sig);
    }

    private static void upload(RegistryClient client, String repository, Digest digest, HttpRequest.BodyPublisher body,
                               List<Digest> uploaded, List<Digest> skipped) {
        if (client.blobExists(repository, digest)) {
            skipped.add(digest);
            return;
        }
        client.uploadBlob(repository, digest, body);
        uploaded.add(digest);
    }

    private static HttpRequest.BodyPublisher bodyOf(Path file) {
        try {
            return HttpRequest.BodyPublishers.ofFile(file);
        } catch (java.io.FileNotFoundException e) {
            throw new KensaException(file + ": the compressed database vanished before the upload");
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Digest digest(byte[] bytes) {
        return Digest.sha256(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
