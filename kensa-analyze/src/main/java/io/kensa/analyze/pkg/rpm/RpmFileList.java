package io.kensa.analyze.pkg.rpm;

import io.kensa.analyze.pkg.OwnedFiles;
import io.kensa.analyze.pkg.rpm.header.MalformedHeaderException;
import io.kensa.analyze.pkg.rpm.header.RpmHeader;
import io.kensa.analyze.pkg.rpm.header.RpmTag;

import java.util.List;

/**
 * The files of an installed package from its header's compressed file list: file {@code i} is
 * {@code DIRNAMES[DIRINDEXES[i]] + BASENAMES[i]}. Directories (by {@code FILEMODES}) are left out, since
 * application packages are found at files; paths become relative to the root.
 */
final class RpmFileList {
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;

    private RpmFileList() {
    }

    /**
     * Adds the files of the package {@code owner} described by {@code header}; a header without files adds none,
     * a damaged file list adds none and throws.
     */
    static void collect(RpmHeader header, String owner, OwnedFiles out) throws MalformedHeaderException {
        List<String> basenames = header.stringArray(RpmTag.BASENAMES);
        if (basenames.isEmpty()) {
            return;
        }
        List<String> dirnames = header.stringArray(RpmTag.DIRNAMES);
        int[] dirIndexes = header.int32Array(RpmTag.DIRINDEXES);
        if (dirIndexes.length != basenames.size()) {
            throw new MalformedHeaderException("file list has " + basenames.size() + " BASENAMES but "
                    + dirIndexes.length + " DIRINDEXES");
        }
        int[] modes = header.uint16Array(RpmTag.FILEMODES);
        boolean knownModes = modes.length == basenames.size();
        String[] dirs = new String[dirnames.size()];
        for (int i = 0; i < dirs.length; i++) {
            String d = dirnames.get(i);
            dirs[i] = d.startsWith("/") ? d.substring(1) : d;
        }
        for (int i = 0; i < dirIndexes.length; i++) {
            if (dirIndexes[i] < 0 || dirIndexes[i] >= dirs.length) {
                throw new MalformedHeaderException("file " + i + " has directory index " + dirIndexes[i]
                        + " outside the " + dirs.length + " DIRNAMES");
            }
        }
        for (int i = 0; i < dirIndexes.length; i++) {
            if (!knownModes || (modes[i] & S_IFMT) != S_IFDIR) {
                out.add(owner, dirs[dirIndexes[i]], basenames.get(i));
            }
        }
    }
}
