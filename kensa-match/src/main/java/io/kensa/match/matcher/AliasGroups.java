package io.kensa.match.matcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Groups items whose id sets overlap (union-find): the advisories of one package that name the same vulnerability
 * (a GHSA and the CVE it aliases, a GO- record and its GHSA) become one group, so one finding.
 */
final class AliasGroups {
    private AliasGroups() {
    }

    /** A group: its items in first-seen order and the union of their ids. */
    record Group<T>(List<T> items, Set<String> ids) {
    }

    static <T> List<Group<T>> group(List<T> items, Function<T, Set<String>> idsOf) {
        int n = items.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<String, Integer> owner = new LinkedHashMap<>();
        List<Set<String>> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Set<String> mine = idsOf.apply(items.get(i));
            ids.add(mine);
            for (String id : mine) {
                Integer other = owner.putIfAbsent(id, i);
                if (other != null) {
                    union(parent, i, other);
                }
            }
        }
        Map<Integer, Group<T>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Group<T> g = groups.computeIfAbsent(find(parent, i), r -> new Group<>(new ArrayList<>(), new LinkedHashSet<>()));
            g.items().add(items.get(i));
            g.ids().addAll(ids.get(i));
        }
        return List.copyOf(groups.values());
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
