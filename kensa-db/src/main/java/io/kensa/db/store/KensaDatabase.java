package io.kensa.db.store;

import io.kensa.core.KensaException;
import io.kensa.core.vuln.Namespaces;
import io.kensa.core.vuln.Severity;
import io.kensa.core.vuln.VulnerabilityStatus;
import io.kensa.db.model.AffectedPackage;
import io.kensa.db.model.VulnerabilityRecord;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Kensa database opened read-only. The file's header is checked first ({@link DatabaseHeader}), so a foreign or
 * truncated file, or one of another schema version, is refused with one line before any query runs. The file is
 * opened immutable: SQLite takes no lock and creates no journal beside it, and a database replaced by an atomic
 * rename while open keeps serving the old file.
 *
 * <p>The lookups of the matchers: {@link #advisories} runs one prepared statement per package, prepared on first
 * use and kept; {@link #vulnerabilities} and {@link #aliases} take many ids and run one query per
 * {@value #BATCH}. Calls are serialised (a JDBC connection is not meant for concurrent use).
 */
public final class KensaDatabase implements AutoCloseable {
    /** Ids per batched query: well under SQLite's limit on bound parameters. */
    private static final int BATCH = 200;

    private final Path file;
    private final Connection connection;
    private PreparedStatement advisoriesByPackage;

    private KensaDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens {@code file}; throws a one-line {@link KensaException} when it is missing or not a usable database. */
    public static KensaDatabase open(Path file) {
        DatabaseHeader.check(file);
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        String url = "jdbc:sqlite:file:" + file.toAbsolutePath().toUri().getRawPath() + "?mode=ro&immutable=1";
        Connection c = null;
        try {
            c = DriverManager.getConnection(url, config.toProperties());
            KensaDatabase db = new KensaDatabase(file, c);
            db.metadata(); // reads the metadata table: fails now on a damaged file, not in the middle of a scan
            return db;
        } catch (SQLException e) {
            closeQuietly(c);
            throw unreadable(file, e);
        }
    }

    /** The one-line error for a query that failed on {@code file}. */
    static KensaException unreadable(Path file, SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new KensaException(file + ": unreadable Kensa database (" + m + "): rebuild it with kensa db build", e);
    }

    public Path file() {
        return file;
    }

    Connection connection() {
        return connection;
    }

    /** The Java index of this database; it shares this database's connection. */
    public SqliteJavaIndex javaIndex() {
        try {
            return new SqliteJavaIndex(this);
        } catch (SQLException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * What the feeds say about a package of a namespace ({@link Namespaces}): one {@link AffectedPackage} per advisory
     * row, in the order the feeds wrote them. {@code packageName} is looked up as the database stores it
     * ({@link Namespaces#packageName}: {@code PyYAML} finds {@code pyyaml}), and the returned packages carry that
     * stored name.
     */
    public synchronized List<AffectedPackage> advisories(String namespace, String packageName) {
        if (namespace == null || packageName == null) {
            return List.of();
        }
        try {
            if (advisoriesByPackage == null) {
                advisoriesByPackage = connection.prepareStatement("SELECT package, vuln_id, feed, status, severity,"
                        + " affected FROM advisories WHERE namespace = ? AND package = ? ORDER BY rowid");
            }
            advisoriesByPackage.setString(1, namespace);
            advisoriesByPackage.setString(2, Namespaces.packageName(namespace, packageName));
            List<AffectedPackage> out = new ArrayList<>();
            try (ResultSet r = advisoriesByPackage.executeQuery()) {
                while (r.next()) {
                    AffectedCodec.Decoded affected = AffectedCodec.decode(r.getString(6));
                    out.add(new AffectedPackage(namespace, r.getString(1), r.getString(2), r.getString(3),
                            affected.ranges(), affected.versions(), VulnerabilityStatus.parse(r.getString(4)),
                            severity(r.getString(5))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw unreadable(file, e);
        } catch (IllegalArgumentException e) {
            throw damaged("advisories of " + namespace + " " + packageName, e);
        }
    }

    /**
     * What the feeds say about each of {@code ids} (one record per feed and language), by id; ids no feed
     * describes are absent from the map.
     */
    public synchronized Map<String, List<VulnerabilityRecord>> vulnerabilities(Collection<String> ids) {
        Map<String, List<VulnerabilityRecord>> found = new java.util.HashMap<>();
        try {
            for (List<String> batch : batches(ids)) {
                try (PreparedStatement s = connection.prepareStatement("SELECT id, feed, lang, title, description,"
                        + " severity, cvss, cwes, published, modified, urls FROM vulnerabilities WHERE id IN ("
                        + placeholders(batch.size()) + ") ORDER BY id, feed, lang")) {
                    bind(s, batch);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            found.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(new VulnerabilityRecord(
                                    r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                                    severity(r.getString(6)), ColumnCodec.cvss(r.getString(7)),
                                    ColumnCodec.strings(r.getString(8)), instant(r.getString(9)),
                                    instant(r.getString(10)), ColumnCodec.strings(r.getString(11))));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw unreadable(file, e);
        } catch (IllegalArgumentException e) {
            throw damaged("vulnerabilities", e);
        }
        Map<String, List<VulnerabilityRecord>> out = new LinkedHashMap<>();
        for (String id : ids) {
            List<VulnerabilityRecord> records = found.get(id);
            if (records != null && !out.containsKey(id)) {
                out.put(id, List.copyOf(records));
            }
        }
        return out;
    }

    /** The distinct non-null ids, in batches of at most {@value #BATCH}. */
    private static List<List<String>> batches(Collection<String> ids) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        distinct.removeIf(java.util.Objects::isNull);
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += BATCH) {
            out.add(distinct.subList(i, Math.min(distinct.size(), i + BATCH)));
        }
        return out;
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement s, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            s.setString(i + 1, values.get(i));
        }
    }

    /** True when any feed wrote an advisory for {@code namespace} (a distribution release this database covers). */
    public synchronized boolean covers(String namespace) {
        if (namespace == null) {
            return false;
        }
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT 1 FROM advisories WHERE namespace = ? LIMIT 1")) {
            s.setString(1, namespace);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw unreadable(file, e);
        }
    }

    /** When this database was built (its metadata's build_time), or null when it does not say; reads one row. */
    public Instant buildTime() {
        try {
            return instant(metadata().get("build_time"));
        } catch (SQLException e) {
            throw unreadable(file, e);
        }
    }

    /** The ids stated to name the same vulnerability as {@code id} (direct aliases, not their aliases), sorted. */
    public synchronized Set<String> aliases(String id) {
        if (id == null) {
            return Set.of();
        }
        return aliases(List.of(id)).getOrDefault(id, Set.of());
    }

    /** {@link #aliases(String)} of many ids at once; ids without an alias are absent from the map. */
    public synchronized Map<String, Set<String>> aliases(Collection<String> ids) {
        Map<String, Set<String>> out = new java.util.HashMap<>();
        try {
            for (List<String> batch : batches(ids)) {
                try (PreparedStatement s = connection.prepareStatement("SELECT id, alias FROM aliases WHERE id IN ("
                        + placeholders(batch.size()) + ") ORDER BY id, alias")) {
                    bind(s, batch);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            out.computeIfAbsent(r.getString(1), k -> new java.util.TreeSet<>()).add(r.getString(2));
                        }
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw unreadable(file, e);
        }
    }

    private static Severity severity(String name) {
        return name == null ? null : Severity.valueOf(name);
    }

    private KensaException damaged(String what, Exception e) {
        return new KensaException(file + ": corrupt Kensa database (unreadable " + what + ": " + e.getMessage()
                + "): rebuild it with kensa db build", e);
    }

    /** KEV entries, EPSS scores and CWE names by id; it shares this database's connection. */
    public EnrichmentLookup enrichment() {
        return new EnrichmentLookup(this);
    }

    /** Schema version, build time and the feeds this database was built from. */
    public DatabaseInfo info() {
        try {
            Map<String, String> meta = metadata();
            List<FeedRecord> feeds = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT id, source, snapshot, records, warnings FROM feeds ORDER BY id");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    feeds.add(new FeedRecord(r.getString(1), r.getString(2), instant(r.getString(3)), r.getLong(4),
                            r.getLong(5)));
                }
            }
            long javaIndexRows;
            try (PreparedStatement s = connection.prepareStatement("SELECT count(*) FROM java_index");
                 ResultSet r = s.executeQuery()) {
                javaIndexRows = r.next() ? r.getLong(1) : 0;
            }
            return new DatabaseInfo(file, java.nio.file.Files.size(file), Schema.VERSION,
                    instant(meta.get("build_time")), meta.get("kensa_version"), feeds, javaIndexRows);
        } catch (SQLException e) {
            throw unreadable(file, e);
        } catch (java.io.IOException e) {
            throw new KensaException(file + ": unreadable (" + e.getMessage() + ")", e);
        }
    }

    private Map<String, String> metadata() throws SQLException {
        Map<String, String> meta = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT key, value FROM metadata");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                meta.put(r.getString(1), r.getString(2));
            }
        }
        if (!Integer.toString(Schema.VERSION).equals(meta.get("schema_version"))) {
            throw new SQLException("metadata names schema version " + meta.get("schema_version"));
        }
        return meta;
    }

    private static Instant instant(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // read-only: nothing to lose
            }
        }
    }
}
