package io.kensa.analyze.misconfig;

import io.kensa.analyze.misconfig.dockerfile.DockerfileChecks;
import io.kensa.analyze.misconfig.dockerfile.DockerfileParser;
import io.kensa.analyze.misconfig.kubernetes.KubernetesChecks;
import io.kensa.analyze.misconfig.kubernetes.YamlDocuments;
import io.kensa.analyze.misconfig.kubernetes.YamlNode;
import io.kensa.core.KensaException;
import io.kensa.core.misconfig.MisconfigFinding;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code kensa config PATH}: the Dockerfile checks ({@link DockerfileChecks}) and the Kubernetes checks
 * ({@link KubernetesChecks}) on one file or on every such file under a directory.
 * <ul>
 *   <li>A file: a {@code .yaml}/{@code .yml} file is read as Kubernetes manifests, any other file as a Dockerfile.
 *       A file that does not parse is a {@link KensaException} (the command's exit 2).</li>
 *   <li>A directory: every Dockerfile ({@code Dockerfile}, {@code Containerfile}, {@code *.Dockerfile},
 *       {@code Dockerfile.*} but not {@code Dockerfile.dockerignore}, any case) and every {@code .yaml}/{@code .yml} file that holds a Kubernetes object,
 *       at any depth. Symbolic links are never followed (so nothing outside the directory is read), {@code .git}
 *       and {@code node_modules} are skipped, and a file that does not parse is a warning, not the end of the
 *       scan. Finding paths are relative to the directory.</li>
 * </ul>
 * Files larger than {@link DockerfileParser#MAX_BYTES} are not read.
 */
public final class ConfigScanner {
    /** Deepest directory level walked. */
    static final int MAX_DEPTH = 64;
    /** Most candidate files read in one scan. */
    static final int MAX_FILES = 100_000;
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules");

    /**
     * What a scan found.
     *
     * @param findings    every failed check, file by file in path order, each file's in line order
     * @param warnings    files that could not be read or parsed (directory scans), one line each
     * @param dockerfiles how many Dockerfiles were checked
     * @param manifests   how many YAML files with Kubernetes objects were checked
     */
    public record Result(List<MisconfigFinding> findings, List<String> warnings, int dockerfiles, int manifests) {
        public Result {
            findings = List.copyOf(findings);
            warnings = List.copyOf(warnings);
        }
    }

    private final List<MisconfigFinding> findings = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private int dockerfiles;
    private int manifests;

    private ConfigScanner() {
    }

    /** Scans {@code path} (a file or a directory); {@code name} is how the user wrote it. */
    public static Result scan(Path path, String name) throws IOException {
        ConfigScanner s = new ConfigScanner();
        if (!Files.exists(path)) {
            throw new KensaException("no such file or directory: " + name);
        }
        if (Files.isDirectory(path)) {
            s.directory(path);
        } else if (Files.isRegularFile(path)) {
            s.file(path, name, isYaml(path) ? Kind.MANIFEST : Kind.DOCKERFILE, true);
        } else {
            throw new KensaException(name + ": not a regular file or directory");
        }
        return new Result(s.findings, s.warnings, s.dockerfiles, s.manifests);
    }

    private enum Kind { DOCKERFILE, MANIFEST }

    private void directory(Path root) throws IOException {
        List<Path> candidates = new ArrayList<>();
        Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return !dir.equals(root) && SKIPPED_DIRS.contains(dir.getFileName().toString())
                                ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && (isDockerfile(file) || isYaml(file))) {
                            candidates.add(file);
                        }
                        return candidates.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        warnings.add(relative(root, file) + ": not read (" + e.getClass().getSimpleName() + ")");
                        return FileVisitResult.CONTINUE;
                    }
                });
        if (candidates.size() >= MAX_FILES) {
            warnings.add("stopped after " + MAX_FILES + " candidate files");
        }
        candidates.sort(null);
        for (Path f : candidates) {
            String rel = relative(root, f);
            try {
                file(f, rel, isYaml(f) ? Kind.MANIFEST : Kind.DOCKERFILE, false);
            } catch (KensaException | IOException e) {
                warnings.add(e instanceof KensaException ? e.getMessage() : rel + ": not read ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
    }

    private void file(Path f, String name, Kind kind, boolean explicit) throws IOException {
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && !explicit) {
            return;
        }
        if (kind == Kind.DOCKERFILE) {
            findings.addAll(DockerfileChecks.run(DockerfileParser.parse(f, name), name));
            dockerfiles++;
            return;
        }
        String text = read(f, name);
        List<YamlNode> docs = YamlDocuments.read(text, name);
        if (docs.stream().anyMatch(KubernetesChecks::isObject)) {
            manifests++;
            findings.addAll(KubernetesChecks.run(docs, name));
        } else if (explicit) {
            warnings.add(name + ": no Kubernetes object (apiVersion and kind) in it");
        }
    }

    private static String read(Path f, String name) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(f)) {
            bytes = in.readNBytes((int) DockerfileParser.MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new KensaException("no such file: " + name);
        }
        if (bytes.length > DockerfileParser.MAX_BYTES) {
            throw new KensaException(name + ": larger than " + DockerfileParser.MAX_BYTES + " bytes, not read");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static boolean isDockerfile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".dockerignore")) {
            return false; // Dockerfile.dockerignore: the ignore file of that Dockerfile
        }
        return n.equals("dockerfile") || n.equals("containerfile") || n.endsWith(".dockerfile")
                || n.startsWith("dockerfile.") || n.endsWith(".containerfile") || n.startsWith("containerfile.");
    }

    static boolean isYaml(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
