package io.kensa.db.store;

import io.kensa.core.KensaException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kensa database opened read-only. The file's header is checked first ({@link DatabaseHeader}), so a foreign or
 * truncated file, or one of another schema version, is refused with one line before any query runs. The file is
 * opened immutable: SQLite takes no lock and creates no journal beside it, and a database replaced by an atomic
 * rename while open keeps serving the old file.
 */
public final class KensaDatabase implements AutoCloseable {
    private final Path file;
    private final Connection connection;

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

    /** When this database was built (its metadata's build_time), or null when it does not say; reads one row. */
    public Instant buildTime() {
        try {
            return instant(metadata().get("build_time"));
        } catch (SQLException e) {
            throw unreadable(file, e);
        }
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
