package io.kensa.db.update;

import io.kensa.core.KensaException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where an update writes the new database: files {@code <target>.update-<random>.tmp} in the target's own directory
 * (so the final rename is atomic), made only while holding {@code <target>.update.lock}. Holding the lock, any such
 * file left over was left by an update that was killed, and is deleted. {@link #install} syncs the new file, renames
 * it over the target and syncs the directory: the target is always either the old database or the new one, whole.
 * Closing the area deletes its temporary files and releases the lock (a shutdown hook does the same on Ctrl-C).
 */
final class StagingArea implements AutoCloseable {
    private final Path target;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final List<Path> temporaries = new ArrayList<>();
    private final Thread cleanup;
    private final int staleRemoved;

    private StagingArea(Path target, FileChannel lockChannel, FileLock lock, int staleRemoved) {
        this.target = target;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.staleRemoved = staleRemoved;
        this.cleanup = new Thread(this::deleteTemporaries, "kensa-db-update-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** Takes the update lock of {@code target} (waiting for another update to finish) and clears what was left over. */
    static StagingArea open(Path target) {
        Path dir = target.getParent();
        if (Files.isDirectory(target)) {
            throw new KensaException(target + ": is a directory, not a database file");
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve(target.getFileName() + ".update.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            return new StagingArea(target, channel, lock, removeStale(target));
        } catch (IOException e) {
            closeQuietly(channel);
            throw new KensaException("cannot write in " + dir + " (" + e.getMessage() + ")", e);
        }
    }

    /** How many files left over by killed updates were deleted. */
    int staleRemoved() {
        return staleRemoved;
    }

    /** A new, empty temporary file beside the target. */
    Path newFile() {
        for (int i = 0; ; i++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
            Path file = target.resolveSibling(target.getFileName() + ".update-" + suffix + ".tmp");
            try {
                Files.createFile(file);
                temporaries.add(file);
                return file;
            } catch (FileAlreadyExistsException e) {
                if (i > 10) {
                    throw new KensaException("cannot make a temporary file beside " + target);
                }
            } catch (IOException e) {
                throw new KensaException("cannot write in " + target.getParent() + " (" + e.getMessage() + ")", e);
            }
        }
    }

    /** Deletes a temporary file that will not be installed. */
    void discard(Path staged) {
        try {
            Files.deleteIfExists(staged);
            temporaries.remove(staged);
        } catch (IOException ignored) {
            // deleted on close, or by the next update
        }
    }

    /** Syncs {@code staged} and renames it over the target, then syncs the directory so the rename is durable. */
    void install(Path staged) {
        try {
            try (FileChannel ch = FileChannel.open(staged, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temporaries.remove(staged);
        } catch (IOException e) {
            throw new KensaException("cannot replace " + target + " (" + e.getMessage() + "); the database in place is"
                    + " unchanged", e);
        }
        try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException notSupportedHere) {
            // some file systems cannot sync a directory; the rename is atomic all the same
        }
    }

    private static int removeStale(Path target) throws IOException {
        int removed = 0;
        String prefix = target.getFileName() + ".update-";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(target.getParent())) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(".tmp")
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    private synchronized void deleteTemporaries() {
        for (Path p : temporaries) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort; the next update deletes it
            }
        }
        temporaries.clear();
    }

    @Override
    public void close() {
        deleteTemporaries();
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(lockChannel);
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it deletes the same files
        }
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing to lose
            }
        }
    }
}
