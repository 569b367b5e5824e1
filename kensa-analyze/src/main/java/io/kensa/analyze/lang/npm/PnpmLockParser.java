package io.kensa.analyze.lang.npm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code pnpm-lock.yaml}. The {@code packages} keys name each package: {@code /name/version} (with a peer suffix
 * {@code _peer@1.0.0}) up to lockfile version 5, {@code /name@version} (peers in parentheses) in 6, and
 * {@code name@version} in 9; an entry's own {@code name} and {@code version} fields (non-registry packages) win.
 * Versions 5 and 6 flag dev-only packages with {@code dev: true}; version 9 does not, so a package is dev-only
 * there when the {@code snapshots} graph reaches it from the importers' {@code devDependencies} and not from
 * their {@code dependencies} or {@code optionalDependencies}.
 */
final class PnpmLockParser {
    private static final List<String> PROD_FIELDS = List.of("dependencies", "optionalDependencies");
    private static final String DEV_FIELD = "devDependencies";

    /** A {@code packages} entry as read, named once the lockfile version is known. */
    private record RawPackage(String key, String name, String version, boolean dev) {
    }

    List<LockEntry> parse(InputStream in) throws IOException {
        String[] lockfileVersion = {null};
        List<RawPackage> raw = new ArrayList<>();
        Map<String, List<String>> snapshots = new HashMap<>();
        List<String> prodRoots = new ArrayList<>();
        List<String> devRoots = new ArrayList<>();
        try (JsonParser parser = BoundedMappers.YAML.createParser(in)) {
            JsonEntries.forEachField(parser, "pnpm-lock.yaml", true, (field, p) -> {
                switch (field) {
                    case "lockfileVersion" -> {
                        JsonNode v = p.readValueAsTree();
                        if (lockfileVersion[0] == null) {
                            lockfileVersion[0] = JsonEntries.text(v);
                        }
                    }
                    case "packages" -> JsonEntries.forEachMember(p, (key, entry) -> {
                        if (raw.size() < LockEntries.MAX_ENTRIES) {
                            raw.add(new RawPackage(key, JsonEntries.text(entry.get("name")),
                                    JsonEntries.text(entry.get("version")), entry.path("dev").asBoolean()));
                        }
                    });
                    case "snapshots" -> JsonEntries.forEachMember(p, (key, entry) -> {
                        if (snapshots.size() < LockEntries.MAX_ENTRIES) {
                            snapshots.put(key, children(entry));
                        }
                    });
                    case "importers" -> JsonEntries.forEachMember(p, (dir, importer) -> {
                        PROD_FIELDS.forEach(f -> prodRoots.addAll(snapshotKeys(importer.get(f))));
                        devRoots.addAll(snapshotKeys(importer.get(DEV_FIELD)));
                    });
                    default -> p.skipChildren();
                }
            });
        }
        int major = major(lockfileVersion[0]);
        Set<String> devOnly = snapshots.isEmpty() ? Set.of() : devOnly(snapshots, prodRoots, devRoots);
        LockEntries out = new LockEntries();
        for (RawPackage r : raw) {
            String[] id = major >= 6 ? nameAtVersion(r.key()) : nameSlashVersion(r.key());
            String name = r.name() != null ? r.name() : id == null ? null : id[0];
            String version = r.version() != null ? r.version() : id == null ? null : id[1];
            out.add(name, version, List.of(), r.dev() || devOnly.contains(name + "@" + version));
        }
        return out.list();
    }

    /** The snapshot keys a package's dependencies resolve to. */
    private static List<String> children(JsonNode snapshot) {
        List<String> out = new ArrayList<>();
        PROD_FIELDS.forEach(f -> out.addAll(snapshotKeys(snapshot.get(f))));
        return out;
    }

    /**
     * The snapshot keys of a dependency map: {@code name: version} in snapshots, {@code name: {version: …}} in
     * importers; an aliased version is a key already ({@code ms@2.1.2}); links to folders are skipped.
     */
    private static List<String> snapshotKeys(JsonNode dependencies) {
        if (dependencies == null || !dependencies.isObject()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : dependencies.properties()) {
            JsonNode v = e.getValue();
            String version = JsonEntries.text(v.isObject() ? v.get("version") : v);
            if (version == null || version.startsWith("link:")) {
                continue;
            }
            int paren = version.indexOf('(');
            String base = paren < 0 ? version : version.substring(0, paren);
            out.add(base.indexOf('@', 1) > 0 ? version : e.getKey() + "@" + version);
        }
        return out;
    }

    /** Package ids ({@code name@version}) reached from the dev roots and not from the production roots. */
    private static Set<String> devOnly(Map<String, List<String>> snapshots, List<String> prodRoots,
                                       List<String> devRoots) {
        Set<String> prod = packageIds(reach(snapshots, prodRoots));
        Set<String> dev = packageIds(reach(snapshots, devRoots));
        dev.removeAll(prod);
        return dev;
    }

    private static Set<String> reach(Map<String, List<String>> snapshots, List<String> roots) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String key = todo.pop();
            if (seen.add(key)) {
                todo.addAll(snapshots.getOrDefault(key, List.of()));
            }
        }
        return seen;
    }

    /** Snapshot keys without their peer suffix: {@code debug@2.6.9(supports-color@7.2.0)} → {@code debug@2.6.9}. */
    private static Set<String> packageIds(Set<String> snapshotKeys) {
        Set<String> out = new HashSet<>();
        for (String key : snapshotKeys) {
            int paren = key.indexOf('(');
            out.add(paren < 0 ? key : key.substring(0, paren));
        }
        return out;
    }

    /** {@code [name, version]} of {@code /name@version(peers)} or {@code name@version}, null when not that shape. */
    private static String[] nameAtVersion(String key) {
        String k = key.startsWith("/") ? key.substring(1) : key;
        int paren = k.indexOf('(');
        if (paren >= 0) {
            k = k.substring(0, paren);
        }
        int at = k.indexOf('@', 1);
        return at <= 0 || at == k.length() - 1 ? null : new String[]{k.substring(0, at), k.substring(at + 1)};
    }

    /** {@code [name, version]} of {@code /name/version_peers} or {@code /@scope/name/version}. */
    private static String[] nameSlashVersion(String key) {
        String k = key.startsWith("/") ? key.substring(1) : key;
        int slash = k.lastIndexOf('/');
        if (slash <= 0 || slash == k.length() - 1) {
            return null;
        }
        String version = k.substring(slash + 1);
        int underscore = version.indexOf('_');
        if (underscore == 0) {
            return null;
        }
        return new String[]{k.substring(0, slash), underscore < 0 ? version : version.substring(0, underscore)};
    }

    /** The major lockfile version ({@code 5.4} → 5, {@code '9.0'} → 9); 0 when absent or unreadable. */
    private static int major(String lockfileVersion) {
        if (lockfileVersion == null) {
            return 0;
        }
        int dot = lockfileVersion.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? lockfileVersion : lockfileVersion.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
