package io.kensa.analyze.pkg.dpkg;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;
import io.kensa.analyze.pkg.OwnedFiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The files of a package dpkg installed: {@code var/lib/dpkg/info/<package>.list} (or {@code <package>:<arch>.list}
 * for multi-arch packages), one absolute path per line in archive order. Each path becomes relative to the root;
 * {@code /.} and the directories the list itself shows to be directories (an entry followed by its first child)
 * are left out, since application packages are found at files, and so are the files {@link OwnedFiles} does not
 * keep (man pages, translations …). Whether the package is still installed is for the
 * inventory to decide: a list only counts when the status database names the package.
 */
public final class DpkgFileListAnalyzer implements Analyzer {
    public static final String ID = "dpkg-files";
    /** Largest list read: the biggest Debian packages list a few MB. */
    public static final long MAX_LIST_SIZE = 32L << 20;

    private static final String INFO = "var/lib/dpkg/info/";
    private static final String LIST = ".list";

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
        return path.startsWith(INFO) && path.endsWith(LIST) && path.length() > INFO.length() + LIST.length()
                && path.indexOf('/', INFO.length()) < 0;
    }

    @Override
    public FileResult analyze(FileEntry entry) throws IOException {
        String file = entry.path().substring(INFO.length(), entry.path().length() - LIST.length());
        int colon = file.indexOf(':');
        String owner = colon < 0 ? file : file.substring(0, colon);
        if (owner.isEmpty()) {
            return null;
        }
        if (entry.size() > MAX_LIST_SIZE) {
            return new FileResult(ID, entry.path(), List.of(), Map.of(), List.of("dpkg file list of " + entry.size()
                    + " bytes exceeds the limit of " + MAX_LIST_SIZE + " bytes; not read"));
        }
        OwnedFiles files = new OwnedFiles();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(entry.open(), StandardCharsets.UTF_8))) {
            String previous = null;
            String line;
            while ((line = r.readLine()) != null) {
                if (line.length() < 2 || line.charAt(0) != '/' || line.equals("/.")) {
                    continue;
                }
                String path = line.substring(1);
                if (previous != null && !isParent(previous, path)) {
                    files.add(owner, "", previous);
                }
                previous = path;
            }
            if (previous != null) {
                files.add(owner, "", previous);
            }
        }
        List<String> warnings = files.warning() == null ? List.of() : List.of(files.warning());
        if (files.byOwner().isEmpty() && warnings.isEmpty()) {
            return null;
        }
        return new FileResult(ID, entry.path(), List.of(), Map.of(), warnings, files.byOwner());
    }

    /** Whether {@code path} lies under the directory {@code dir}. */
    static boolean isParent(String dir, String path) {
        return path.length() > dir.length() && path.charAt(dir.length()) == '/' && path.startsWith(dir);
    }
}
