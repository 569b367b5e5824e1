package io.kensa.analyze.inventory;

import io.kensa.analyze.FileResult;

import java.util.List;

/**
 * An analysed file as the container sees it (after all layers), for detectors that look at files rather than
 * packages (setuid bits, {@code /etc/shadow}).
 *
 * @param path    relative to the root, no leading slash
 * @param layer   diffID of the layer the file comes from, null for a root filesystem
 * @param results what the analyzers found in it
 */
public record VisibleFile(String path, String layer, List<FileResult> results) {
    public VisibleFile {
        results = List.copyOf(results);
    }

    /** The result of the analyzer {@code id}, or null. */
    public FileResult result(String id) {
        for (FileResult r : results) {
            if (r.analyzer().equals(id)) {
                return r;
            }
        }
        return null;
    }
}
