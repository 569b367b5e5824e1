package io.kensa.cli;

import io.kensa.core.KensaException;
import io.kensa.db.signing.PemKeys;
import io.kensa.db.signing.SignatureVerifier;
import io.kensa.db.signing.TrustedKey;
import io.kensa.db.update.ArtifactSource;
import io.kensa.db.update.DatabaseUpdater;
import io.kensa.db.update.FileArtifactSource;
import io.kensa.db.update.RegistryArtifactSource;
import io.kensa.db.update.UpdateLimits;
import io.kensa.db.update.UpdateListener;
import io.kensa.db.update.UpdatePolicy;
import io.kensa.db.update.UpdateResult;
import io.kensa.db.update.UrlArtifactSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kensa db update}: fetch a signed database and swap it in, or keep the one in place. */
@Command(name = "update", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replace the local database with a signed one from a registry (an OCI",
                "artifact made by kensa db push), a URL or a file. The signature, the",
                "digests and the schema are checked before the new file is renamed over",
                "the old one: a failed, interrupted or forged update leaves the database",
                "in place as it was. Sources are tried in order: every --db-repository,",
                "then --url, then --file. See kensa-db/ARTIFACT.md.",
                ""})
final class DbUpdateCommand implements Callable<Integer> {
    @Option(names = "--db-repository", paramLabel = "REF",
            description = {"Registry artifact, e.g. registry.example.com/kensa-db:2", "(repeatable: mirrors, tried in order)."})
    List<String> repositories = new ArrayList<>();

    @Option(names = "--url", paramLabel = "URL",
            description = "The compressed database on a web server (its signature at URL.sig).")
    String url;

    @Option(names = "--file", paramLabel = "PATH",
            description = "The compressed database on disk, e.g. kensa.db.zst (its signature at PATH.sig).")
    Path file;

    @Option(names = "--db-public-key", paramLabel = "FILE",
            description = {"A public key (PEM, Ed25519 or EC P-256) trusted to sign", "the database (repeatable: any one will do)."})
    List<Path> publicKeys = new ArrayList<>();

    @Option(names = "--insecure-skip-signature",
            description = {"Accept a database without verifying any signature.", "DANGEROUS: whoever can alter it on the way",
                    "can hide vulnerabilities from every scan."})
    boolean skipSignature;

    @Option(names = "--db", paramLabel = "FILE", description = {"Database file to replace (default:", "<cache dir>/db/kensa.db)."})
    Path db;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Cache directory (default: $XDG_CACHE_HOME/kensa or ~/.cache/kensa).")
    Path cacheDir;

    @Option(names = "--max-db-size", paramLabel = "BYTES", defaultValue = "17179869184",
            description = "Refuse a database larger than this uncompressed (default: 16 GiB).")
    long maxDatabaseBytes;

    @Option(names = "--allow-downgrade",
            description = "Accept a database built before the one in place.")
    boolean allowDowngrade;

    @Mixin
    RegistryOptions registry;

    @Override
    public Integer call() {
        if (repositories.isEmpty() && url == null && file == null) {
            throw new KensaException("give --db-repository REF, --url URL or --file PATH");
        }
        if (publicKeys.isEmpty() && !skipSignature) {
            throw new KensaException("give --db-public-key FILE (the key the database is signed with), or"
                    + " --insecure-skip-signature to accept it unverified");
        }
        if (!publicKeys.isEmpty() && skipSignature) {
            throw new KensaException("--insecure-skip-signature and --db-public-key contradict each other");
        }
        if (maxDatabaseBytes <= 0) {
            throw new KensaException("--max-db-size must be positive");
        }
        SignatureVerifier verifier = null;
        if (skipSignature) {
            System.err.println("kensa: warning: --insecure-skip-signature: the database is NOT verified; whoever can"
                    + " alter it on the way can hide vulnerabilities from every scan");
        } else {
            List<TrustedKey> keys = publicKeys.stream().map(PemKeys::readPublicKey).toList();
            verifier = new SignatureVerifier(keys);
        }
        Path target = (db != null ? db : DbOptions.defaultFile(CacheOptions.dir(cacheDir))).toAbsolutePath();
        UpdatePolicy policy = new UpdatePolicy(verifier, UpdateLimits.DEFAULT.withMaxDatabaseBytes(maxDatabaseBytes),
                allowDowngrade);
        List<ArtifactSource> sources = new ArrayList<>();
        try {
            for (String ref : repositories) {
                sources.add(new RegistryArtifactSource(ref, registry.options(null, null)));
            }
            if (url != null) {
                sources.add(new UrlArtifactSource(url, registry.options(null, null).client()));
            }
            if (file != null) {
                sources.add(new FileArtifactSource(file));
            }
            UpdateResult result = new DatabaseUpdater(policy, new Warnings()).update(sources, target);
            System.out.println(describe(result));
            return 0;
        } finally {
            sources.forEach(ArtifactSource::close);
        }
    }

    private static String describe(UpdateResult r) {
        Instant built = r.database().buildTime();
        String when = built == null ? "build time unknown" : "built " + built.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + " (" + HumanFormat.age(Duration.between(built, Instant.now())) + ")";
        String verified = r.verifiedBy() == null ? "signature NOT verified"
                : "signature verified with " + r.verifiedBy().source();
        if (!r.updated()) {
            return r.target() + " is up to date with " + r.source() + ": " + when + ", " + verified;
        }
        return "updated " + r.target() + " from " + r.source() + ": " + when + ", " + HumanFormat.bytes(r.database().bytes())
                + " (" + HumanFormat.bytes(r.downloadedBytes()) + " downloaded) in " + HumanFormat.duration(r.elapsed())
                + ", " + verified;
    }

    /** A failing source, with another to try, is a warning on stderr; the last one's failure is the error. */
    private static final class Warnings implements UpdateListener {
        @Override
        public void sourceFailed(String source, String message, boolean nextSource) {
            if (nextSource) {
                System.err.println("kensa: warning: " + message + "; trying the next source");
            }
        }
    }
}
