package io.kensa.analyze.pkg.dpkg;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;
import io.kensa.analyze.pkg.OwnedFiles;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;

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
        byte[] list = entry.readAllBytes(MAX_LIST_SIZE);
        // one pass over the bytes: a line's path becomes a String only once the next line shows it is no directory
        int previousStart = -1;
        int previousEnd = -1;
        for (int at = 0; at < list.length; ) {
            int newline = indexOf(list, (byte) '\n', at);
            int end = newline > at && list[newline - 1] == '\r' ? newline - 1 : newline;
            if (end - at >= 2 && list[at] == '/' && !(end - at == 2 && list[at + 1] == '.')) {
                if (previousStart >= 0 && !isParent(list, previousStart, previousEnd, at + 1, end)) {
                    files.add(owner, "", new String(list, previousStart, previousEnd - previousStart, UTF_8));
                }
                previousStart = at + 1;
                previousEnd = end;
            }
            at = newline + 1;
        }
        if (previousStart >= 0) {
            files.add(owner, "", new String(list, previousStart, previousEnd - previousStart, UTF_8));
        }
        List<String> warnings = files.warning() == null ? List.of() : List.of(files.warning());
        if (files.byOwner().isEmpty() && warnings.isEmpty()) {
            return null;
        }
        return new FileResult(ID, entry.path(), List.of(), Map.of(), warnings, files.byOwner());
    }

    /** The index of the first {@code b} at or after {@code from}, or the length when there is none. */
    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return bytes.length;
    }

    /** Whether the path in {@code bytes[pathStart, pathEnd)} lies under the directory in {@code [dirStart, dirEnd)}. */
    static boolean isParent(byte[] bytes, int dirStart, int dirEnd, int pathStart, int pathEnd) {
        int dirLength = dirEnd - dirStart;
        return pathEnd - pathStart > dirLength && bytes[pathStart + dirLength] == '/'
                && Arrays.equals(bytes, dirStart, dirEnd, bytes, pathStart, pathStart + dirLength);
    }
}
