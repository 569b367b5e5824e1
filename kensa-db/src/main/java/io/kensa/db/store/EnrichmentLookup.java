package io.kensa.db.store;

import io.kensa.core.vuln.EpssScore;
import io.kensa.core.vuln.KevEntry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an open {@link KensaDatabase} knows to prioritise findings, by CVE: CISA KEV entries, EPSS scores, and CWE
 * names. Each call answers a whole batch of ids (the findings of a scan) in a few queries, and only the ids it has
 * are keys of the answer. Calls are serialised (one JDBC connection).
 */
public final class EnrichmentLookup {
    /** Below SQLite's limit of host parameters per statement. */
    private static final int CHUNK = 500;

    private final KensaDatabase db;

    EnrichmentLookup(KensaDatabase db) {
        this.db = db;
    }

    /** The KEV entries of those of {@code cves} that CISA lists. */
    public synchronized Map<String, KevEntry> kev(Collection<String> cves) {
        Map<String, KevEntry> out = new HashMap<>();
        query("SELECT cve, date_added, due_date, ransomware FROM kev WHERE cve IN ", cves, r -> {
            LocalDate added = date(r.getString(2));
            if (added != null) {
                out.put(r.getString(1), new KevEntry(r.getString(1), added, date(r.getString(3)), r.getString(4)));
            }
        });
        return out;
    }

    /** The EPSS scores of those of {@code cves} that are scored. */
    public synchronized Map<String, EpssScore> epss(Collection<String> cves) {
        Map<String, EpssScore> out = new HashMap<>();
        query("SELECT cve, score, percentile FROM epss WHERE cve IN ", cves, r -> {
            double percentile = r.getDouble(3);
            Double rank = r.wasNull() ? null : percentile;
            out.put(r.getString(1), new EpssScore(r.getString(1), r.getDouble(2), rank));
        });
        return out;
    }

    /** The names of those of {@code ids} ({@code CWE-79} …) the CWE list has. */
    public synchronized Map<String, String> cweNames(Collection<String> ids) {
        Map<String, String> out = new HashMap<>();
        query("SELECT id, name FROM cwe WHERE id IN ", ids, r -> out.put(r.getString(1), r.getString(2)));
        return out;
    }

    @FunctionalInterface
    private interface Row {
        void accept(ResultSet r) throws SQLException;
    }

    /** Runs {@code select} + {@code (?, ?, …)} for the distinct non-blank {@code keys}, a chunk at a time. */
    private void query(String select, Collection<String> keys, Row row) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String k : keys) {
            if (k != null && !k.isBlank()) {
                distinct.add(k);
            }
        }
        List<String> all = new ArrayList<>(distinct);
        try {
            for (int from = 0; from < all.size(); from += CHUNK) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
                String sql = select + "(" + "?,".repeat(chunk.size() - 1) + "?)";
                try (PreparedStatement s = db.connection().prepareStatement(sql)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            row.accept(r);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw KensaDatabase.unreadable(db.file(), e);
        }
    }

    private static LocalDate date(String s) {
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
