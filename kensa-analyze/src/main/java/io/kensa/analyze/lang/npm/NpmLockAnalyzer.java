package io.kensa.analyze.lang.npm;

import com.fasterxml.jackson.core.JacksonException;
import io.kensa.analyze.Analyzer;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;
import io.kensa.core.Package;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The packages pinned by a project's lock file: {@code package-lock.json} and {@code npm-shrinkwrap.json} (npm),
 * {@code yarn.lock} (yarn 1 and 2+), {@code pnpm-lock.yaml} (pnpm). Lock files inside {@code node_modules} belong
 * to published packages and are not read: what they pin is installed beside them. Each package's path is the lock
 * file, its evidence the lock file's name; {@link NpmLockMerger} later folds entries into the installed packages
 * they describe.
 */
public final class NpmLockAnalyzer implements Analyzer {
    public static final String ID = "npm-lock";
    public static final String PACKAGE_LOCK = "package-lock.json";
    public static final String SHRINKWRAP = "npm-shrinkwrap.json";
    public static final String YARN_LOCK = "yarn.lock";
    public static final String PNPM_LOCK = "pnpm-lock.yaml";
    /** The evidence names of lock-file packages. */
    public static final Set<String> LOCK_FILES = Set.of(PACKAGE_LOCK, SHRINKWRAP, YARN_LOCK, PNPM_LOCK);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(String path) {
        return (named(path, PACKAGE_LOCK) || named(path, YARN_LOCK) || named(path, PNPM_LOCK) || named(path, SHRINKWRAP))
                && !NodeModulesPaths.insideNodeModules(path);
    }

    /** Whether the file's name is {@code name} (no substring: this runs for every file of every layer). */
    private static boolean named(String path, String name) {
        int at = path.length() - name.length();
        return path.endsWith(name) && (at == 0 || path.charAt(at - 1) == '/');
    }

    @Override
    public FileResult analyze(FileEntry entry) throws IOException {
        String file = fileName(entry.path());
        if (entry.size() > BoundedMappers.MAX_LOCK_BYTES) {
            return warning(entry, "skipped: " + entry.size() + " bytes is over the " + BoundedMappers.MAX_LOCK_BYTES
                    + "-byte limit for a lock file");
        }
        List<LockEntry> entries;
        try (InputStream in = entry.open()) {
            entries = switch (file) {
                case YARN_LOCK -> new YarnLockParser().parse(in);
                case PNPM_LOCK -> new PnpmLockParser().parse(in);
                default -> new PackageLockParser().parse(in, file);
            };
        } catch (JacksonException | LockFormatException e) {
            return warning(entry, "not a valid " + file + " (" + Messages.firstLine(e) + ")");
        }
        List<Package> packages = new ArrayList<>(entries.size());
        for (LockEntry e : entries) {
            Package p = Package.application("npm", e.name(), e.version(), e.licenses(), entry.path(), file);
            packages.add(e.dev() ? p.withDev(true) : p);
        }
        List<String> warnings = packages.size() >= LockEntries.MAX_ENTRIES
                ? List.of("only the first " + LockEntries.MAX_ENTRIES + " packages were read") : List.of();
        return packages.isEmpty() && warnings.isEmpty() ? null : FileResult.of(ID, entry.path(), packages, warnings);
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static FileResult warning(FileEntry entry, String message) {
        return FileResult.of(ID, entry.path(), List.of(), List.of(message));
    }
}
