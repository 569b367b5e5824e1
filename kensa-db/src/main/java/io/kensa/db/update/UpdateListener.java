package io.kensa.db.update;

import java.nio.file.Path;

/** Told what an update does, for progress and warnings on the command line (and for tests that stop it midway). */
public interface UpdateListener {
    UpdateListener NONE = new UpdateListener() {
    };

    /** A source failed with {@code message}; {@code nextSource} is true when another source is tried next. */
    default void sourceFailed(String source, String message, boolean nextSource) {
    }

    /** The database is being downloaded from {@code source}. */
    default void downloading(String source) {
    }

    /** {@code bytes} of the database have been written to {@code staged} so far. */
    default void progress(Path staged, long bytes) {
    }

    /** The new database is complete, verified and synced in {@code staged}, about to be renamed over {@code target}. */
    default void beforeSwap(Path staged, Path target) {
    }
}
