package io.kensa.db.store;

import java.util.List;

/**
 * The database's layout. A Kensa database is an SQLite file whose header carries {@link #APPLICATION_ID} (SQLite's
 * {@code application_id}) and {@link #VERSION} ({@code user_version}), so a reader can tell a foreign file or an
 * older layout from the first 100 bytes, before SQLite parses anything. Bump {@link #VERSION} on any change a
 * reader of the previous version could not read.
 */
public final class Schema {
    /** "KENS" in ASCII. */
    public static final int APPLICATION_ID = 0x4B454E53;
    public static final int VERSION = 1;

    private Schema() {
    }

    /** Tables, created empty before the feeds are loaded. */
    static final List<String> TABLES = List.of(
            // key/value facts about the build: schema_version, build_time (ISO-8601 instant), kensa_version
            "CREATE TABLE metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
            // one row per feed loaded: where it came from, the age of its data, what it gave
            "CREATE TABLE feeds (id TEXT PRIMARY KEY, source TEXT NOT NULL, snapshot TEXT, records INTEGER NOT NULL,"
                    + " warnings INTEGER NOT NULL) WITHOUT ROWID",
            // the Java index: a published jar's sha1 (20 bytes) and its Maven coordinates. The same bytes are
            // sometimes published under two coordinates, so the key is the whole row, sha1 first.
            "CREATE TABLE java_index (sha1 BLOB NOT NULL, group_id TEXT NOT NULL, artifact_id TEXT NOT NULL,"
                    + " version TEXT NOT NULL, PRIMARY KEY (sha1, group_id, artifact_id, version)) WITHOUT ROWID");

    /** Secondary indexes, created after the bulk load (cheaper than maintaining them row by row). */
    static final List<String> INDEXES = List.of(
            // groupIds(artifactId, version) and the per-group version counts it ranks by: index-only lookups
            "CREATE INDEX java_index_artifact ON java_index (artifact_id, version, group_id)");
}
