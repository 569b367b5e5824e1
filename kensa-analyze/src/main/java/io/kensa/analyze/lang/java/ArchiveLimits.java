package io.kensa.analyze.lang.java;

/**
 * Bounds on reading one Java archive found in a layer, with every archive nested in it. Images are hostile:
 * a zip bomb, a deep nesting or a huge central directory costs at most these amounts, then a warning.
 *
 * @param maxArchiveBytes          largest archive file read from the layer (copied to a temporary file)
 * @param maxNestedArchiveBytes    largest nested archive, inflated (copied to a temporary file)
 * @param maxInflatedBytes         all bytes inflated from one archive and its nested archives together
 * @param maxMetadataBytes         largest {@code MANIFEST.MF}, {@code pom.properties} or {@code pom.xml}
 * @param maxCentralDirectoryBytes largest central directory of any archive (the zip reader holds it in memory)
 * @param maxEntries               most entries in one archive
 * @param maxNestedArchives        most nested archives examined under one archive
 * @param maxDepth                 deepest nesting examined (the archive in the layer is depth 0)
 * @param maxPackages              most packages from one archive and its nested archives (each set of Maven
 *                                 coordinates is parsed as soon as it is read, so this also bounds what is held)
 */
record ArchiveLimits(long maxArchiveBytes, long maxNestedArchiveBytes, long maxInflatedBytes, int maxMetadataBytes,
                     long maxCentralDirectoryBytes, int maxEntries, int maxNestedArchives, int maxDepth,
                     int maxPackages) {

    static final ArchiveLimits DEFAULT = new ArchiveLimits(4L << 30, 512L << 20, 2L << 30, 1 << 20, 64L << 20,
            500_000, 20_000, 8, 50_000);
}
