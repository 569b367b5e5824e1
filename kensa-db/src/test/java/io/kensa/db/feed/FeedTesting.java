package io.kensa.db.feed;

import io.kensa.db.build.BuildResult;
import io.kensa.db.build.DatabaseBuilder;
import io.kensa.db.build.FeedReport;
import io.kensa.image.testing.Corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Builds a database from one feed, and writes the small feed files and archives the tests need. */
public final class FeedTesting {
    private FeedTesting() {
    }

    /** The corpus' feeds folder. */
    public static Path advisories() {
        return Corpus.root().resolve("advisories");
    }

    /** Builds {@code db} from {@code feed} alone, reading {@code feedsDir}; the feed's report. */
    public static FeedReport build(Feed feed, Path feedsDir, Path db) throws IOException {
        BuildResult result = new DatabaseBuilder(new FeedRegistry(List.of(feed))).build(feedsDir, db);
        assertThat(result.feeds()).hasSize(1);
        return result.feeds().getFirst();
    }

    /** Writes {@code bytes} to {@code feedsDir/relative}, creating its folder. */
    public static Path write(Path feedsDir, String relative, byte[] bytes) {
        try {
            Path p = feedsDir.resolve(relative);
            Files.createDirectories(p.getParent());
            return Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A gzip stream of {@code head}, then {@code fillBytes} copies of {@code fill}, then {@code tail}: a small bomb. */
    public static byte[] gzipBomb(String head, byte fill, long fillBytes, String tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(head.getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 16];
            Arrays.fill(block, fill);
            for (long n = 0; n < fillBytes; n += block.length) {
                gz.write(block, 0, (int) Math.min(block.length, fillBytes - n));
            }
            gz.write(tail.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes a zip holding {@code entries} (name → content) in the map's order. */
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
        try (Stream<Path> walk = Files.walk(source)) {
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

    /** A test resource folder or file of kensa-db. */
    public static Path resource(String name) {
        try {
            return Path.of(FeedTesting.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
