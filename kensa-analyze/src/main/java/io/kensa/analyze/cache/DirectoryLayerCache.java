package io.kensa.analyze.cache;

import io.kensa.analyze.engine.LayerResult;
import io.kensa.core.Digest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Layer results as files under {@code <dir>/layers/<analyzer-set key>/sha256-<diffID hex>.bin}, in the binary
 * form of {@link LayerResultCodec}. A result is
 * written to a temporary file in the same directory and renamed into place, so readers never see a partial
 * file and several processes can fill the cache at once (the last rename wins; both wrote the same data).
 * An unreadable entry counts as a miss and is rewritten.
 */
public final class DirectoryLayerCache implements LayerCache {
    /** Bump when the shape of {@link LayerResult} changes. */
    private static final int FORMAT = 4;

    private final Path dir;

    public DirectoryLayerCache(Path cacheDir, String analyzerVersionKey) {
        this.dir = cacheDir.resolve("layers").resolve(keyHash(FORMAT + "|" + analyzerVersionKey));
    }

    @Override
    public Optional<LayerResult> get(Digest diffId) {
        Path file = file(diffId);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            LayerResult r = LayerResultCodec.read(in);
            return diffId.toString().equals(r.diffId()) ? Optional.of(r) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void put(LayerResult result) {
        Digest diffId = Digest.parse(result.diffId());
        Path file = file(diffId);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + diffId.shortHex() + "-", ".tmp");
            try {
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                    LayerResultCodec.write(result, out);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the layer cache in " + dir + ": " + e.getMessage(), e);
        }
    }

    private Path file(Digest diffId) {
        return dir.resolve(diffId.algorithm() + "-" + diffId.hex() + ".bin");
    }

    private static String keyHash(String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
