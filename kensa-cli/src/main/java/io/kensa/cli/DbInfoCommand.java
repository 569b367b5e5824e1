package io.kensa.cli;

import io.kensa.core.KensaException;
import io.kensa.db.store.DatabaseInfo;
import io.kensa.db.store.FeedRecord;
import io.kensa.db.store.KensaDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code kensa db info}: what a database holds and how old it is. */
@Command(name = "info", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show a Kensa database's schema version, build time, size, and the feeds it was built from.")
final class DbInfoCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "FILE", description = {"The database (default:", "<cache dir>/db/kensa.db)."})
    Path db;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Cache directory (default: $XDG_CACHE_HOME/kensa or ~/.cache/kensa).")
    Path cacheDir;

    @Override
    public Integer call() {
        Path file = db != null ? db : DbOptions.defaultFile(CacheOptions.dir(cacheDir));
        if (db == null && !Files.exists(file)) {
            throw new KensaException("no database at " + file + " (build one with kensa db build, or give --db FILE)");
        }
        DatabaseInfo info;
        try (KensaDatabase open = KensaDatabase.open(file)) {
            info = open.info();
        }
        StringBuilder out = new StringBuilder();
        line(out, "database", info.file().toAbsolutePath().toString());
        line(out, "size", HumanFormat.bytes(info.bytes()) + " (" + HumanFormat.count(info.bytes()) + " bytes)");
        line(out, "schema version", Integer.toString(info.schemaVersion()));
        line(out, "built", info.buildTime() == null ? "unknown" : seconds(info.buildTime()) + " ("
                + HumanFormat.age(Duration.between(info.buildTime(), Instant.now())) + ") by kensa " + info.kensaVersion());
        line(out, "java index", HumanFormat.count(info.javaIndexRows()) + " jars");
        line(out, "feeds", info.feeds().isEmpty() ? "none" : "");
        for (FeedRecord f : info.feeds()) {
            out.append("  ").append(f.id()).append(": ").append(HumanFormat.count(f.records())).append(" records")
                    .append(f.warnings() == 0 ? "" : ", " + HumanFormat.count(f.warnings()) + " skipped")
                    .append(", data of ").append(f.snapshot() == null ? "unknown date" : seconds(f.snapshot()))
                    .append(", from ").append(f.source()).append('\n');
        }
        System.out.print(out);
        return 0;
    }

    private static String seconds(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append(String.format("%-15s %s", key + ":", value).stripTrailing()).append('\n');
    }
}
