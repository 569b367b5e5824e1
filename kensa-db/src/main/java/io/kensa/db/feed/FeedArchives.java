package io.kensa.db.feed;

import io.kensa.core.KensaException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A feed that a publisher serves as many small files, one record each: the entries of its zip archive, or the files
 * of its checkout folder (a git clone of the same tree). Each file is read whole into memory, but never more than a
 * limit: a bigger one is skipped with a warning naming it (a zip's declared sizes are not trusted, the bytes are
 * counted). An archive that is not a zip, or whose data is damaged, fails the build with one line; so does one with
 * more entries than any feed has. Nothing is ever written to disk, so entry names (even {@code ../x}) are only names.
 * (Feeds of a few big files, opened as streams, read them through {@link FeedFiles}.)
 */
public final class FeedArchives {
    /** More entries than any publisher's feed has (the Ubuntu tracker, the largest, has ~40,000 files). */
    public static final int MAX_ENTRIES = 2_000_000;
    /** Deepest folder looked into in a checkout. */
    static final int MAX_DEPTH = 16;

    private FeedArchives() {
    }

    /** What is done with each file: its path inside the archive or folder ({@code /}-separated) and its bytes. */
    @FunctionalInterface
    public interface Visitor {
        void visit(String path, byte[] bytes) throws IOException, SQLException;
    }

    /**
     * Visits each entry of {@code zip} whose name {@code wanted} accepts, in the archive's order.
     *
     * @param display  how messages name the archive (its path relative to the feeds folder)
     * @param maxBytes the largest entry read; a bigger one is a warning
     * @return the number of entries visited
     */
    public static long zip(Path zip, String display, Predicate<String> wanted, int maxBytes, FeedWarnings warnings,
                           Visitor visitor) throws IOException, SQLException {
        ZipFile file;
        try {
            file = new ZipFile(zip.toFile());
        } catch (ZipException e) {
            throw new KensaException(display + ": not a zip archive (" + e.getMessage() + ")", e);
        }
        long visited = 0;
        int seen = 0;
        try (file) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (true) {
                ZipEntry entry;
                try {
                    if (!entries.hasMoreElements()) {
                        break;
                    }
                    entry = entries.nextElement();
                } catch (IllegalStateException | IllegalArgumentException e) {
                    // ZipFile reports a damaged central directory or a malformed entry name this way
                    throw new KensaException(display + ": damaged zip archive (" + e.getMessage() + ")", e);
                }
                if (++seen > MAX_ENTRIES) {
                    throw new KensaException(display + ": more than " + MAX_ENTRIES + " entries, not a feed archive");
                }
                String name = entry.getName();
                if (entry.isDirectory() || !wanted.test(name)) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = file.getInputStream(entry)) {
                    bytes = readAtMost(in, maxBytes);
                } catch (ZipException e) {
                    throw new KensaException(display + ": damaged zip archive at " + FeedText.printable(name) + " ("
                            + e.getMessage() + ")", e);
                }
                if (bytes == null) {
                    warnings.add(display + "!" + FeedText.printable(name),
                            "larger than " + maxBytes + " bytes, skipped");
                    continue;
                }
                visitor.visit(name, bytes);
                visited++;
            }
        }
        return visited;
    }

    /**
     * Visits each regular file under {@code dir} (symbolic links are not followed) whose path relative to
     * {@code dir} {@code wanted} accepts, in path order.
     *
     * @param display how messages name the folder (its path relative to the feeds folder)
     */
    public static long directory(Path dir, String display, Predicate<String> wanted, int maxBytes,
                                 FeedWarnings warnings, Visitor visitor) throws IOException, SQLException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir, MAX_DEPTH, new FileVisitOption[0])) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        && wanted.test(FeedFiles.where(dir, p))) {
                    if (files.size() >= MAX_ENTRIES) {
                        throw new KensaException(display + ": more than " + MAX_ENTRIES + " files, not a feed folder");
                    }
                    files.add(p);
                }
            }
        }
        files.sort(null);
        long visited = 0;
        for (Path p : files) {
            String name = FeedFiles.where(dir, p);
            byte[] bytes;
            try (InputStream in = Files.newInputStream(p)) {
                bytes = readAtMost(in, maxBytes);
            }
            if (bytes == null) {
                warnings.add(display + FeedText.printable(name), "larger than " + maxBytes + " bytes, skipped");
                continue;
            }
            visitor.visit(name, bytes);
            visited++;
        }
        return visited;
    }

    /** The bytes of {@code in}, or null when there are more than {@code max}. */
    public static byte[] readAtMost(InputStream in, int max) throws IOException {
        byte[] bytes = in.readNBytes(max);
        if (bytes.length == max && in.read() != -1) {
            return null;
        }
        return bytes;
    }

    /** The last segment of a {@code /}-separated path. */
    public static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
