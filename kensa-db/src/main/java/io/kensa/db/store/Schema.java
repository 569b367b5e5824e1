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
    public static final int VERSION = 3;

    private Schema() {
    }

    /** Tables, created empty before the feeds are loaded. */
    static final List<String> TABLES = List.of(
            // key/value facts about the build: schema_version, build_time (ISO-8601 instant), kensa_version
            "CREATE TABLE metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
            // one row per feed loaded: where it came from, the age of its data, what it gave
            "CREATE TABLE feeds (id TEXT PRIMARY KEY, source TEXT NOT NULL, snapshot TEXT, records INTEGER NOT NULL,"
                    + " warnings INTEGER NOT NULL) WITHOUT ROWID",
            // the Java index: a published jar's sha1 (20 bytes), its artifact and version. Artifacts are stored
            // once (a row of the index is ~30 bytes, not ~70 with the coordinates spelled out). The same bytes are
            // sometimes published under two coordinates, so the key is the whole row, sha1 first.
            "CREATE TABLE maven_artifacts (id INTEGER PRIMARY KEY, group_id TEXT NOT NULL, artifact_id TEXT NOT NULL,"
                    + " version_count INTEGER NOT NULL DEFAULT 0, UNIQUE (artifact_id, group_id))",
            "CREATE TABLE java_index (sha1 BLOB NOT NULL, artifact INTEGER NOT NULL REFERENCES maven_artifacts (id),"
                    + " version TEXT NOT NULL, PRIMARY KEY (sha1, artifact, version)) WITHOUT ROWID",
            // for people with the sqlite3 shell: the index with its sha1s in hex and the coordinates spelled out
            "CREATE VIEW java_index_gav AS SELECT lower(hex(j.sha1)) AS sha1, a.group_id, a.artifact_id, j.version"
                    + " FROM java_index j JOIN maven_artifacts a ON a.id = j.artifact",
            // one advisory's statement about one package of one namespace (AffectedPackage); affected is the
            // ranges and versions as compact text (AffectedCodec); looked up by (namespace, package)
            "CREATE TABLE advisories (namespace TEXT NOT NULL, package TEXT NOT NULL, vuln_id TEXT NOT NULL,"
                    + " feed TEXT NOT NULL, status TEXT, severity TEXT, affected TEXT NOT NULL)",
            // what each feed says about a vulnerability (VulnerabilityRecord); cvss, cwes and urls are lists in ColumnCodec's text form. A
            // rowid table (its key in a separate index): its rows are kilobytes of text, which a WITHOUT ROWID table
            // would spill into half-empty overflow pages (the corpus' 65,000 records took 154 MB that way, 76 MB so)
            "CREATE TABLE vulnerabilities (id TEXT NOT NULL, feed TEXT NOT NULL, lang TEXT NOT NULL, title TEXT,"
                    + " description TEXT, severity TEXT, cvss TEXT, cwes TEXT, published TEXT, modified TEXT, urls TEXT,"
                    + " PRIMARY KEY (id, feed, lang))",
            // ids naming the same vulnerability (CVE <-> GHSA <-> distribution ids <-> JVNDB), both directions
            "CREATE TABLE aliases (id TEXT NOT NULL, alias TEXT NOT NULL, PRIMARY KEY (id, alias)) WITHOUT ROWID",
            // CISA's Known Exploited Vulnerabilities
            "CREATE TABLE kev (cve TEXT PRIMARY KEY, date_added TEXT NOT NULL, due_date TEXT, ransomware TEXT)"
                    + " WITHOUT ROWID",
            // EPSS scores (percentile null for data without one)
            "CREATE TABLE epss (cve TEXT PRIMARY KEY, score REAL NOT NULL, percentile REAL) WITHOUT ROWID",
            // CWE names, by id (CWE-79)
            "CREATE TABLE cwe (id TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID");

    /** Secondary indexes, created after the bulk load (cheaper than maintaining them row by row). */
    static final List<String> INDEXES = List.of(
            // groupIds(artifactId, version): the artifacts of that artifactId (by the UNIQUE index), then whether each
            // has the version
            "CREATE INDEX java_index_artifact ON java_index (artifact, version)",
            "CREATE INDEX advisories_package ON advisories (namespace, package)");

    /** Derived columns, filled after the bulk load and the indexes. */
    static final List<String> DERIVED = List.of(
            // how many versions of the artifact the index holds: groupIds() ranks the groups of an artifactId by it
            "UPDATE maven_artifacts SET version_count ="
                    + " (SELECT count(DISTINCT version) FROM java_index WHERE artifact = maven_artifacts.id)");
}
