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
 * @param license  the bytes of its {@code META-INF/LICENSE} (or {@code .txt}, {@code .md}), null when it has none
 */
record ArchiveContents(String path, String fileName, String sha1, JarManifest manifest, List<MavenMetadata> metadata,
                       byte[] license) {

    ArchiveContents {
        metadata = List.copyOf(metadata);
    }

    ArchiveContents(String path, String fileName, String sha1, JarManifest manifest, List<MavenMetadata> metadata) {
        this(path, fileName, sha1, manifest, metadata, null);
    }
}
