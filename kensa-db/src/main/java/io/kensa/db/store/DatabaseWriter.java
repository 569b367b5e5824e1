package io.kensa.db.store;

import io.kensa.core.KensaVersion;
import io.kensa.core.MavenCoordinates;
import io.kensa.core.vuln.EpssScore;
import io.kensa.core.vuln.KevEntry;
import io.kensa.core.vuln.Namespaces;
import io.kensa.db.model.AffectedPackage;
import io.kensa.db.model.VulnerabilityRecord;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a new database file in one transaction, tuned for a bulk load: no rollback journal and no fsync while
 * loading (the file is a temporary one that is renamed into place only when complete, so a crash costs nothing but
 * the temporary file), batched prepared inserts, and secondary indexes built once at the end.
 * Not thread-safe: one feed loads at a time.
 */
public final class DatabaseWriter implements AutoCloseable {
    private static final int BATCH = 10_000;

    private final Connection connection;
    private final JavaIndexInserter javaIndex;
    private final BatchInsert advisories;
    private final BatchInsert vulnerabilities;
    private final BatchInsert aliases;
    private final BatchInsert kev;
    private final BatchInsert epss;
    private final BatchInsert cwe;
    private final List<BatchInsert> batches;
    private boolean finished;

    private DatabaseWriter(Connection connection) throws SQLException {
        this.connection = connection;
        this.javaIndex = new JavaIndexInserter(connection.prepareStatement(
                "INSERT OR IGNORE INTO java_index (sha1, artifact, version) VALUES (?, ?, ?)"),
                connection.prepareStatement("INSERT INTO maven_artifacts (id, group_id, artifact_id) VALUES (?, ?, ?)"));
        this.advisories = batch("INSERT INTO advisories (namespace, package, vuln_id, feed, status, severity, affected)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)");
        this.vulnerabilities = batch("INSERT OR REPLACE INTO vulnerabilities (id, feed, lang, title, description,"
                + " severity, cvss, cwes, published, modified, urls) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.aliases = batch("INSERT OR IGNORE INTO aliases (id, alias) VALUES (?, ?)");
        this.kev = batch("INSERT OR REPLACE INTO kev (cve, date_added, due_date, ransomware) VALUES (?, ?, ?, ?)");
        this.epss = batch("INSERT OR REPLACE INTO epss (cve, score, percentile) VALUES (?, ?, ?)");
        this.cwe = batch("INSERT OR REPLACE INTO cwe (id, name) VALUES (?, ?)");
        this.batches = List.of(advisories, vulnerabilities, aliases, kev, epss, cwe);
    }

    private BatchInsert batch(String sql) throws SQLException {
        return new BatchInsert(connection.prepareStatement(sql));
    }

    /** Creates the schema in {@code file}, which must be new or empty. */
    public static DatabaseWriter create(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setPageSize(4096);
        config.setJournalMode(SQLiteConfig.JournalMode.OFF);
        config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
        config.setLockingMode(SQLiteConfig.LockingMode.EXCLUSIVE);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-64 * 1024);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        try {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
                for (String ddl : Schema.TABLES) {
                    s.execute(ddl);
                }
            }
            c.setAutoCommit(false);
            return new DatabaseWriter(c);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Rows for the Java index. */
    public JavaIndexInserter javaIndex() {
        return javaIndex;
    }

    /**
     * One advisory's statement about one package. The package name is stored through
     * {@link Namespaces#packageName}, so a feed may pass it as its publisher spells it.
     */
    public void addAdvisory(AffectedPackage a) throws SQLException {
        advisories.add(a.namespace(), Namespaces.packageName(a.namespace(), a.packageName()), a.vulnerabilityId(),
                a.feed(), a.status() == null ? null : a.status().wireName(),
                a.severity() == null ? null : a.severity().name(), AffectedCodec.encode(a.ranges(), a.versions()));
    }

    /** What a feed says about a vulnerability; a second record of the same id, feed and language replaces the first. */
    public void addVulnerability(VulnerabilityRecord v) throws SQLException {
        vulnerabilities.add(v.id(), v.feed(), v.lang(), v.title(), v.description(),
                v.severity() == null ? null : v.severity().name(), ColumnCodec.cvss(v.cvss()),
                ColumnCodec.strings(v.cwes()), v.published() == null ? null : v.published().toString(),
                v.modified() == null ? null : v.modified().toString(), ColumnCodec.strings(v.urls()));
    }

    /** Two ids of the same vulnerability (stored both ways; a pair already known, or an id with itself, is ignored). */
    public void addAlias(String id, String alias) throws SQLException {
        if (id == null || alias == null || id.isBlank() || alias.isBlank() || id.equals(alias)) {
            return;
        }
        aliases.add(id, alias);
        aliases.add(alias, id);
    }

    /** A CISA KEV entry. */
    public void addKev(KevEntry e) throws SQLException {
        kev.add(e.cve(), e.dateAdded().toString(), e.dueDate() == null ? null : e.dueDate().toString(),
                e.knownRansomwareUse());
    }

    /** An EPSS score. */
    public void addEpss(EpssScore s) throws SQLException {
        epss.add(s.cve(), s.score(), s.percentile());
    }

    /** A CWE's name, by its id ({@code CWE-79}). */
    public void addCwe(String id, String name) throws SQLException {
        cwe.add(id, name);
    }

    /**
     * A fact about the data for {@code db info} and the matchers (e.g. {@code epss_score_date},
     * {@code epss_model_version}); a key written twice keeps the last value.
     */
    public void putMetadata(String key, String value) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT OR REPLACE INTO metadata (key, value) VALUES (?, ?)")) {
            put(s, key, value);
        }
    }

    /** Records what a feed contributed (the {@code feeds} table). */
    public void recordFeed(FeedRecord feed) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO feeds (id, source, snapshot, records, warnings) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, feed.id());
            s.setString(2, feed.source());
            s.setString(3, feed.snapshot() == null ? null : feed.snapshot().toString());
            s.setLong(4, feed.records());
            s.setLong(5, feed.warnings());
            s.executeUpdate();
        }
    }

    /**
     * Flushes pending rows, builds the indexes, writes the metadata and the schema version, and commits. The
     * schema version is the last thing written: a file without it is not a usable database.
     */
    public void finish(Instant buildTime) throws SQLException {
        javaIndex.flush();
        for (BatchInsert b : batches) {
            b.flush();
        }
        try (Statement s = connection.createStatement()) {
            for (String ddl : Schema.INDEXES) {
                s.execute(ddl);
            }
            for (String sql : Schema.DERIVED) {
                s.execute(sql);
            }
        }
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT OR REPLACE INTO metadata (key, value) VALUES (?, ?)")) {
            put(s, "schema_version", Integer.toString(Schema.VERSION));
            put(s, "build_time", buildTime.toString());
            put(s, "kensa_version", KensaVersion.get());
        }
        connection.commit();
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA user_version = " + Schema.VERSION);
        }
        finished = true;
    }

    private static void put(PreparedStatement s, String key, String value) throws SQLException {
        s.setString(1, key);
        s.setString(2, value);
        s.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
        try {
            javaIndex.close();
            for (BatchInsert b : batches) {
                b.close();
            }
            if (!finished && !connection.getAutoCommit()) {
                connection.rollback();
            }
        } finally {
            connection.close();
        }
    }

    /**
     * Batched inserts into {@code java_index}; a row already present (same sha1 and coordinates) is ignored. Each
     * artifact gets its {@code maven_artifacts} row the first time it is met.
     */
    public static final class JavaIndexInserter implements AutoCloseable {
        private final PreparedStatement insert;
        private final PreparedStatement insertArtifact;
        private final Map<String, Long> artifacts = new HashMap<>();
        private int pending;

        private JavaIndexInserter(PreparedStatement insert, PreparedStatement insertArtifact) {
            this.insert = insert;
            this.insertArtifact = insertArtifact;
        }

        public void add(JavaIndexEntry entry) throws SQLException {
            insert.setBytes(1, entry.sha1Bytes());
            insert.setLong(2, artifact(entry.coordinates()));
            insert.setString(3, entry.coordinates().version());
            insert.addBatch();
            if (++pending >= BATCH) {
                flush();
            }
        }

        private long artifact(MavenCoordinates c) throws SQLException {
            String key = c.packageName();
            Long id = artifacts.get(key);
            if (id == null) {
                id = (long) artifacts.size() + 1;
                insertArtifact.setLong(1, id);
                insertArtifact.setString(2, c.groupId());
                insertArtifact.setString(3, c.artifactId());
                insertArtifact.executeUpdate();
                artifacts.put(key, id);
            }
            return id;
        }

        void flush() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                insert.close();
            } finally {
                insertArtifact.close();
            }
        }
    }
}
