package io.kensa.cli;

import io.kensa.core.JavaIndex;
import io.kensa.core.KensaException;
import io.kensa.db.store.KensaDatabase;
import io.kensa.match.AdvisorySource;
import io.kensa.match.DatabaseAdvisorySource;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** {@code --db FILE}: the database a scan reads (today its Java index), by default the one in the cache directory. */
final class DbOptions {
    @Option(names = "--db", paramLabel = "FILE",
            description = {"Kensa database, from kensa db build (default:", "<cache dir>/db/kensa.db if it exists; scans list",
                    "packages without one). Its Java index names jars", "that carry no Maven metadata."})
    Path db;

    @Option(names = "--db-max-age", paramLabel = "AGE", defaultValue = DatabaseAge.DEFAULT, converter = AgeConverter.class,
            description = {"Warn when the database was built longer ago than", "this, e.g. 36h or 7d (default: ${DEFAULT-VALUE})."})
    Duration maxAge;

    /**
     * The database of the scan, opened read-only: the one given (a bad one is an error), else the default one if
     * present and usable (a damaged default one costs a warning on stderr, not the scan), else none.
     */
    Opened open(Path cacheDir) {
        if (db != null) {
            return warnIfOld(KensaDatabase.open(db));
        }
        Path file = defaultFile(cacheDir);
        if (!Files.exists(file)) {
            return new Opened(null);
        }
        KensaDatabase opened;
        try {
            opened = KensaDatabase.open(file);
        } catch (KensaException e) {
            System.err.println("kensa: warning: " + e.getMessage() + "; scanning without it");
            return new Opened(null);
        }
        return warnIfOld(opened);
    }

    /** An old database is used all the same: a scan never downloads one, and never fails for its age. */
    private Opened warnIfOld(KensaDatabase database) {
        String warning;
        try {
            warning = DatabaseAge.warning(database.file(), database.buildTime(), maxAge, Instant.now());
        } catch (KensaException e) {
            database.close();
            throw e;
        }
        if (warning != null) {
            System.err.println("kensa: warning: " + warning);
        }
        return new Opened(database);
    }

    /** Where {@code kensa db build} writes and scans look by default. */
    static Path defaultFile(Path cacheDir) {
        return cacheDir.resolve("db").resolve("kensa.db");
    }

    /** The open database, or none. */
    record Opened(KensaDatabase database) implements AutoCloseable {
        JavaIndex javaIndex() {
            return database == null ? JavaIndex.NONE : database.javaIndex();
        }

        /** The advisories of the database for the matchers; null without a database. */
        AdvisorySource advisories() {
            return database == null ? null : new DatabaseAdvisorySource(database);
        }

        @Override
        public void close() {
            if (database != null) {
                database.close();
            }
        }
    }
}
