package io.kensa.db.update;

import io.kensa.core.KensaException;
import io.kensa.db.artifact.ArtifactFormat;
import io.kensa.db.signing.DatabaseSignature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A database artifact on disk ({@code --file PATH}, for air-gapped machines): the compressed database at PATH and
 * its signature at PATH{@value ArtifactFormat#SIGNATURE_SUFFIX}.
 */
public final class FileArtifactSource implements ArtifactSource {
    private final Path database;
    private final Path signature;

    public FileArtifactSource(Path database) {
        this.database = database;
        this.signature = database.resolveSibling(database.getFileName() + ArtifactFormat.SIGNATURE_SUFFIX);
    }

    @Override
    public String name() {
        return database.toString();
    }

    @Override
    public byte[] signature() {
        if (!Files.exists(signature)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(signature)) {
            byte[] bytes = in.readNBytes(DatabaseSignature.MAX_BYTES + 1);
            if (bytes.length > DatabaseSignature.MAX_BYTES) {
                throw new KensaException(signature + ": larger than " + DatabaseSignature.MAX_BYTES
                        + " bytes, not a signature");
            }
            return bytes;
        } catch (IOException e) {
            throw new KensaException(signature + ": unreadable (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public InputStream openDatabase(UpdateLimits limits) {
        if (Files.isDirectory(database)) {
            throw new KensaException(database + ": a directory, not a compressed database (" + ArtifactFormat.DATABASE_FILE + ")");
        }
        try {
            return new VerifyingStream(Files.newInputStream(database), database.toString(), limits.maxCompressedBytes(),
                    " (the compressed size limit)", null, -1,
                    e -> new KensaException(database + ": unreadable (" + e.getMessage() + ")", e));
        } catch (NoSuchFileException e) {
            throw new KensaException(database + ": no such file");
        } catch (IOException e) {
            throw new KensaException(database + ": unreadable (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() {
    }
}
