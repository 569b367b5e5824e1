package io.kensa.db.feed;

import io.kensa.core.KensaException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The data files of a feed folder: listed by name (regular files only, sorted so a build does not depend on the
 * directory's order), named relative to the feeds folder in messages, and opened decompressed ({@code .gz}) and
 * capped ({@link CappedInputStream}).
 */
public final class FeedFiles {
    private FeedFiles() {
    }

    /** The regular files directly in {@code feedsDir/folder} whose lower-cased name passes {@code name}, sorted. */
    public static List<Path> list(Path feedsDir, String folder, Predicate<String> name) {
        if (feedsDir == null) {
            return List.of();
        }
        Path dir = feedsDir.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (name.test(p.getFileName().toString().toLowerCase(Locale.ROOT)) && Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            throw new KensaException(folder + ": unreadable folder (" + e.getMessage() + ")", e);
        }
        files.sort(null);
        return files;
    }

    /** {@code file} relative to the feeds folder, with forward slashes: how messages name it. */
    public static String where(Path feedsDir, Path file) {
        return feedsDir.relativize(file).toString().replace('\\', '/');
    }

    /**
     * Opens {@code file}, gunzipped when its name ends in {@code .gz}, giving at most {@code limit} bytes (after
     * decompression) and at most {@code recordLimit} bytes per record; a file that says {@code .gz} but is not
     * gzip fails with one line.
     */
    public static CappedInputStream open(Path file, String where, long limit, long recordLimit) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
        } catch (ZipException | java.io.EOFException e) {
            in.close();
            throw new KensaException(where + ": not a gzip file (" + e.getMessage() + ")", e);
        }
        return new CappedInputStream(in, where, limit, recordLimit);
    }

    public static CappedInputStream open(Path file, String where, long limit) throws IOException {
        return open(file, where, limit, Long.MAX_VALUE);
    }
}
