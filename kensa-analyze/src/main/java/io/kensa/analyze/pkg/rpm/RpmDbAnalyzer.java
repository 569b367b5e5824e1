package io.kensa.analyze.pkg.rpm;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lists the packages installed by rpm from its package database, in any of its three formats (BerkeleyDB
 * {@code Packages}, NDB {@code Packages.db}, SQLite {@code rpmdb.sqlite}) at any of rpm's database locations. The
 * format is recognised from the file's magic bytes. Each package's file list is kept as the files it owns. A damaged database yields a result with a warning, not an
 * exception, so the scan goes on.
 */
public final class RpmDbAnalyzer implements Analyzer {
    public static final String ID = "rpm";
    /** Largest database file read. */
    public static final long MAX_DB_SIZE = 512L << 20;

    private static final List<String> DIRECTORIES = List.of("var/lib/rpm/", "usr/lib/sysimage/rpm/", "usr/share/rpm/");
    private static final List<String> FILES = List.of("Packages", "Packages.db", "rpmdb.sqlite");
    private static final Set<String> PATHS = paths();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int version() {
        return 2;
    }

    @Override
    public boolean wants(String path) {
        return PATHS.contains(path);
    }

    @Override
    public FileResult analyze(FileEntry entry) throws IOException {
        if (entry.size() == 0) {
            return null;
        }
        if (entry.size() > MAX_DB_SIZE) {
            return warning(entry.path(), "rpm database of " + entry.size() + " bytes exceeds the limit of "
                    + MAX_DB_SIZE + " bytes; not read");
        }
        Path file = entry.toTempFile(MAX_DB_SIZE);
        Optional<RpmDbFormat> format = RpmDbFormat.detect(file);
        if (format.isEmpty()) {
            return warning(entry.path(), "not an rpm database: neither BerkeleyDB hash, NDB nor SQLite");
        }
        PackageCollector collector = new PackageCollector(entry.path());
        try {
            format.get().reader().read(file, collector);
        } catch (RpmDbFormatException e) {
            return warning(entry.path(), "damaged rpm " + format.get().displayName() + " database: " + e.getMessage());
        }
        return collector.result();
    }

    private static FileResult warning(String path, String warning) {
        return new FileResult(ID, path, List.of(), Map.of(), List.of(warning));
    }

    private static Set<String> paths() {
        Set<String> paths = new HashSet<>();
        for (String dir : DIRECTORIES) {
            for (String file : FILES) {
                paths.add(dir + file);
            }
        }
        return Set.copyOf(paths);
    }
}
