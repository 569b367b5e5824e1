package io.kensa.core;

import java.util.List;
import java.util.Optional;

/**
 * The Java index of the vulnerability database: which Maven artifact a jar is, by the sha1 of its bytes.
 * Identification consults it first, so a jar without any Maven metadata is still named exactly.
 */
public interface JavaIndex {

    /** An index that knows no jar. */
    JavaIndex NONE = new JavaIndex() {
        @Override
        public Optional<MavenCoordinates> bySha1(String sha1) {
            return Optional.empty();
        }

        @Override
        public List<String> groupIds(String artifactId, String version) {
            return List.of();
        }
    };

    /** The artifact whose published jar has this sha1 (lower-case hex). */
    Optional<MavenCoordinates> bySha1(String sha1);

    /** Group ids of the indexed artifacts with this artifactId and version, most likely first. */
    List<String> groupIds(String artifactId, String version);
}
