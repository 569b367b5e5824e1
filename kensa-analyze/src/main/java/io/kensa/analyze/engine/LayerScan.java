package io.kensa.analyze.engine;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one pass over a layer.
 *
 * @param result            what the analyzers found
 * @param pendingHardlinks  hard links at wanted paths whose targets (keys) were not read in this pass, with the
 *                          link paths that need the target's content; empty in the common case
 */
public record LayerScan(LayerResult result, Map<String, List<String>> pendingHardlinks) {
}
