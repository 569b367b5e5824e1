package io.kensa.db.update;

import io.kensa.db.build.DatabaseBuilder;
import io.kensa.db.feed.FeedRegistry;
import io.kensa.db.feed.maven.MavenSha1IndexFeed;
import io.kensa.db.publish.DatabasePublisher;
import io.kensa.db.publish.PreparedArtifact;
import io.kensa.db.signing.PemKeys;
import io.kensa.db.signing.SignatureAlgorithm;
import io.kensa.db.signing.SignatureVerifier;
import io.kensa.db.signing.SigningKey;
import io.kensa.db.signing.TrustedKey;
import io.kensa.db.store.KensaDatabase;
import io.kensa.image.testing.Corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Databases built from the corpus feeds at chosen times, key pairs made with the JDK, and the checks every test makes. */
final class UpdateFixtures {
    static final Instant T1 = Instant.parse("2026-11-20T06:00:00Z");

    private UpdateFixtures() {
    }

    /** A key pair written as PEM files {@code name.key} and {@code name.pub} in {@code dir}. */
    record Keys(SigningKey signing, TrustedKey trusted, Path privateFile, Path publicFile) {
        SignatureVerifier verifier() {
            return new SignatureVerifier(List.of(trusted));
        }
    }

    static Keys keys(Path dir, SignatureAlgorithm algorithm, String name) {
        try {
            KeyPair pair = PemKeys.generate(algorithm);
            Path key = Files.writeString(dir.resolve(name + ".key"), PemKeys.pem(pair.getPrivate()));
            Path pub = Files.writeString(dir.resolve(name + ".pub"), PemKeys.pem(pair.getPublic()));
            return new Keys(PemKeys.readPrivateKey(key), PemKeys.readPublicKey(pub), key, pub);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The corpus' Java index (a small, real feed) built into {@code file} as if at {@code builtAt} (distinct times give distinct files). */
    static Path build(Path file, Instant builtAt) {
        try {
            new DatabaseBuilder(new FeedRegistry(java.util.List.of(new MavenSha1IndexFeed())), Clock.fixed(builtAt, ZoneOffset.UTC), r -> { })
                    .build(Corpus.root().resolve("advisories"), file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code db} compressed and signed, its temporary file in {@code work}. */
    static PreparedArtifact prepare(Path db, SigningKey key, Path work) {
        try {
            return new DatabasePublisher(3, Clock.systemUTC()).prepare(db, key, work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The database at {@code target} is byte for byte {@code sha256}, opens, and was built at {@code built}. */
    static void assertIntact(Path target, String sha256, Instant built) {
        assertThat(sha256(target)).as("the database in place is unchanged").isEqualTo(sha256);
        try (KensaDatabase db = KensaDatabase.open(target)) {
            assertThat(db.info().buildTime()).isEqualTo(built);
            assertThat(db.info().javaIndexRows()).isEqualTo(2406);
        }
    }

    /** {@code dir} holds exactly {@code names}: no temporary file is left beside the database. */
    static void assertOnly(Path dir, String... names) {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("files in %s", dir).containsExactlyInAnyOrder(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
