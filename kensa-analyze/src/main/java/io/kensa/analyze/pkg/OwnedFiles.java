package io.kensa.analyze.pkg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the files a package database says each package owns, within bounds. Databases that store a file as
 * directory plus name (apk, rpm) could make a few bytes of input name a huge path many times over, so paths
 * longer than {@link #MAX_PATH} are dropped and the total length of the kept paths is capped; what was dropped
 * is reported in one warning.
 *
 * <p>Owned files only serve to tell whether an application package was found at a file of an OS package, and a
 * full image lists a hundred thousand files, a third of them man pages, translations, icons, C headers and time
 * zones. Files under {@link #SKIPPED_DIRS} are not kept: no language package is recorded or built there. Leaving
 * out an owned file can only make a package found there count as an application package (reported twice, once as
 * the OS package), never hide one.
 */
public final class OwnedFiles {
    /** Directories whose files are never a language package's metadata, archive or binary. */
    public static final List<String> SKIPPED_DIRS = List.of("usr/share/man/", "usr/share/locale/",
            "usr/share/icons/", "usr/share/i18n/", "usr/share/zoneinfo/", "usr/include/");

    /** Linux's PATH_MAX: no real file has a longer path. */
    public static final int MAX_PATH = 4096;
    /** Default budget: the file lists of a whole Fedora or Debian image take a few million characters. */
    public static final long DEFAULT_MAX_CHARS = 32L << 20;

    private final long maxChars;
    private final Map<String, List<String>> byOwner = new LinkedHashMap<>();
    private long chars;
    private long tooLong;
    private long overBudget;

    public OwnedFiles() {
        this(DEFAULT_MAX_CHARS);
    }

    public OwnedFiles(long maxChars) {
        this.maxChars = maxChars;
    }

    /**
     * Records the file {@code dir + name} as owned by {@code owner}, unless a bound is reached; the path is only
     * built when it is kept.
     *
     * @param dir  the directory relative to the root with its trailing slash, or "" for the root
     * @param name the file's name in that directory (or a whole path when {@code dir} is ""); an empty one is no
     *             file and is ignored
     */
    public void add(String owner, String dir, String name) {
        if (name.isEmpty() || skipped(dir.isEmpty() ? name : dir)) {
            return;
        }
        long length = (long) dir.length() + name.length();
        if (length > MAX_PATH) {
            tooLong++;
        } else if (chars + length > maxChars) {
            overBudget++;
        } else {
            chars += length;
            byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(dir.isEmpty() ? name : dir.concat(name));
        }
    }

    private static boolean skipped(String path) {
        if (!path.startsWith("usr/")) {
            return false;
        }
        for (String dir : SKIPPED_DIRS) {
            if (path.startsWith(dir)) {
                return true;
            }
        }
        return false;
    }

    /** Package name → its files, in the order added. */
    public Map<String, List<String>> byOwner() {
        return byOwner;
    }

    /** One line saying what was dropped, or null when everything was kept. */
    public String warning() {
        if (tooLong == 0 && overBudget == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder("package file lists: ");
        if (tooLong > 0) {
            sb.append(tooLong).append(" paths longer than ").append(MAX_PATH).append(" characters dropped");
        }
        if (overBudget > 0) {
            sb.append(tooLong > 0 ? "; " : "").append(overBudget).append(" paths dropped beyond the limit of ")
                    .append(maxChars).append(" characters in all");
        }
        return sb.toString();
    }
}
