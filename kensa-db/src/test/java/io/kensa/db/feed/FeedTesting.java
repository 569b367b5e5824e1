package io.kensa.db.feed;

import io.kensa.db.build.BuildResult;
import io.kensa.db.build.DatabaseBuilder;
import io.kensa.db.build.FeedReport;
import io.kensa.image.testing.Corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds a database from one feed, and writes small feed archives for the tests of malformed input. */
public final class FeedTesting {
    private FeedTesting() {
    }

    /** The corpus' feeds folder, {@code advisories/}. */
    public static Path advisories() {
        return Corpus.root().resolve("advisories");
    }

    /** Builds {@code db} from {@code feedsDir} with {@code feed} alone; returns its report. */
    public static FeedReport build(Feed feed, Path feedsDir, Path db) throws IOException {
        BuildResult result = new DatabaseBuilder(new FeedRegistry(List.of(feed))).build(feedsDir, db);
        return result.feeds().getFirst();
    }

    /** Writes a zip holding {@code entries} (name → content) in order. */
    public static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /** Copies a folder tree (test resources) to {@code target}. */
    public static Path copyTree(Path source, Path target) throws IOException {
        try (var walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return target;
    }

    /** A test resource folder of kensa-db. */
    public static Path resource(String name) {
        try {
            return Path.of(FeedTesting.class.getResource("/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
