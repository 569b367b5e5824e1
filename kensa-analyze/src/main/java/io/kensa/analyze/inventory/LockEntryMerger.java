package io.kensa.analyze.inventory;

import io.kensa.core.Package;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One package per installed copy when an image holds both a lock file and what it installed, for the ecosystems
 * whose installed packages may live far from the lock file (Ruby gems in a gem home, NuGet packages in the
 * runtime's deps.json or the package cache, Composer's {@code vendor/}). A lock entry is dropped when a package
 * of the same ecosystem, name and version is installed anywhere in the image; its dev flag goes to the installed
 * copies. Lock entries with nothing installed stay: that is how a source tree shows what it will install.
 * (npm, whose lock files own the {@code node_modules} beneath them, has its own rule.)
 */
final class LockEntryMerger {
    /** The {@code foundBy} of lock-file entries, per package type. */
    private static final Map<String, Set<String>> LOCK_FILES = Map.of(
            "gem", Set.of("Gemfile.lock"),
            "composer", Set.of("composer.lock"),
            "nuget", Set.of("packages.lock.json"));

    List<Package> merge(List<Package> packages) {
        Map<String, List<Integer>> installed = new HashMap<>();
        boolean anyLock = false;
        for (int i = 0; i < packages.size(); i++) {
            Package p = packages.get(i);
            Set<String> locks = LOCK_FILES.get(p.type());
            if (locks == null) {
                continue;
            }
            if (locks.contains(p.foundBy())) {
                anyLock = true;
            } else {
                installed.computeIfAbsent(id(p), k -> new ArrayList<>()).add(i);
            }
        }
        if (!anyLock || installed.isEmpty()) {
            return packages;
        }
        List<Package> out = new ArrayList<>(packages);
        boolean[] dropped = new boolean[packages.size()];
        for (int i = 0; i < packages.size(); i++) {
            Package p = packages.get(i);
            Set<String> locks = LOCK_FILES.get(p.type());
            List<Integer> copies = locks != null && locks.contains(p.foundBy()) ? installed.get(id(p)) : null;
            if (copies == null) {
                continue;
            }
            dropped[i] = true;
            if (Boolean.TRUE.equals(p.dev())) {
                copies.forEach(j -> out.set(j, out.get(j).withDev(true)));
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

    private static String id(Package p) {
        return p.type() + "/" + p.name().toLowerCase(java.util.Locale.ROOT) + "@" + p.version();
    }
}
