/**
 * The local Kensa database, one SQLite file. {@code feed/}: one {@link io.kensa.db.feed.Feed} per publisher format,
 * registered in {@link io.kensa.db.feed.FeedRegistry#defaults()}; {@code store/}: the schema (with its version in
 * the file's header), the writer used by builds and the read-only views used by scans
 * ({@link io.kensa.db.store.SqliteJavaIndex}); {@code build/}: assembling a database from a feeds folder, written
 * to a temporary file and renamed into place when complete, and {@code build/maven/} crawling a Maven repository
 * for the Java index.
 */
package io.kensa.db;
