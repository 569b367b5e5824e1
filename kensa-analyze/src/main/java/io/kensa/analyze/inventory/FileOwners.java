package io.kensa.analyze.inventory;

import io.kensa.analyze.FileResult;
import io.kensa.core.Package;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which installed OS package owns the file where an application package was found. Only owners that are installed
 * OS packages of the image count: a dpkg {@code .list} outlives its package in some states (config-files), and a
 * list whose package is not in the status database says nothing about the files now there. Only the files some
 * application package was found at are remembered, so an image whose package lists name a hundred thousand
 * files costs one set lookup per listed file.
 */
final class FileOwners {
    private final Map<String, String> ownerByFile;

    private FileOwners(Map<String, String> ownerByFile) {
        this.ownerByFile = ownerByFile;
    }

    /**
     * @param results  the file results of the merged view, in path order (the first list naming a file wins)
     * @param packages every package of the inventory
     */
    static FileOwners of(Collection<List<FileResult>> results, Collection<Package> packages) {
        Set<String> installed = new HashSet<>();
        Set<String> wanted = new HashSet<>();
        for (Package p : packages) {
            if (p.isOsPackage()) {
                installed.add(p.name());
            } else {
                p.paths().forEach(path -> wanted.add(outerFile(path)));
            }
        }
        Map<String, String> owners = new HashMap<>();
        if (wanted.isEmpty() || installed.isEmpty()) {
            return new FileOwners(owners);
        }
        for (List<FileResult> atPath : results) {
            for (FileResult r : atPath) {
                r.ownedFiles().forEach((owner, files) -> {
                    if (installed.contains(owner)) {
                        for (String file : files) {
                            if (wanted.contains(file)) {
                                owners.putIfAbsent(file, owner);
                            }
                        }
                    }
                });
            }
        }
        return new FileOwners(owners);
    }

    /** The package marked with the OS package owning one of its paths (the outer archive of a chain). */
    Package mark(Package p) {
        if (ownerByFile.isEmpty() || p.isOsPackage()) {
            return p;
        }
        for (String path : p.paths()) {
            String owner = ownerByFile.get(outerFile(path));
            if (owner != null) {
                return p.withOwnedBy(owner);
            }
        }
        return p;
    }

    /** The file of the image itself: the outermost archive of an {@code a!/b} chain. */
    static String outerFile(String path) {
        int bang = path.indexOf("!/");
        return bang < 0 ? path : path.substring(0, bang);
    }
}
