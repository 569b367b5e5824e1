package io.kensa.image.source;

import io.kensa.core.KensaException;
import io.kensa.image.layer.LayerLimits;
import io.kensa.image.oci.Platform;
import io.kensa.image.tar.TarFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens an image stored on disk, recognising its form from its content: a {@code docker save} archive, an OCI
 * image layout directory, or an OCI archive (a tar of a layout). {@code PATH:REF} selects the image named
 * {@code REF} in a layout.
 */
public final class LocalImages {
    private LocalImages() {
    }

    public static ImageSource open(String input, Platform platform, LayerLimits limits) {
        Path path = Path.of(input);
        String refName = null;
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && input.lastIndexOf(':') > 0) {
            Path base = Path.of(input.substring(0, input.lastIndexOf(':')));
            if (Files.exists(base)) {
                path = base;
                refName = input.substring(input.lastIndexOf(':') + 1);
            }
        }
        try {
            if (Files.isDirectory(path)) {
                return OciLayoutSource.open(input, new DirectoryBlobStore(path), refName, platform, limits);
            }
            if (!Files.exists(path)) {
                throw new KensaException(input + ": no such file or directory");
            }
            if (Files.size(path) == 0) {
                throw new KensaException(input + ": empty file, not an image archive");
            }
            rejectCompressed(path, input);
            TarBlobStore store = openTar(path, input, limits);
            try {
                if (store.exists("manifest.json")) {
                    return DockerArchiveSource.open(input, store, limits);
                }
                if (store.exists("index.json")) {
                    return OciLayoutSource.open(input, store, refName, platform, limits);
                }
                throw new KensaException(input + ": not an image archive (no manifest.json or index.json)");
            } catch (IOException | RuntimeException e) {
                store.close();
                throw e;
            }
        } catch (NoSuchFileException e) {
            throw new KensaException(input + ": missing file " + e.getMessage());
        } catch (IOException e) {
            throw new KensaException(input + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static TarBlobStore openTar(Path path, String input, LayerLimits limits) throws IOException {
        try {
            return TarBlobStore.open(path, limits.maxHeaderBytes());
        } catch (TarFormatException e) {
            throw new KensaException(input + ": not an image archive (" + e.getMessage() + ")");
        }
    }

    private static void rejectCompressed(Path path, String input) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(4);
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            throw new KensaException(input + ": a gzip-compressed file; decompress it first (gunzip), then scan the tar");
        }
    }
}
