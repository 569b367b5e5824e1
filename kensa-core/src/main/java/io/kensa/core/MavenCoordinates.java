package io.kensa.core;

/** A Maven artifact's coordinates. */
public record MavenCoordinates(String groupId, String artifactId, String version) {

    /** Parses {@code groupId:artifactId:version}; null when the text has another shape. */
    public static MavenCoordinates parse(String gav) {
        String[] parts = gav.split(":", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            return null;
        }
        return new MavenCoordinates(parts[0], parts[1], parts[2]);
    }

    /** The package name Kensa reports: {@code groupId:artifactId}. */
    public String packageName() {
        return groupId + ":" + artifactId;
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + version;
    }
}
