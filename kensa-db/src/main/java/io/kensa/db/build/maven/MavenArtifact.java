package io.kensa.db.build.maven;

/**
 * A Maven artifact to crawl, {@code groupId:artifactId}. Both parts are restricted to the characters Maven
 * coordinates use ({@code A-Z a-z 0-9 . _ -}), so they are safe to place in a URL path as they are.
 */
public record MavenArtifact(String groupId, String artifactId) {

    public MavenArtifact {
        if (!isName(groupId) || !isName(artifactId)) {
            throw new IllegalArgumentException("not groupId:artifactId: " + groupId + ":" + artifactId);
        }
    }

    /** Parses {@code groupId:artifactId}; null when the text has another shape. */
    public static MavenArtifact parse(String text) {
        String[] parts = text.split(":", -1);
        return parts.length == 2 && isName(parts[0]) && isName(parts[1]) ? new MavenArtifact(parts[0], parts[1]) : null;
    }

    /** The artifact's folder in a repository, e.g. {@code org/springframework/spring-web/}. */
    String path() {
        return groupId.replace('.', '/') + "/" + artifactId + "/";
    }

    /** The path of a version's {@code .jar.sha1}, e.g. {@code org/springframework/spring-web/5.3.17/spring-web-5.3.17.jar.sha1}. */
    String sha1Path(String version) {
        return path() + version + "/" + artifactId + "-" + version + ".jar.sha1";
    }

    /**
     * Whether {@code s} is a usable version in a path: letters, digits and {@code . _ - +}, starting with a letter
     * or digit (so never {@code ..}).
     */
    static boolean isVersion(String s) {
        return s != null && !s.isEmpty() && s.length() <= 128 && Character.isLetterOrDigit(s.charAt(0))
                && s.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == '+'));
    }

    private static boolean isName(String s) {
        return s != null && !s.isEmpty() && s.length() <= 256 && Character.isLetterOrDigit(s.charAt(0))
                && !s.contains("..")
                && s.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-'));
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId;
    }
}
