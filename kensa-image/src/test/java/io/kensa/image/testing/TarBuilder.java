package io.kensa.image.testing;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes tar archives in memory with Commons Compress, in one of three dialects: plain ustar (names of at most
 * 100 bytes, failing otherwise), GNU (long names and link targets as {@code ././@LongLink} entries) or PAX
 * (long names, link targets and big sizes as extended headers).
 */
public final class TarBuilder {
    /** The tar dialect the archive is written in. */
    public enum Dialect { USTAR, GNU, PAX }

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream out;

    private TarBuilder(Dialect dialect) {
        out = new TarArchiveOutputStream(bytes, StandardCharsets.UTF_8.name());
        switch (dialect) {
            case USTAR -> {
                out.setLongFileMode(TarArchiveOutputStream.LONGFILE_ERROR);
                out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_ERROR);
            }
            case GNU -> {
                out.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
                out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_STAR);
            }
            case PAX -> {
                out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            }
        }
    }

    public static TarBuilder of(Dialect dialect) {
        return new TarBuilder(dialect);
    }

    /** A GNU-dialect builder: the most forgiving one, for layers whose dialect does not matter. */
    public static TarBuilder layer() {
        return new TarBuilder(Dialect.GNU);
    }

    public TarBuilder file(String name, byte[] data) {
        return file(name, data, 0644);
    }

    public TarBuilder file(String name, String text) {
        return file(name, text.getBytes(StandardCharsets.UTF_8), 0644);
    }

    public TarBuilder file(String name, byte[] data, int mode) {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(data.length);
        e.setMode(0100000 | mode);
        return put(e, data);
    }

    /** A regular file with extra PAX records (written whatever the dialect). */
    public TarBuilder fileWithPax(String name, byte[] data, Map<String, String> pax) {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(data.length);
        e.setMode(0100644);
        pax.forEach(e::addPaxHeader);
        return put(e, data);
    }

    public TarBuilder dir(String name) {
        TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
        e.setMode(040755);
        return put(e, null);
    }

    public TarBuilder symlink(String name, String target) {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
        e.setLinkName(target);
        e.setMode(0120777);
        return put(e, null);
    }

    public TarBuilder hardlink(String name, String target) {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK);
        e.setLinkName(target);
        e.setMode(0100644);
        return put(e, null);
    }

    public TarBuilder fifo(String name) {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_FIFO);
        e.setMode(010644);
        return put(e, null);
    }

    /** An overlay whiteout deleting {@code path} of the layers below. */
    public TarBuilder whiteout(String path) {
        int slash = path.lastIndexOf('/');
        String name = slash < 0 ? ".wh." + path : path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1);
        return file(name, new byte[0]);
    }

    /** An opaque-directory marker hiding what the layers below put in {@code dir}. */
    public TarBuilder opaque(String dir) {
        return file((dir.isEmpty() ? "" : dir + "/") + ".wh..wh..opq", new byte[0]);
    }

    private TarBuilder put(TarArchiveEntry e, byte[] data) {
        try {
            e.setModTime(1_783_728_000_000L);
            out.putArchiveEntry(e);
            if (data != null) {
                out.write(data);
            }
            out.closeArchiveEntry();
            return this;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The finished archive (end-of-archive blocks included). */
    public byte[] build() {
        try {
            out.finish();
            out.close();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
