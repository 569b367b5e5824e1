package io.kensa.analyze.lang.java;

import java.util.List;

/**
 * Maven coordinates recorded inside an archive ({@code META-INF/maven/<groupId>/<artifactId>/}).
 *
 * @param groupId    group id
 * @param artifactId artifact id
 * @param version    version
 * @param foundBy    {@code pom.properties} or {@code pom.xml}
 * @param licenses   license names from the {@code pom.xml} beside it
 */
record MavenMetadata(String groupId, String artifactId, String version, String foundBy, List<String> licenses) {

    static final String POM_PROPERTIES = "pom.properties";
    static final String POM_XML = "pom.xml";

    MavenMetadata {
        licenses = List.copyOf(licenses);
    }

    String packageName() {
        return groupId + ":" + artifactId;
    }

    MavenMetadata withLicenses(List<String> newLicenses) {
        return new MavenMetadata(groupId, artifactId, version, foundBy, newLicenses);
    }

    /** A usable coordinate value: present, one token, no unresolved {@code ${...}} property. */
    static boolean usable(String value) {
        if (value == null || value.isEmpty() || value.length() > 200 || value.contains("${")) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i)) || Character.isISOControl(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
