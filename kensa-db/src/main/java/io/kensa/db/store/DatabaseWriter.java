package io.kensa.db.store;

import io.kensa.core.KensaVersion;
import io.kensa.core.MavenCoordinates;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
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
    private boolean finished;

    private DatabaseWriter(Connection connection) throws SQLException {
        this.connection = connection;
        this.javaIndex = new JavaIndexInserter(connection.prepareStatement(
                "INSERT OR IGNORE INTO java_index (sha1, artifact, version) VALUES (?, ?, ?)"),
                connection.prepareStatement("INSERT INTO maven_artifacts (id, group_id, artifact_id) VALUES (?, ?, ?)"));
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
        try (Statement s = connection.createStatement()) {
            for (String ddl : Schema.INDEXES) {
                s.execute(ddl);
            }
            for (String sql : Schema.DERIVED) {
                s.execute(sql);
            }
        }
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO metadata (key, value) VALUES (?, ?)")) {
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
