package io.kensa.db.feed;

import io.kensa.core.vuln.Severity;
import io.kensa.db.model.VulnerabilityRecord;
import io.kensa.db.store.ColumnCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads back what a build stored, straight from the SQLite file (the matchers' readers are not this module's
 * tests' business): vulnerability records, aliases, metadata, row counts.
 */
public final class StoredRows implements AutoCloseable {
    private final Connection c;

    public StoredRows(Path db) throws SQLException {
        c = DriverManager.getConnection("jdbc:sqlite:file:" + db.toAbsolutePath() + "?mode=ro");
    }

    public Optional<VulnerabilityRecord> vulnerability(String id, String feed, String lang) throws SQLException {
        List<VulnerabilityRecord> all = select("WHERE id = ? AND feed = ? AND lang = ?", id, feed, lang);
        return all.stream().findFirst();
    }

    /** Every record of {@code feed}, by id (one language per id in these feeds). */
    public Map<String, VulnerabilityRecord> vulnerabilities(String feed) throws SQLException {
        Map<String, VulnerabilityRecord> out = new HashMap<>();
        for (VulnerabilityRecord r : select("WHERE feed = ?", feed)) {
            out.put(r.id(), r);
        }
        return out;
    }

    private List<VulnerabilityRecord> select(String where, String... args) throws SQLException {
        List<VulnerabilityRecord> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, feed, lang, title, description, severity, cvss,"
                + " cwes, published, modified, urls FROM vulnerabilities " + where)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new VulnerabilityRecord(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6) == null ? null : Severity.valueOf(r.getString(6)),
                            ColumnCodec.cvss(r.getString(7)), ColumnCodec.strings(r.getString(8)),
                            instant(r.getString(9)), instant(r.getString(10)), ColumnCodec.strings(r.getString(11))));
                }
            }
        }
        return out;
    }

    /** The ids stored as aliases of {@code id}, sorted. */
    public List<String> aliases(String id) throws SQLException {
        return strings("SELECT alias FROM aliases WHERE id = ? ORDER BY alias", id);
    }

    public String metadata(String key) throws SQLException {
        List<String> v = strings("SELECT value FROM metadata WHERE key = ?", key);
        return v.isEmpty() ? null : v.getFirst();
    }

    public long count(String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table); ResultSet r = s.executeQuery()) {
            return r.getLong(1);
        }
    }

    /** Every row of {@code sql}, its columns joined with a tab. */
    public List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "\t" : "").append(r.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    private List<String> strings(String sql, String arg) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
