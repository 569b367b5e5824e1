package io.kensa.db.store;

import io.kensa.core.vuln.Severity;
import io.kensa.core.vuln.VulnerabilityStatus;
import io.kensa.db.model.AffectedPackage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test access to the advisory rows a build wrote, read back with plain SQL and the store's own decoding of the
 * affected column (vulnerability records and aliases: {@link io.kensa.db.feed.StoredRows}).
 */
public final class StoredAdvisories implements AutoCloseable {
    private final Connection connection;

    public StoredAdvisories(Path db) throws SQLException {
        this.connection = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
    }

    /** The advisories of {@code feed} matching an SQL condition on the advisories table (e.g. {@code "1=1"}). */
    public List<AffectedPackage> where(String feed, String condition, Object... args) throws SQLException {
        List<AffectedPackage> rows = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT namespace, package, vuln_id, feed, status,"
                + " severity, affected FROM advisories WHERE feed = ? AND (" + condition + ") ORDER BY rowid")) {
            s.setString(1, feed);
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 2, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    AffectedCodec.Decoded d = AffectedCodec.decode(r.getString(7));
                    rows.add(new AffectedPackage(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            d.ranges(), d.versions(), VulnerabilityStatus.parse(r.getString(5)),
                            r.getString(6) == null ? null : Severity.valueOf(r.getString(6))));
                }
            }
        }
        return rows;
    }

    /** Rows of a feed counted by a column expression (e.g. {@code coalesce(status, 'fixed')}). */
    public Map<String, Long> countBy(String feed, String expression) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT " + expression + " AS k, count(*) FROM advisories"
                + " WHERE feed = ? GROUP BY k ORDER BY k")) {
            s.setString(1, feed);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.put(r.getString(1), r.getLong(2));
                }
            }
        }
        return counts;
    }

    /** A count from any query with parameters. */
    public long count(String sql, Object... args) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
