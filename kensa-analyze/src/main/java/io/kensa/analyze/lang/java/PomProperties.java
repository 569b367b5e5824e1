package io.kensa.analyze.lang.java;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Properties;

/** A {@code pom.properties} as Maven writes it into the archives it builds: groupId, artifactId, version. */
final class PomProperties {
    private PomProperties() {
    }

    /** The coordinates, or null when one of them is missing or unusable. */
    static MavenMetadata parse(byte[] data) {
        Properties p = new Properties();
        try {
            p.load(new ByteArrayInputStream(data));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        String g = trim(p.getProperty("groupId"));
        String a = trim(p.getProperty("artifactId"));
        String v = trim(p.getProperty("version"));
        if (!MavenMetadata.usable(g) || !MavenMetadata.usable(a) || !MavenMetadata.usable(v)) {
            return null;
        }
        return new MavenMetadata(g, a, v, MavenMetadata.POM_PROPERTIES, List.of());
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
