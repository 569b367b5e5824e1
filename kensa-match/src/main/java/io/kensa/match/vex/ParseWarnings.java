package io.kensa.match.vex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems met while reading one document: each distinct kind of problem is one line with its count, so a
 * document with ten thousand products named only by CPE costs one warning line, not ten thousand.
 */
final class ParseWarnings {
    static final int MAX_KEPT = 50;

    private final String source;
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, String> firstExample = new LinkedHashMap<>();

    ParseWarnings(String source) {
        this.source = source;
    }

    /** One occurrence of problem {@code kind}; {@code example} names the first one (a statement index, an id). */
    void add(String kind, String example) {
        counts.merge(kind, 1, Integer::sum);
        firstExample.putIfAbsent(kind, example);
    }

    List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (out.size() == MAX_KEPT) {
                out.add(source + ": " + (counts.size() - MAX_KEPT) + " more kinds of problem");
                break;
            }
            int n = e.getValue();
            String example = firstExample.get(e.getKey());
            out.add(source + ": " + e.getKey() + (n > 1 ? " (" + n + " times, first: " : " (") + example + ")");
        }
        return out;
    }
}
