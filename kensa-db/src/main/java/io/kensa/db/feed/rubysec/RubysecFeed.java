package io.kensa.db.feed.rubysec;

import io.kensa.core.KensaException;
import io.kensa.db.feed.Feed;
import io.kensa.db.feed.FeedArchives;
import io.kensa.db.feed.FeedResult;
import io.kensa.db.feed.FeedText;
import io.kensa.db.feed.FeedWarnings;
import io.kensa.db.store.DatabaseWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * rubysec's ruby-advisory-db (the data bundler-audit reads), namespace {@code gem}: a checkout of the repository,
 * {@code rubysec/ruby-advisory-db/}, or an archive of it, {@code rubysec/ruby-advisory-db.zip} (its files at the top
 * or under one folder, as GitHub's archives have them). Each {@code gems/<gem>/<id>.yml} is one advisory
 * ({@link RubysecAdvisory}). {@code rubies/} (advisories about Ruby interpreters: ruby, jruby, mruby …) is not read,
 * since Kensa has no interpreter packages to match them against yet; how many were passed over is one warning. The
 * snapshot date is the newest advisory {@code date}.
 */
public final class RubysecFeed implements Feed {
    public static final String ID = RubysecAdvisory.FEED;
    static final String ZIP = "rubysec/ruby-advisory-db.zip";
    static final String CHECKOUT = "rubysec/ruby-advisory-db";
    /** Largest advisory read (the biggest are ~10 KB). */
    static final int MAX_FILE_BYTES = 1 << 20;
    /** An advisory file, at the top of the archive or under the one folder a GitHub archive adds. */
    private static final Pattern GEM_FILE = Pattern.compile("(?:[^/]+/)?gems/([^/]+)/([^/]+)\\.yml");
    private static final Pattern RUBY_FILE = Pattern.compile("(?:[^/]+/)?rubies/([^/]+)/([^/]+)\\.yml");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String source() {
        return CHECKOUT + "{.zip,/}";
    }

    @Override
    public boolean presentIn(Path feedsDir) {
        return feedsDir != null && (Files.isRegularFile(feedsDir.resolve(ZIP))
                || Files.isDirectory(feedsDir.resolve(CHECKOUT).resolve("gems")));
    }

    @Override
    public FeedResult load(Path feedsDir, DatabaseWriter db, FeedWarnings warnings) throws IOException, SQLException {
        Loader loader = new Loader(db, warnings);
        Path checkout = feedsDir.resolve(CHECKOUT);
        String read;
        if (Files.isDirectory(checkout.resolve("gems"))) {
            read = CHECKOUT + "/";
            FeedArchives.directory(checkout, read, Loader::wanted, MAX_FILE_BYTES, warnings,
                    (name, bytes) -> loader.file(CHECKOUT + "/" + name, name, bytes));
        } else {
            read = ZIP;
            FeedArchives.zip(feedsDir.resolve(ZIP), ZIP, Loader::wanted, MAX_FILE_BYTES, warnings,
                    (name, bytes) -> loader.file(ZIP + "!" + name, name, bytes));
        }
        if (loader.records == 0 && loader.failed == 0) {
            throw new KensaException(read + ": no advisories (expected gems/<gem>/<id>.yml)");
        }
        if (loader.rubies > 0) {
            warnings.add("rubies/", loader.rubies + " Ruby interpreter advisories passed over (no interpreter"
                    + " packages to match yet)");
        }
        return new FeedResult(loader.records, loader.newest);
    }

    /** Loads advisories one by one. */
    private static final class Loader {
        private final DatabaseWriter db;
        private final FeedWarnings warnings;
        private long records;
        private long failed;
        private long rubies;
        private Instant newest;

        Loader(DatabaseWriter db, FeedWarnings warnings) {
            this.db = db;
            this.warnings = warnings;
        }

        static boolean wanted(String name) {
            return GEM_FILE.matcher(name).matches() || RUBY_FILE.matcher(name).matches();
        }

        void file(String where, String name, byte[] bytes) throws SQLException {
            if (RUBY_FILE.matcher(name).matches()) {
                rubies++;
                return;
            }
            Matcher m = GEM_FILE.matcher(name);
            if (!m.matches()) {
                return;
            }
            RubysecAdvisory.Parsed a;
            try {
                a = RubysecAdvisory.parse(bytes, m.group(2));
            } catch (IllegalArgumentException e) {
                failed++;
                warnings.add(where, FeedText.printable(e.getMessage()) + ", skipped");
                return;
            } catch (IOException e) {
                failed++;
                String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
                warnings.add(where, "not YAML (" + FeedText.printable(message) + "), skipped");
                return;
            }
            if (a == null) {
                failed++;
                warnings.add(where, "patched and unaffected versions cover every version: nothing affected, skipped");
                return;
            }
            if (!a.affectedPackage().packageName().equals(m.group(1))) {
                warnings.add(where, "gem '" + a.affectedPackage().packageName() + "' in the folder of '"
                        + FeedText.printable(m.group(1)) + "' (the file's gem is used)");
            }
            db.addAdvisory(a.affectedPackage());
            db.addVulnerability(a.vulnerability());
            List<String> ids = new ArrayList<>();
            ids.add(a.id());
            ids.addAll(a.aliases());
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    db.addAlias(ids.get(i), ids.get(j));
                }
            }
            records++;
            Instant date = a.vulnerability().published();
            if (date != null && (newest == null || date.isAfter(newest))) {
                newest = date;
            }
        }
    }
}
