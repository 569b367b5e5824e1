package io.kensa.db.build.maven;

import io.kensa.core.MavenCoordinates;
import io.kensa.db.store.JavaIndexEntry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Real jars of this module's test class path, found through a class of each, in the local Maven repository they
 * were resolved from: each artifact's folder there also lists the other versions Maven has seen (several with only
 * a pom: pom-only versions, as a remote repository has them).
 */
final class RealJars {
    /** An artifact of the class path: its folder in the local repository and its versions there. */
    record Artifact(MavenArtifact artifact, Path folder, List<String> versions) {
    }

    private RealJars() {
    }

    /** groupId, artifactId and a class each: the dependencies whose jars the tests index. */
    static List<Artifact> onClassPath() {
        return List.of(
                find("org.xerial", "sqlite-jdbc", org.sqlite.JDBC.class),
                find("com.fasterxml.jackson.core", "jackson-databind", com.fasterxml.jackson.databind.ObjectMapper.class),
                find("com.fasterxml.jackson.core", "jackson-core", com.fasterxml.jackson.core.JsonFactory.class),
                find("com.fasterxml.jackson.core", "jackson-annotations", com.fasterxml.jackson.annotation.JsonProperty.class),
                find("org.assertj", "assertj-core", org.assertj.core.api.Assertions.class),
                find("org.junit.jupiter", "junit-jupiter-api", org.junit.jupiter.api.Test.class));
    }

    private static Artifact find(String groupId, String artifactId, Class<?> type) {
        try {
            Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path folder = jar.getParent().getParent();
            String expected = groupId.replace('.', '/') + "/" + artifactId;
            if (!jar.getFileName().toString().endsWith(".jar") || !folder.toString().replace('\\', '/').endsWith(expected)) {
                throw new AssertionError(type + " is not loaded from a local Maven repository jar: " + jar);
            }
            List<String> versions = new ArrayList<>();
            try (Stream<Path> dirs = Files.list(folder)) {
                for (Path v : dirs.filter(Files::isDirectory).sorted().toList()) {
                    String version = v.getFileName().toString();
                    if (Files.exists(v.resolve(artifactId + "-" + version + ".pom"))
                            || Files.exists(v.resolve(artifactId + "-" + version + ".jar"))) {
                        versions.add(version);
                    }
                }
            }
            return new Artifact(new MavenArtifact(groupId, artifactId), folder, versions);
        } catch (IOException | URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** The jar of a version in the local repository, or null when Maven holds only its pom. */
    static Path jar(Artifact a, String version) {
        Path jar = a.folder().resolve(version).resolve(a.artifact().artifactId() + "-" + version + ".jar");
        return Files.isRegularFile(jar) ? jar : null;
    }

    static String sha1(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static JavaIndexEntry entry(Artifact a, String version, Path jar) {
        return new JavaIndexEntry(sha1(jar), new MavenCoordinates(a.artifact().groupId(), a.artifact().artifactId(), version));
    }
}
