package io.kensa.analyze.inventory;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.engine.LayerResult;
import io.kensa.analyze.engine.LinkRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The analysed files of an image as the container would see them after stacking layers 0..n: each layer's
 * opaque directories, whiteouts and non-directory entries (a link replacing a directory) hide what the layers
 * below put there, then its own files and links are laid on top. Only analysed paths are tracked, so the view stays small however many files the image has.
 */
final class MergedView {
    private static final int MAX_LINK_HOPS = 16;

    /** What stands at one path: the results of the analyzers that read the file, or a link. */
    record Node(int layer, List<FileResult> results, LinkRecord link) {
    }

    private final TreeMap<String, Node> nodes = new TreeMap<>();

    void apply(int layerIndex, LayerResult layer) {
        for (String dir : layer.opaqueDirs()) {
            removeChildren(dir);
        }
        for (String path : layer.whiteouts()) {
            nodes.remove(path);
            removeChildren(path);
        }
        // a link or device where the layers below had a directory (or a file) hides all of it
        for (String path : layer.shadows()) {
            nodes.remove(path);
            removeChildren(path);
        }
        for (LinkRecord link : layer.links()) {
            removeChildren(link.path());
        }
        Map<String, List<FileResult>> byPath = new LinkedHashMap<>();
        for (FileResult f : layer.files()) {
            byPath.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f);
        }
        byPath.forEach((path, results) -> nodes.put(path, new Node(layerIndex, List.copyOf(results), null)));
        for (LinkRecord link : layer.links()) {
            nodes.put(link.path(), new Node(layerIndex, List.of(), link));
        }
    }

    private void removeChildren(String dir) {
        if (dir.isEmpty()) {
            nodes.clear();
            return;
        }
        // every key under dir/ sorts between "dir/" and "dir0" ('0' follows '/')
        nodes.subMap(dir + "/", true, dir + "0", false).clear();
    }

    /** The results at {@code path}, following links inside the image; empty when nothing is there. */
    List<FileResult> resultsAt(String path) {
        String p = path;
        for (int hop = 0; hop < MAX_LINK_HOPS; hop++) {
            Node n = nodes.get(p);
            if (n == null) {
                return List.of();
            }
            if (n.link() == null) {
                return n.results();
            }
            p = n.link().target();
        }
        return List.of();
    }

    /** The layer whose entry stands at {@code path} (links not followed), or -1 when nothing analysed is there. */
    int layerAt(String path) {
        Node n = nodes.get(path);
        return n == null ? -1 : n.layer();
    }

    /** Every analysed file (not links) with the layer it comes from, in path order. */
    List<Node> files() {
        return nodes.values().stream().filter(n -> n.link() == null && !n.results().isEmpty()).toList();
    }

    /** Every analysed path and its results (links followed), in path order. */
    NavigableMap<String, List<FileResult>> all() {
        TreeMap<String, List<FileResult>> out = new TreeMap<>();
        for (String path : nodes.keySet()) {
            List<FileResult> r = resultsAt(path);
            if (!r.isEmpty()) {
                out.put(path, r);
            }
        }
        return out;
    }
}
