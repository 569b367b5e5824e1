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
        description = {"Show a Kensa database's schema version, build time and age, size, and",
                "the feeds it was built from; warn when it is older than --max-age."})
final class DbInfoCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "FILE", description = {"The database (default:", "<cache dir>/db/kensa.db)."})
    Path db;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Cache directory (default: $XDG_CACHE_HOME/kensa or ~/.cache/kensa).")
    Path cacheDir;

    @Option(names = "--max-age", paramLabel = "AGE", defaultValue = DatabaseAge.DEFAULT, converter = AgeConverter.class,
            description = {"Warn (on stderr, exit code 0) when the database was", "built longer ago than this, e.g. 36h or 7d",
                    "(default: ${DEFAULT-VALUE}, as Grype's max-allowed-built-age)."})
    Duration maxAge;

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
        Instant now = Instant.now();
        StringBuilder out = new StringBuilder();
        line(out, "database", info.file().toAbsolutePath().toString());
        line(out, "size", HumanFormat.bytes(info.bytes()) + " (" + HumanFormat.count(info.bytes()) + " bytes)");
        line(out, "schema version", Integer.toString(info.schemaVersion()));
        line(out, "built", info.buildTime() == null ? "unknown" : seconds(info.buildTime()) + " ("
                + HumanFormat.age(Duration.between(info.buildTime(), now)) + ") by kensa " + info.kensaVersion());
        String warning = DatabaseAge.warning(info.file().toAbsolutePath(), info.buildTime(), maxAge, now);
        line(out, "age", info.buildTime() == null ? "unknown" : age(Duration.between(info.buildTime(), now))
                + (warning == null ? " (under the " + AgeConverter.describe(maxAge) + " of --max-age)"
                : " (OLDER than the " + AgeConverter.describe(maxAge) + " of --max-age)"));
        line(out, "java index", HumanFormat.count(info.javaIndexRows()) + " jars");
        line(out, "feeds", info.feeds().isEmpty() ? "none" : "");
        for (FeedRecord f : info.feeds()) {
            out.append("  ").append(f.id()).append(": ").append(HumanFormat.count(f.records())).append(" records")
                    .append(f.warnings() == 0 ? "" : ", " + HumanFormat.count(f.warnings()) + " skipped")
                    .append(", data of ").append(f.snapshot() == null ? "unknown date" : seconds(f.snapshot()))
                    .append(", from ").append(f.source()).append('\n');
        }
        System.out.print(out);
        if (warning != null) {
            System.err.println("kensa: warning: " + warning);
        }
        return 0;
    }

    /** {@code 3 days 4 hours}, {@code 5 hours 12 minutes}, {@code 40 minutes}. */
    static String age(Duration d) {
        if (d.isNegative()) {
            return "built in the future (check the clock)";
        }
        if (d.toDays() > 0) {
            return plural(d.toDays(), "day") + " " + plural(d.toHoursPart(), "hour");
        }
        if (d.toHours() > 0) {
            return plural(d.toHours(), "hour") + " " + plural(d.toMinutesPart(), "minute");
        }
        return plural(d.toMinutes(), "minute");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static String seconds(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append(String.format("%-15s %s", key + ":", value).stripTrailing()).append('\n');
    }
}
