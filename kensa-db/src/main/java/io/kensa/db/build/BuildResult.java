package io.kensa.db.build;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A finished build: the database file, its size, how long the build took, and what each feed gave. */
public record BuildResult(Path output, long bytes, Duration elapsed, List<FeedReport> feeds) {
}
