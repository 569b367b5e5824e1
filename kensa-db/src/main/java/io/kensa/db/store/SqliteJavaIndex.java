package io.kensa.db.store;

import io.kensa.core.JavaIndex;
import io.kensa.core.MavenCoordinates;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Java index of an open {@link KensaDatabase}, through two prepared statements. Calls are serialised (a JDBC
 * connection is not meant for concurrent use); each is one index lookup.
 *
 * <p>When the same bytes were published under several coordinates (Maven Central has a few), {@link #bySha1}
 * answers the first in (groupId, artifactId, version) order, so the answer does not depend on the feeds' order.
 * {@link #groupIds} ranks the groups publishing an artifactId at a version by how many versions of that artifactId
 * each group has in the index: the artifact's main line first, relocations and forks after.
 */
public final class SqliteJavaIndex implements JavaIndex {
    private final KensaDatabase db;
    private final PreparedStatement bySha1;
    private final PreparedStatement groupIds;

    SqliteJavaIndex(KensaDatabase db) throws SQLException {
        this.db = db;
        this.bySha1 = db.connection().prepareStatement(
                "SELECT a.group_id, a.artifact_id, j.version FROM java_index j JOIN maven_artifacts a ON a.id = j.artifact"
                        + " WHERE j.sha1 = ? ORDER BY a.group_id, a.artifact_id, j.version LIMIT 1");
        this.groupIds = db.connection().prepareStatement(
                "SELECT a.group_id FROM maven_artifacts a WHERE a.artifact_id = ?"
                        + " AND EXISTS (SELECT 1 FROM java_index j WHERE j.artifact = a.id AND j.version = ?)"
                        + " ORDER BY a.version_count DESC, a.group_id");
    }

    @Override
    public synchronized Optional<MavenCoordinates> bySha1(String sha1) {
        if (!JavaIndexEntry.isSha1(sha1)) {
            return Optional.empty();
        }
        try {
            bySha1.setBytes(1, java.util.HexFormat.of().parseHex(sha1));
            try (ResultSet r = bySha1.executeQuery()) {
                return r.next() ? Optional.of(new MavenCoordinates(r.getString(1), r.getString(2), r.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw KensaDatabase.unreadable(db.file(), e);
        }
    }

    @Override
    public synchronized List<String> groupIds(String artifactId, String version) {
        if (artifactId == null || version == null) {
            return List.of();
        }
        try {
            groupIds.setString(1, artifactId);
            groupIds.setString(2, version);
            List<String> out = new ArrayList<>();
            try (ResultSet r = groupIds.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw KensaDatabase.unreadable(db.file(), e);
        }
    }
}
