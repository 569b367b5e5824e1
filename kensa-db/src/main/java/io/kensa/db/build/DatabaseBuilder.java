package io.kensa.db.build;

import io.kensa.core.KensaException;
import io.kensa.db.feed.Feed;
import io.kensa.db.feed.FeedRegistry;
import io.kensa.db.feed.FeedResult;
import io.kensa.db.feed.FeedWarnings;
import io.kensa.db.store.DatabaseWriter;
import io.kensa.db.store.FeedRecord;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Builds a database from the feeds of a registry. The database is written to {@code <output>.tmp-<random>} beside
 * the output, synced to disk, and renamed over the output only when complete: a failed or interrupted build leaves
 * the previous database as it was, and its temporary file is removed (also on Ctrl-C; a build killed with
 * SIGKILL leaves only a {@code .tmp-} file, never a broken output).
 */
public final class DatabaseBuilder {
    private final FeedRegistry feeds;
    private final Clock clock;
    private final Consumer<FeedReport> onFeed;

    /**
     * @param onFeed told about each feed as soon as it is loaded (progress for the command line)
     */
    public DatabaseBuilder(FeedRegistry feeds, Clock clock, Consumer<FeedReport> onFeed) {
        this.feeds = feeds;
        this.clock = clock;
        this.onFeed = onFeed;
    }

    public DatabaseBuilder(FeedRegistry feeds) {
        this(feeds, Clock.systemUTC(), r -> { });
    }

    /**
     * Builds {@code output} from the feeds present in {@code feedsDir} (null: only feeds that need no folder, such
     * as a Maven repository crawl). Fails with one line when no feed is present.
     */
    public BuildResult build(Path feedsDir, Path output) throws IOException {
        long start = System.nanoTime();
        List<Feed> present = present(feedsDir);
        Path target = output.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new KensaException(output + ": is a directory, not a database file");
        }
        Files.createDirectories(target.getParent());
        Path tmp = newTemporaryFile(target);
        Thread cleanup = new Thread(() -> deleteQuietly(tmp), "kensa-db-build-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup); // Ctrl-C during a build leaves no temporary file
        try {
            List<FeedReport> reports = load(present, feedsDir, tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            long bytes = Files.size(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            for (Feed feed : present) {
                feed.built();
            }
            return new BuildResult(target, bytes, Duration.ofNanos(System.nanoTime() - start), reports);
        } finally {
            Files.deleteIfExists(tmp);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it deletes the same file
            }
        }
    }

    /**
     * A new empty file {@code <output>.tmp-<random>} beside the output, created with the default permissions (a
     * database is meant to be read by others, unlike {@link Files#createTempFile}'s owner-only files).
     */
    static Path newTemporaryFile(Path target) throws IOException {
        for (int i = 0; ; i++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
            try {
                return Files.createFile(target.resolveSibling(target.getFileName() + ".tmp-" + suffix));
            } catch (FileAlreadyExistsException e) {
                if (i > 10) {
                    throw e;
                }
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort at exit
        }
    }

    private List<Feed> present(Path feedsDir) {
        if (feedsDir != null && !Files.isDirectory(feedsDir)) {
            throw new KensaException(feedsDir + ": not a directory (--feeds names the folder holding the feeds)");
        }
        List<Feed> present = feeds.feeds().stream().filter(f -> f.presentIn(feedsDir)).toList();
        if (present.isEmpty()) {
            throw new KensaException((feedsDir == null ? "no feed given" : feedsDir + ": no feed found")
                    + " (expected any of: " + String.join(", ", feeds.feeds().stream().map(Feed::source).toList()) + ")");
        }
        return present;
    }

    private List<FeedReport> load(List<Feed> present, Path feedsDir, Path tmp) throws IOException {
        List<FeedReport> reports = new ArrayList<>();
        try (DatabaseWriter db = DatabaseWriter.create(tmp)) {
            for (Feed feed : present) {
                FeedWarnings warnings = new FeedWarnings();
                FeedResult result;
                try {
                    result = feed.load(feedsDir, db, warnings);
                } catch (KensaException e) {
                    throw new KensaException("feed " + feed.id() + ": " + e.getMessage(), e.exitCode(), e);
                } catch (IOException e) {
                    throw new KensaException("feed " + feed.id() + ": " + feed.source() + ": unreadable ("
                            + e.getMessage() + ")", e);
                }
                db.recordFeed(new FeedRecord(feed.id(), feed.source(), result.snapshot(), result.records(),
                        warnings.count()));
                FeedReport report = new FeedReport(feed.id(), feed.source(), result.records(), result.snapshot(),
                        warnings.count(), warnings.first());
                reports.add(report);
                onFeed.accept(report);
            }
            db.finish(Instant.now(clock));
        } catch (SQLException e) {
            throw new KensaException("writing the database failed: " + e.getMessage(), e);
        }
        return reports;
    }
}
