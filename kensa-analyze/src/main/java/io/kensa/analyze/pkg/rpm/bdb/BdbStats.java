package io.kensa.analyze.pkg.rpm.bdb;

/**
 * What a walk of a BerkeleyDB hash database met, for diagnostics and tests.
 *
 * @param hashPages       hash pages read
 * @param pairs           key/data pairs yielded (each duplicate counts)
 * @param overflowValues  values read from overflow page chains
 * @param duplicateValues values read from on-page or off-page duplicate sets
 */
public record BdbStats(long hashPages, long pairs, long overflowValues, long duplicateValues) {
}
