package io.kensa.analyze.lang.python;

import io.kensa.analyze.FileEntry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A zipped egg: the metadata is the {@code EGG-INFO/PKG-INFO} member. The archive is copied to a private temporary
 * file (the JDK's zip reader needs random access) up to a size limit, and the member is inflated up to the metadata
 * limit whatever sizes its headers claim.
 */
final class EggArchive {
    static final long MAX_EGG_BYTES = 256L << 20;
    private static final String MEMBER = "EGG-INFO/PKG-INFO";

    /** The metadata read, or why there is none. */
    record Result(CoreMetadata metadata, String problem) {
    }

    private final long maxMetadataBytes;
    private final CoreMetadataParser parser = new CoreMetadataParser();

    EggArchive(long maxMetadataBytes) {
        this.maxMetadataBytes = maxMetadataBytes;
    }

    Result read(FileEntry entry) throws IOException {
        if (entry.size() > MAX_EGG_BYTES) {
            return new Result(null, "skipped: " + entry.size() + " bytes is over the " + MAX_EGG_BYTES
                    + "-byte limit for an egg");
        }
        Path file = entry.toTempFile(MAX_EGG_BYTES);
        byte[] data;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry member = zip.getEntry(MEMBER);
            if (member == null || member.isDirectory()) {
                return new Result(null, "not an egg: no " + MEMBER + " inside");
            }
            try (InputStream in = zip.getInputStream(member)) {
                data = in.readNBytes((int) maxMetadataBytes + 1);
            }
        } catch (ZipException e) {
            return new Result(null, "not a readable zip archive (" + e.getMessage() + ")");
        }
        if (data.length > maxMetadataBytes) {
            return new Result(null, MEMBER + " is over the " + maxMetadataBytes + "-byte limit");
        }
        return new Result(parser.parse(new ByteArrayInputStream(data)), null);
    }
}
