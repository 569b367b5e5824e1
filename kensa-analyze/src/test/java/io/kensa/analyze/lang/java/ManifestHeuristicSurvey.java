package io.kensa.analyze.lang.java;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Measures the manifest heuristic on every jar of a Maven repository (default {@code ~/.m2/repository}): the
 * true coordinates come from the repository layout, the guess from the manifest alone (the file name hidden) and
 * from manifest plus file name. Not a test: run it by hand, {@code java ... ManifestHeuristicSurvey [repo] [-v]}.
 */
public final class ManifestHeuristicSurvey {
    private ManifestHeuristicSurvey() {
    }

    public static void main(String[] args) throws IOException {
        Path repo = args.length > 0 && !args[0].startsWith("-") ? Path.of(args[0])
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        boolean verbose = List.of(args).contains("-v");
        int jars = 0;
        int withManifestGuess = 0;
        int[] hidden = new int[4];
        int[] named = new int[4];
        java.util.Map<String, Path> latest = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(repo)) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                latest.put(repo.relativize(jar.getParent().getParent()).toString(), jar);
            }
        }
        {
            for (Path jar : latest.values()) {
                Path versionDir = jar.getParent();
                Path artifactDir = versionDir.getParent();
                String v = versionDir.getFileName().toString();
                String a = artifactDir.getFileName().toString();
                if (!jar.getFileName().toString().equals(a + "-" + v + ".jar")) {
                    continue; // classifiers, sources, javadoc
                }
                String g = repo.relativize(artifactDir.getParent()).toString().replace('/', '.');
                JarManifest m;
                try (ZipFile z = new ZipFile(jar.toFile())) {
                    ZipEntry e = z.getEntry("META-INF/MANIFEST.MF");
                    if (e == null) {
                        continue;
                    }
                    try (InputStream in = z.getInputStream(e)) {
                        m = JarManifest.parse(in.readNBytes(1 << 20));
                    }
                } catch (IOException e) {
                    continue;
                }
                jars++;
                ManifestCoordinates.Guess alone = ManifestCoordinates.guess(m, ArchiveFileName.of("x.jar"));
                ManifestCoordinates.Guess withName = ManifestCoordinates.guess(m, ArchiveFileName.of(jar.getFileName().toString()));
                if (alone != null && !alone.artifactId().equals("x")) {
                    withManifestGuess++;
                }
                score(alone, g, a, v, hidden);
                score(withName, g, a, v, named);
                if (verbose && alone != null && !alone.artifactId().equals("x")) {
                    String flags = (a.equals(alone.artifactId()) ? "A" : "-") + (v.equals(alone.version()) ? "V" : "-")
                            + (g.equals(alone.groupId()) ? "G" : "-");
                    System.out.println(flags + "\t" + g + ":" + a + ":" + v + "\t<- " + alone.groupId() + ":"
                            + alone.artifactId() + ":" + alone.version());
                }
            }
        }
        System.out.printf("jars with a manifest: %d; a name guessed from the manifest alone: %d%n", jars, withManifestGuess);
        print("manifest alone (file renamed x.jar)", hidden, jars);
        print("manifest + file name", named, jars);
    }

    private static void score(ManifestCoordinates.Guess guess, String g, String a, String v, int[] counts) {
        if (guess == null) {
            return;
        }
        boolean artifact = a.equals(guess.artifactId());
        boolean version = v.equals(guess.version());
        boolean group = g.equals(guess.groupId());
        counts[0] += artifact ? 1 : 0;
        counts[1] += version ? 1 : 0;
        counts[2] += artifact && version ? 1 : 0;
        counts[3] += artifact && version && group ? 1 : 0;
    }

    private static void print(String label, int[] c, int n) {
        System.out.printf("%s: artifactId %d (%.0f%%), version %d (%.0f%%), artifactId+version %d (%.0f%%), full GAV %d (%.0f%%)%n",
                label, c[0], 100.0 * c[0] / n, c[1], 100.0 * c[1] / n, c[2], 100.0 * c[2] / n, c[3], 100.0 * c[3] / n);
    }
}
