package io.kensa.analyze.lang.java;

import java.util.List;

/**
 * What one archive holds that names it and what it bundles.
 *
 * @param path     where it is: the file in the layer, with the entry chain for a nested archive
 *                 ({@code app/x.war!/WEB-INF/lib/y.jar})
 * @param fileName its own file name (the last segment of the path)
 * @param sha1     hex sha1 of the archive's bytes
 * @param manifest its {@code META-INF/MANIFEST.MF}, null when it has none
 * @param metadata the Maven coordinates recorded under {@code META-INF/maven/}, in entry order
 */
record ArchiveContents(String path, String fileName, String sha1, JarManifest manifest, List<MavenMetadata> metadata) {

    ArchiveContents {
        metadata = List.copyOf(metadata);
    }
}
