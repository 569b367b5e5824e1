/**
 * The local vulnerability database: {@code feed/} one reader per publisher format, {@code store/} the SQLite
 * schema and queries, {@code build/} assembling a database from a feeds folder.
 */
package io.kensa.db;
