package io.kensa.analyze.lang.java;

/**
 * What an archive's file name says: {@code spring-core-5.3.4.jar} is artifact {@code spring-core} version
 * {@code 5.3.4}; the version starts at the last {@code -} followed by a digit ({@code log4j-1.2-api-2.17.1.jar}).
 *
 * @param stem       the name without its extension
 * @param artifactId the part before the version, null when the name carries no version
 * @param version    the version, null when the name carries none
 */
record ArchiveFileName(String stem, String artifactId, String version) {

    static ArchiveFileName of(String fileName) {
        String stem = fileName.length() > 4 && fileName.charAt(fileName.length() - 4) == '.'
                ? fileName.substring(0, fileName.length() - 4) : fileName;
        for (int i = stem.length() - 2; i > 0; i--) {
            if (stem.charAt(i) == '-' && Character.isDigit(stem.charAt(i + 1))) {
                String artifact = stem.substring(0, i);
                String version = stem.substring(i + 1);
                if (isArtifactToken(artifact) && MavenMetadata.usable(version)) {
                    return new ArchiveFileName(stem, artifact, version);
                }
                break;
            }
        }
        return new ArchiveFileName(stem, null, null);
    }

    /** Whether the name is {@code artifactId-version}, possibly with a classifier, or just {@code artifactId}. */
    boolean names(String artifactIdOther, String versionOther) {
        String prefix = artifactIdOther + "-" + versionOther;
        return stem.equalsIgnoreCase(artifactIdOther) || stem.equalsIgnoreCase(prefix)
                || stem.length() > prefix.length() + 1 && stem.regionMatches(true, 0, prefix, 0, prefix.length())
                && stem.charAt(prefix.length()) == '-';
    }

    /** Letters, digits, {@code . _ -}, starting with a letter or digit. */
    static boolean isArtifactToken(String s) {
        if (s.isEmpty() || s.length() > 100 || !Character.isLetterOrDigit(s.charAt(0))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-'))) {
                return false;
            }
        }
        return !s.endsWith("-") && !s.endsWith(".");
    }
}
