package io.kensa.db.feed.jvn;

import io.kensa.core.KensaException;
import io.kensa.db.feed.CappedInputStream;
import io.kensa.db.feed.Feed;
import io.kensa.db.feed.FeedFiles;
import io.kensa.db.feed.FeedResult;
import io.kensa.db.feed.FeedWarnings;
import io.kensa.db.model.VulnerabilityRecord;
import io.kensa.db.store.DatabaseWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JVN iPedia (Japan Vulnerability Notes) from {@code jvn/*.rdf} and {@code jvn/*.xml} (gzipped too): the JVNDB RSS
 * feeds ({@code https://jvndb.jvn.jp/ja/rss/jvndb.rdf}, yearly {@code jvndb_detail_YYYY.rdf}) and MyJVN
 * {@code getVulnOverviewList} responses, read by {@link JvnRssReader}. Each entry is stored under its JVNDB id and,
 * with the same title and description, under each CVE it names, which becomes its alias: a report in Japanese
 * ({@code --lang ja}) finds JVN's title next to a CVE finding. An id met in several files keeps its most recently
 * modified entry. The snapshot date is the newest channel date ({@code dcterms:modified}, else {@code dc:date}), or
 * the newest entry's when no channel has one.
 */
public final class JvnFeed implements Feed {
    public static final String ID = "jvn";
    public static final String FOLDER = "jvn";
    /** A yearly detail feed is some tens of MB. */
    static final long MAX_FILE = 512L << 20;

    private final long maxFile;

    public JvnFeed() {
        this(MAX_FILE);
    }

    JvnFeed(long maxFile) {
        this.maxFile = maxFile;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String source() {
        return FOLDER + "/*.{rdf,xml}";
    }

    @Override
    public boolean presentIn(Path feedsDir) {
        return !files(feedsDir).isEmpty();
    }

    private static List<Path> files(Path feedsDir) {
        return FeedFiles.list(feedsDir, FOLDER, n -> n.endsWith(".rdf") || n.endsWith(".xml")
                || n.endsWith(".rdf.gz") || n.endsWith(".xml.gz"));
    }

    @Override
    public FeedResult load(Path feedsDir, DatabaseWriter db, FeedWarnings warnings) throws IOException, SQLException {
        Map<String, Instant> stored = new HashMap<>();
        Set<String> entries = new HashSet<>();
        Instant snapshot = null;
        Instant[] newestItem = {null};
        for (Path file : files(feedsDir)) {
            String where = FeedFiles.where(feedsDir, file);
            JvnItem.Document doc;
            try (CappedInputStream in = FeedFiles.open(file, where, maxFile)) {
                doc = JvnRssReader.read(in, where, (item, index, lang) -> {
                    JvnRecords.Entry e = JvnRecords.entry(item, lang, where + " item " + (index + 1), warnings);
                    if (e != null) {
                        entries.add(e.record().id());
                        store(e, stored, db);
                        Instant m = e.record().modified();
                        if (m != null && (newestItem[0] == null || m.isAfter(newestItem[0]))) {
                            newestItem[0] = m;
                        }
                    }
                });
            } catch (KensaException e) {
                throw e;
            } catch (IOException e) {
                throw new KensaException(where + ": unreadable (" + e.getMessage() + ")", e);
            }
            if (doc.date() != null && (snapshot == null || doc.date().isAfter(snapshot))) {
                snapshot = doc.date();
            }
        }
        // a document without a channel date: its newest entry dates it
        return new FeedResult(entries.size(), snapshot != null ? snapshot : newestItem[0]);
    }

    private static void store(JvnRecords.Entry e, Map<String, Instant> stored, DatabaseWriter db) throws SQLException {
        store(e.record(), stored, db);
        for (String cve : e.cves()) {
            store(e.asCve(cve), stored, db);
            db.addAlias(e.record().id(), cve);
        }
    }

    /** Stores {@code r} unless a record of the same id modified later was stored already. */
    private static void store(VulnerabilityRecord r, Map<String, Instant> stored, DatabaseWriter db)
            throws SQLException {
        Instant modified = r.modified() == null ? Instant.MIN : r.modified();
        Instant before = stored.get(r.id() + " " + r.lang());
        if (before != null && before.isAfter(modified)) {
            return;
        }
        stored.put(r.id() + " " + r.lang(), modified);
        db.addVulnerability(r);
    }
}
