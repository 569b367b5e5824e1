package io.kensa.analyze.inventory;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.engine.LayerResult;
import io.kensa.analyze.lang.java.JavaIndexResolver;
import io.kensa.analyze.lang.npm.NpmLockMerger;
import io.kensa.analyze.os.OsDetector;
import io.kensa.analyze.pkg.dpkg.DpkgCopyrights;
import io.kensa.analyze.purl.PurlFactory;
import io.kensa.core.JavaIndex;
import io.kensa.core.OsInfo;
import io.kensa.core.Package;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stacks layer results into the inventory. A package is attributed to the lowest layer from which it has been
 * present without interruption up to the top: a package that a later layer reinstalls at another version
 * belongs to that later layer; one merely rewritten in a new copy of the database keeps its original layer.
 * Application packages whose metadata an installed OS package owns are marked with that owner (see
 * {@link FileOwners}), and Java archives are named through the Java index. Lock-file entries whose packages are
 * installed are folded into them. Deb packages get the licenses of their copyright files ({@link DpkgCopyrights}).
 */
public final class InventoryBuilder {
    private final OsDetector osDetector = new OsDetector();
    private final PurlFactory purls = new PurlFactory();
    private final NpmLockMerger npmLocks = new NpmLockMerger();
    private final LockEntryMerger lockEntries = new LockEntryMerger();
    private final JavaIndexResolver javaIndex;

    public InventoryBuilder() {
        this(JavaIndex.NONE);
    }

    public InventoryBuilder(JavaIndex javaIndex) {
        this.javaIndex = new JavaIndexResolver(javaIndex);
    }

    public Inventory build(List<LayerResult> layers) {
        MergedView view = new MergedView();
        Map<String, Integer> since = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            LayerResult layer = layers.get(i);
            view.apply(i, layer);
            warnings.addAll(layer.warnings());
            Set<String> present = new LinkedHashSet<>();
            for (List<FileResult> results : view.all().values()) {
                for (FileResult r : results) {
                    r.packages().forEach(p -> present.add(p.key()));
                    r.warnings().forEach(w -> warnings.add(r.path() + ": " + w));
                }
            }
            since.keySet().retainAll(present);
            for (String key : present) {
                since.putIfAbsent(key, i);
            }
        }
        OsInfo os = osDetector.detect(view::resultsAt);
        Map<String, Package> packages = new LinkedHashMap<>();
        Map<String, List<FileResult>> merged = view.all();
        for (List<FileResult> results : merged.values()) {
            for (FileResult r : results) {
                for (Package p : r.packages()) {
                    packages.merge(p.key(), p, InventoryBuilder::mergePaths);
                }
            }
        }
        FileOwners owners = FileOwners.of(merged.values(), packages.values());
        List<Package> out = new ArrayList<>();
        for (Package p : lockEntries.merge(npmLocks.merge(List.copyOf(packages.values())))) {
            Integer layerIndex = since.get(p.key());
            String diffId = layerIndex == null || layers.isEmpty() ? null : layers.get(layerIndex).diffId();
            Package placed = p.withLayer(diffId);
            if (!placed.isOsPackage()) {
                Optional<Package> named = javaIndex.resolve(owners.mark(placed));
                if (named.isEmpty()) {
                    continue; // an archive nothing names, unknown to the Java index
                }
                placed = named.get();
            }
            out.add(placed.withPurl(purls.purl(placed, os)));
        }
        out = DpkgCopyrights.attach(out, view::resultsAt);
        out.sort(Comparator.comparing(Package::type).thenComparing(Package::name).thenComparing(Package::version)
                .thenComparing(p -> p.paths().isEmpty() ? "" : p.paths().getFirst()));
        LayerFindings findings = LayerFindings.collect(layers, view);
        List<VisibleFile> files = new ArrayList<>();
        for (MergedView.Node n : view.files()) {
            String diffId = layers.get(n.layer()).diffId();
            files.add(new VisibleFile(n.results().getFirst().path(), diffId, n.results()));
        }
        Map<String, Long> skipped = new TreeMap<>();
        layers.forEach(l -> l.skipped().forEach((k, v) -> skipped.merge(k, v, Long::sum)));
        return new Inventory(os, out, warnings.stream().distinct().toList(), findings.secrets(), findings.malware(),
                files, skipped);
    }

    private static Package mergePaths(Package a, Package b) {
        Set<String> paths = new LinkedHashSet<>(a.paths());
        paths.addAll(b.paths());
        return a.withPaths(List.copyOf(paths));
    }
}
