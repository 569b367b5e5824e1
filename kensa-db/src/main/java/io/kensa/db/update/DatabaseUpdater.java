package io.kensa.db.update;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import io.kensa.core.Digest;
import io.kensa.core.KensaException;
import io.kensa.db.signing.DatabaseSignature;
import io.kensa.db.signing.SignedDatabase;
import io.kensa.db.signing.TrustedKey;
import io.kensa.db.store.DatabaseInfo;
import io.kensa.db.store.KensaDatabase;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kensa db update}: replaces the local database with the one of the first source that gives a good one.
 * For each source in order: the signature is read and verified with the trusted keys (unless the policy skips
 * signatures), then the compressed database is streamed through its transport checks (a registry blob's digest),
 * zstd (bounded by the signed size: no bomb gets past it) and sha256 into a temporary file beside the target; the
 * result must match the signature, open as a Kensa database of this schema, and not be older than the database in
 * place. Only then is it renamed over the target. Any failure leaves the database in place untouched, and the
 * next source is tried; the error names every source's failure.
 */
public final class DatabaseUpdater {
    private static final int BUFFER = 1 << 16;

    private final UpdatePolicy policy;
    private final UpdateListener listener;

    public DatabaseUpdater(UpdatePolicy policy, UpdateListener listener) {
        this.policy = policy;
        this.listener = listener;
    }

    /** Updates {@code target} from the first of {@code sources} that works; fails with one line when none does. */
    public UpdateResult update(List<? extends ArtifactSource> sources, Path target) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no source");
        }
        long start = System.nanoTime();
        Path file = target.toAbsolutePath();
        List<String> failures = new ArrayList<>();
        try (StagingArea staging = StagingArea.open(file)) {
            for (int i = 0; i < sources.size(); i++) {
                ArtifactSource source = sources.get(i);
                try {
                    return fromSource(source, file, staging, start);
                } catch (KensaException e) {
                    failures.add(e.getMessage());
                    listener.sourceFailed(source.name(), e.getMessage(), i + 1 < sources.size());
                }
            }
        }
        throw new KensaException(failures.size() == 1 ? failures.getFirst() + "; the database in place is unchanged"
                : "no source gave a usable database (" + String.join("; ", failures) + "); the database in place is unchanged");
    }

    private UpdateResult fromSource(ArtifactSource source, Path target, StagingArea staging, long start) {
        SignedDatabase expected = null;
        TrustedKey key = null;
        if (policy.verifier() != null) {
            String where = "the signature of " + source.name();
            byte[] bytes = source.signature();
            if (bytes == null) {
                throw new KensaException(source.name() + " has no signature, and a database is only accepted signed by"
                        + " a trusted key (--db-public-key)");
            }
            DatabaseSignature signature = DatabaseSignature.parse(bytes, where);
            key = policy.verifier().verify(signature, where);
            expected = signature.database();
            if (expected.size() > policy.limits().maxDatabaseBytes()) {
                throw new KensaException("the database of " + source.name() + " has " + expected.size()
                        + " bytes, more than the limit of " + policy.limits().maxDatabaseBytes());
            }
            DatabaseInfo same = sameAs(target, expected.digest(), expected.size());
            if (same != null) {
                return new UpdateResult(false, source.name(), target, same, same.buildTime(), key, 0, since(start));
            }
            requireSpace(target, expected.size());
        }
        Path staged = staging.newFile();
        boolean installed = false;
        try {
            Download download = download(source, staged, expected);
            if (expected == null) {
                DatabaseInfo same = sameAs(target, download.digest(), download.size());
                if (same != null) {
                    return new UpdateResult(false, source.name(), target, same, same.buildTime(), null,
                            download.compressedBytes(), since(start));
                }
            }
            DatabaseInfo info = validate(staged, source);
            Instant previous = buildTimeOf(target);
            if (previous != null && info.buildTime() != null && info.buildTime().isBefore(previous)
                    && !policy.allowDowngrade()) {
                throw new KensaException("the database of " + source.name() + " was built " + info.buildTime()
                        + ", before the one in place (" + previous + "); refusing to go back (--allow-downgrade to force)");
            }
            listener.beforeSwap(staged, target);
            staging.install(staged);
            installed = true;
            DatabaseInfo now = new DatabaseInfo(target, info.bytes(), info.schemaVersion(), info.buildTime(),
                    info.kensaVersion(), info.feeds(), info.javaIndexRows());
            return new UpdateResult(true, source.name(), target, now, previous, key, download.compressedBytes(),
                    since(start));
        } finally {
            if (!installed) {
                staging.discard(staged);
            }
        }
    }

    /** What a download gave: the database's sha256 and length, and the compressed bytes read. */
    private record Download(Digest digest, long size, long compressedBytes) {
    }

    private Download download(ArtifactSource source, Path staged, SignedDatabase expected) {
        String what = "the database of " + source.name();
        long limit = expected != null ? expected.size() : policy.limits().maxDatabaseBytes();
        String reason = expected != null ? " (the size its signature gives): damaged or forged" : " (--max-db-size)";
        listener.downloading(source.name());
        CountingStream compressed = new CountingStream(source.openDatabase(policy.limits()));
        BufferedInputStream buffered = new BufferedInputStream(compressed, BUFFER);
        VerifyingStream plain;
        try {
            plain = new VerifyingStream(zstd(buffered, what), what, limit, reason, null, -1,
                    e -> new KensaException(what + " is not valid zstd data (" + e.getMessage() + ")", e));
        } catch (RuntimeException e) {
            closeQuietly(buffered);
            throw e;
        }
        try (plain) {
            byte[] buffer = new byte[BUFFER];
            long written = 0;
            try (OutputStream out = Files.newOutputStream(staged)) {
                int n;
                while ((n = plain.read(buffer, 0, buffer.length)) >= 0) {
                    out.write(buffer, 0, n);
                    written += n;
                    listener.progress(staged, written);
                }
            } catch (IOException e) {
                throw new KensaException("cannot write " + staged.getParent() + " (" + e.getMessage() + ")", e);
            }
            // whatever follows the last zstd frame is read too, so that the source checks the whole blob
            drain(buffered, what);
            Download d = new Download(plain.digest(), plain.count(), compressed.count);
            if (expected != null && (d.size() != expected.size() || !d.digest().equals(expected.digest()))) {
                throw new KensaException(what + " does not match its signature (" + d.digest() + ", " + d.size()
                        + " bytes; signed " + expected.digest() + ", " + expected.size() + " bytes): damaged or forged");
            }
            return d;
        }
    }

    private static InputStream zstd(InputStream in, String what) {
        try {
            return new ZstdInputStreamNoFinalizer(in);
        } catch (IOException e) {
            throw new KensaException(what + " is not valid zstd data (" + e.getMessage() + ")", e);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // a source we give up on
        }
    }

    private static void drain(InputStream in, String what) {
        try {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new KensaException(what + ": unreadable (" + e.getMessage() + ")", e);
        }
    }

    /** Opens the downloaded file as a Kensa database of this schema: the check that matters when nothing is signed. */
    private static DatabaseInfo validate(Path staged, ArtifactSource source) {
        try (KensaDatabase db = KensaDatabase.open(staged)) {
            return db.info();
        } catch (KensaException e) {
            String m = e.getMessage();
            String prefix = staged + ": ";
            throw new KensaException("the database of " + source.name() + " is not usable: "
                    + (m.startsWith(prefix) ? m.substring(prefix.length()) : m), e);
        }
    }

    /** The database at {@code target} when it is exactly {@code digest} and {@code size} and opens; else null. */
    private static DatabaseInfo sameAs(Path target, Digest digest, long size) {
        try {
            if (!Files.isRegularFile(target) || Files.size(target) != size || !digest.equals(sha256(target))) {
                return null;
            }
            try (KensaDatabase db = KensaDatabase.open(target)) {
                return db.info();
            }
        } catch (IOException | KensaException unusable) {
            return null;
        }
    }

    /** The build time of the database at {@code target}, or null when there is none or it does not open. */
    private static Instant buildTimeOf(Path target) {
        if (!Files.exists(target)) {
            return null;
        }
        try (KensaDatabase db = KensaDatabase.open(target)) {
            return db.buildTime();
        } catch (KensaException unusable) {
            return null; // a damaged database, or one of another schema: replacing it is the point
        }
    }

    private static void requireSpace(Path target, long bytes) {
        try {
            long free = Files.getFileStore(target.getParent()).getUsableSpace();
            if (free < bytes) {
                throw new KensaException("not enough space in " + target.getParent() + " for the new database ("
                        + bytes + " bytes needed, " + free + " free)");
            }
        } catch (IOException unknown) {
            // the write fails with its own message if space runs out
        }
    }

    private static Digest sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return Digest.sha256(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Counts the compressed bytes. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
