package io.kensa.report.sbom;

import io.kensa.core.Package;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which package holds which, for packages found inside archives: a package at {@code a.war!/WEB-INF/lib/b.jar}
 * is a child of the package found at {@code a.war} (the nearest enclosing archive some package represents, going
 * outwards along the {@code !/} chain). When several packages were found at the same archive (a shaded jar names
 * the libraries it bundles), the one carrying the archive's sha1 represents it, else the first. A package whose
 * enclosing archives no package represents stays at the top, its full path still in its evidence.
 */
public final class ArchiveNesting {
    private static final String SEPARATOR = "!/";

    private final List<Package> roots;
    private final Map<Package, List<Package>> children;

    private ArchiveNesting(List<Package> roots, Map<Package, List<Package>> children) {
        this.roots = roots;
        this.children = children;
    }

    /** Nests {@code packages}; the order of roots and of each package's children is the order given. */
    public static ArchiveNesting of(List<Package> packages) {
        Map<String, Package> byArchive = new HashMap<>();
        for (Package p : packages) {
            if (p.paths().isEmpty()) {
                continue;
            }
            byArchive.merge(p.paths().getFirst(), p, (old, candidate) ->
                    old.sha1() == null && candidate.sha1() != null ? candidate : old);
        }
        List<Package> roots = new ArrayList<>();
        Map<Package, List<Package>> children = new IdentityHashMap<>();
        for (Package p : packages) {
            Package parent = parentOf(p, byArchive);
            if (parent == null) {
                roots.add(p);
            } else {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(p);
            }
        }
        return new ArchiveNesting(List.copyOf(roots), children);
    }

    private static Package parentOf(Package p, Map<String, Package> byArchive) {
        if (p.paths().isEmpty()) {
            return null;
        }
        String path = p.paths().getFirst();
        for (int cut = path.lastIndexOf(SEPARATOR); cut > 0; cut = path.lastIndexOf(SEPARATOR, cut - 1)) {
            Package outer = byArchive.get(path.substring(0, cut));
            if (outer != null) {
                return outer;
            }
        }
        return null;
    }

    /** The packages inside no other package, in the order given. */
    public List<Package> roots() {
        return roots;
    }

    /** The packages found directly inside {@code p}'s archive, in the order given; empty for most. */
    public List<Package> childrenOf(Package p) {
        return List.copyOf(children.getOrDefault(p, List.of()));
    }
}
