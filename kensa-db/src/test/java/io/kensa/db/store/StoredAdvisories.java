package io.kensa.db.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** Test access to the rows a build wrote: advisories, vulnerabilities and aliases, read back with plain SQL. */
public final class StoredAdvisories implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
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
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
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

    /** The vulnerabilities row of (id, feed) as column name → value (JSON columns parsed), null when absent. */
    public Map<String, Object> vulnerability(String id, String feed) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT lang, title, description, severity, cvss, cwes, published, modified, urls FROM vulnerabilities"
                        + " WHERE id = ? AND feed = ?")) {
            s.setString(1, id);
            s.setString(2, feed);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= 9; i++) {
                    String name = r.getMetaData().getColumnName(i);
                    String value = r.getString(i);
                    row.put(name, value != null && (name.equals("cvss") || name.equals("cwes") || name.equals("urls"))
                            ? JSON.readTree(value) : value);
                }
                return row;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The aliases of an id, sorted. */
    public List<String> aliases(String id) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT alias FROM aliases WHERE id = ? ORDER BY alias")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }

    /** A JSON column value as a tree (for assertions on cvss and urls). */
    public static JsonNode json(Object value) {
        return (JsonNode) value;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
