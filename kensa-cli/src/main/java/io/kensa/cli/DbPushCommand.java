package io.kensa.cli;

import io.kensa.core.KensaException;
import io.kensa.db.publish.DatabasePublisher;
import io.kensa.db.publish.PreparedArtifact;
import io.kensa.db.publish.PublishResult;
import io.kensa.db.signing.PemKeys;
import io.kensa.db.signing.SigningKey;
import io.kensa.image.registry.ImageReference;
import io.kensa.image.registry.RegistryClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kensa db push}: publish a built database, compressed and signed, to a registry or a folder. */
@Command(name = "push", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Publish a database for kensa db update: compressed with zstd and signed,",
                "as an OCI artifact in a registry (REF), or as kensa.db.zst and",
                "kensa.db.zst.sig in a folder for a web server or a copy by hand",
                "(--output-dir). See kensa-db/ARTIFACT.md.",
                ""})
final class DbPushCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "REF",
            description = "Where to push, e.g. registry.example.com/kensa-db:2 (tag by schema version).")
    String reference;

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Write the two files into DIR instead of pushing.")
    Path outputDir;

    @Option(names = "--signing-key", paramLabel = "FILE", required = true,
            description = "Private key (PEM PKCS#8, Ed25519 or EC P-256), e.g. from kensa db keygen.")
    Path signingKey;

    @Option(names = "--db", paramLabel = "FILE", description = {"The database (default:", "<cache dir>/db/kensa.db)."})
    Path db;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Cache directory (default: $XDG_CACHE_HOME/kensa or ~/.cache/kensa); the compressed copy is made in it.")
    Path cacheDir;

    @Option(names = "--compression-level", paramLabel = "N", defaultValue = "" + DatabasePublisher.DEFAULT_LEVEL,
            description = "zstd level, 1 to 22 (default: ${DEFAULT-VALUE}).")
    int level;

    @Mixin
    RegistryOptions registry;

    @Override
    public Integer call() throws Exception {
        if ((reference == null) == (outputDir == null)) {
            throw new KensaException("give either a registry reference REF or --output-dir DIR");
        }
        ImageReference ref = reference == null ? null : ImageReference.parse(reference);
        if (ref != null && ref.digest() != null) {
            throw new KensaException(reference + ": push to a tag (host/repository:tag), not a digest");
        }
        SigningKey key = PemKeys.readPrivateKey(signingKey);
        Path cache = CacheOptions.dir(cacheDir);
        Path file = db != null ? db : DbOptions.defaultFile(cache);
        DatabasePublisher publisher = new DatabasePublisher(level, Clock.systemUTC());
        try (PreparedArtifact artifact = publisher.prepare(file, key, cache.resolve("tmp"))) {
            String sizes = HumanFormat.bytes(artifact.signature().database().size()) + " database, "
                    + HumanFormat.bytes(artifact.compressedSize()) + " compressed";
            if (ref == null) {
                List<Path> written = publisher.writeFiles(artifact, outputDir);
                System.out.println("wrote " + written.get(0) + " and " + written.get(1) + ": " + sizes + ", signed with "
                        + key.algorithm().wireName());
                return 0;
            }
            try (RegistryClient client = RegistryClient.create(ref.registry(), registry.options(null, null))) {
                PublishResult pushed = publisher.push(artifact, client, ref);
                System.out.println("pushed " + pushed.reference() + "@" + pushed.manifestDigest() + ": " + sizes
                        + ", signed with " + key.algorithm().wireName() + " (" + pushed.uploadedBlobs().size()
                        + " blobs uploaded, " + pushed.skippedBlobs().size() + " already there)");
            }
        }
        return 0;
    }
}
