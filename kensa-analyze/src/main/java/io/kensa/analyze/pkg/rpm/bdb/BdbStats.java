package io.kensa.analyze.pkg.rpm.bdb;

/**
 * What a walk of a BerkeleyDB hash database met, for diagnostics and tests.
 *
 * @param hashPages       hash pages read
 * @param pairs           key/data pairs yielded (each duplicate counts)
 * @param overflowValues  values read from overflow page chains
 * @param onPageDuplicates  values read from on-page duplicate sets ({@code H_DUPLICATE})
 * @param offPageDuplicates values read from off-page duplicate trees ({@code H_OFFDUP})
 */
public record BdbStats(long hashPages, long pairs, long overflowValues, long onPageDuplicates,
                       long offPageDuplicates) {
}
