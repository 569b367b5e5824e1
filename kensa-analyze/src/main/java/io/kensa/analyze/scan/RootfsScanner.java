package io.kensa.analyze.scan;

import io.kensa.analyze.AnalyzerRegistry;
import io.kensa.analyze.FileResult;
import io.kensa.analyze.engine.FileDispatcher;
import io.kensa.analyze.engine.LayerResult;
import io.kensa.analyze.engine.LinkRecord;
import io.kensa.analyze.engine.ScratchSpace;
import io.kensa.analyze.inventory.Inventory;
import io.kensa.analyze.inventory.InventoryBuilder;
import io.kensa.core.Artifact;
import io.kensa.core.JavaIndex;
import io.kensa.core.KensaException;
import io.kensa.core.ScanReport;
import io.kensa.image.layer.PathNames;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scans a root filesystem directory (an unpacked image, a container's root, a host) with the same analyzers as
 * an image layer. Symbolic links are never followed while walking; a link at a wanted path is resolved inside
 * the root, never outside it.
 */
public final class RootfsScanner {
    private final AnalyzerRegistry registry;
    private final Path scratchParent;
    private final JavaIndex javaIndex;
    private final List<Detector> detectors;

    public RootfsScanner(AnalyzerRegistry registry, Path scratchParent) {
        this(registry, scratchParent, JavaIndex.NONE, List.of());
    }

    /** As above, naming Java archives through {@code javaIndex} when the inventory is built. */
    public RootfsScanner(AnalyzerRegistry registry, Path scratchParent, JavaIndex javaIndex) {
        this(registry, scratchParent, javaIndex, List.of());
    }

    /**
     * As above, naming Java archives through {@code javaIndex} when the inventory is built, and running
     * {@code detectors} on the inventory.
     */
    public RootfsScanner(AnalyzerRegistry registry, Path scratchParent, JavaIndex javaIndex, List<Detector> detectors) {
        this.registry = registry;
        this.scratchParent = scratchParent;
        this.javaIndex = javaIndex;
        this.detectors = List.copyOf(detectors);
    }

    public ScanReport scan(Path root, String name) throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new KensaException(name + ": not a directory");
        }
        Path realRoot = root.toRealPath();
        List<FileResult> files = new ArrayList<>();
        List<LinkRecord> links = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Long> skipped = new HashMap<>();
        try (ScratchSpace scratch = ScratchSpace.under(scratchParent)) {
            FileDispatcher dispatcher = new FileDispatcher(registry, scratch);
            Files.walkFileTree(realRoot, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.equals(scratchParent) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String path = realRoot.relativize(file).toString();
                    if (attrs.isSymbolicLink()) {
                        if (dispatcher.wanted(path)) {
                            links.add(new LinkRecord(path, PathNames.resolveLink(path,
                                    Files.readSymbolicLink(file).toString()), false));
                        }
                    } else if (attrs.isRegularFile()) {
                        int mode = mode(file);
                        if (dispatcher.wanted(path, mode)) {
                            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                                dispatcher.dispatch(path, attrs.size(), mode, in, files, warnings, skipped);
                            }
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    warnings.add(realRoot.relativize(file) + ": unreadable (" + exc.getClass().getSimpleName() + ")");
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        Inventory inventory = new InventoryBuilder(javaIndex).build(List.of(new LayerResult(null, files, List.of(), List.of(),
                links, List.of(), 0, warnings, skipped)));
        Artifact artifact = new Artifact(name, "rootfs", null, List.of(), inventory.os(), null);
        ScanReport report = InventoryReport.of(artifact, List.of(), inventory);
        for (Detector d : detectors) {
            report = d.apply(report, inventory, null);
        }
        return report;
    }

    /** The permission bits including setuid, setgid and sticky (unix:mode), else the POSIX permissions. */
    private static int mode(Path file) {
        try {
            return ((Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 07777;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // not a unix file system: the POSIX permissions below
        }
        try {
            return Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS).permissions()
                    .stream().mapToInt(p -> 1 << (8 - p.ordinal())).sum();
        } catch (IOException | UnsupportedOperationException e) {
            return 0;
        }
    }
}
