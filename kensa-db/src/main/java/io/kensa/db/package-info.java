/**
 * The local Kensa database, one SQLite file. {@code feed/}: one {@link io.kensa.db.feed.Feed} per publisher format,
 * registered in {@link io.kensa.db.feed.FeedRegistry#defaults()}; {@code store/}: the schema (with its version in
 * the file's header), the writer used by builds and the read-only views used by scans
 * ({@link io.kensa.db.store.SqliteJavaIndex}); {@code build/}: assembling a database from a feeds folder, written
 * to a temporary file and renamed into place when complete, and {@code build/maven/} crawling a Maven repository
 * for the Java index. Distribution (see {@code kensa-db/ARTIFACT.md}): {@code artifact/} the OCI artifact's names,
 * manifest and config; {@code signing/} Ed25519 and ECDSA P-256 keys in PEM and the signature document;
 * {@code publish/} compressing, signing and pushing a database ({@code kensa db push}); {@code update/} fetching one
 * from registries, URLs or files, verifying it and swapping it in atomically ({@code kensa db update}).
 */
package io.kensa.db;
