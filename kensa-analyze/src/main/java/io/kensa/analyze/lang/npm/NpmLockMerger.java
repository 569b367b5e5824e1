package io.kensa.analyze.lang.npm;

import io.kensa.core.Package;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One package per installed copy when an image holds both a lock file and the {@code node_modules} it produced.
 * An installed package belongs to the lock file in the deepest directory above it ({@code app/package-lock.json}
 * covers {@code app/node_modules/**}: nested, scoped and pnpm-store copies alike). Where a lock file has installed
 * packages, they are what the image holds: each takes the dev flag of the lock entry of the same name and version,
 * and the lock file's entries are dropped, those not installed too (dev dependencies left out by
 * {@code npm ci --omit=dev}, optional packages for other platforms such as {@code fsevents}). A lock file with
 * nothing installed keeps its entries: that is how a project's source tree, copied without {@code node_modules},
 * shows what it will install.
 */
public final class NpmLockMerger {

    public List<Package> merge(List<Package> packages) {
        Set<String> lockDirs = new HashSet<>();
        for (Package p : packages) {
            if (isLockEntry(p)) {
                lockDirs.add(directory(p.paths().getFirst()));
            }
        }
        if (lockDirs.isEmpty()) {
            return packages;
        }
        // name@version → indexes of installed copies, per owning lock directory
        Map<String, Map<String, List<Integer>>> installed = new HashMap<>();
        for (int i = 0; i < packages.size(); i++) {
            Package p = packages.get(i);
            String owner = isInstalled(p) ? owningLockDirectory(p.paths().getFirst(), lockDirs) : null;
            if (owner != null) {
                installed.computeIfAbsent(owner, k -> new HashMap<>()).computeIfAbsent(id(p), k -> new ArrayList<>())
                        .add(i);
            }
        }
        if (installed.isEmpty()) {
            return packages;
        }
        List<Package> out = new ArrayList<>(packages);
        boolean[] dropped = new boolean[packages.size()];
        for (int i = 0; i < packages.size(); i++) {
            Package lock = packages.get(i);
            Map<String, List<Integer>> tree = isLockEntry(lock) ? installed.get(directory(lock.paths().getFirst())) : null;
            if (tree == null) {
                continue;
            }
            dropped[i] = true;
            if (Boolean.TRUE.equals(lock.dev())) {
                for (int j : tree.getOrDefault(id(lock), List.of())) {
                    out.set(j, out.get(j).withDev(true));
                }
            }
        }
        List<Package> kept = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            if (!dropped[i]) {
                kept.add(out.get(i));
            }
        }
        return kept;
    }

    /** The deepest lock-file directory holding {@code path}, null when none does. */
    private static String owningLockDirectory(String path, Set<String> lockDirs) {
        for (String dir = directory(path); ; dir = directory(dir.substring(0, dir.length() - 1))) {
            if (lockDirs.contains(dir)) {
                return dir;
            }
            if (dir.isEmpty()) {
                return null;
            }
        }
    }

    private static boolean isLockEntry(Package p) {
        return "npm".equals(p.type()) && NpmLockAnalyzer.LOCK_FILES.contains(p.foundBy()) && !p.paths().isEmpty();
    }

    private static boolean isInstalled(Package p) {
        return "npm".equals(p.type()) && NpmPackageJsonAnalyzer.FOUND_BY.equals(p.foundBy()) && !p.paths().isEmpty();
    }

    /** The directory of a path with its trailing slash ({@code app/} of {@code app/x}), empty at the root. */
    private static String directory(String path) {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    private static String id(Package p) {
        return p.name() + "@" + p.version();
    }
}
