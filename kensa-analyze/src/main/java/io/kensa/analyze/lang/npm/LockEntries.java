package io.kensa.analyze.lang.npm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packages of one lock file, one per name and version: a version installed at several places of the tree is one
 * package, a development dependency only if every copy is one. A "version" that is a reference
 * ({@code file:../lib}, {@code git+https://…#sha}, {@code link:…}) names no published version and is left out: the
 * installed copy's {@code package.json} has the real one.
 */
final class LockEntries {
    /** More entries than any real lock file holds; past it a hostile file stops adding. */
    static final int MAX_ENTRIES = 200_000;

    private final Map<String, LockEntry> byId = new LinkedHashMap<>();

    void add(String name, String version, List<String> licenses, boolean dev) {
        if (name == null || version == null || name.isBlank() || version.isBlank() || version.indexOf(':') >= 0) {
            return;
        }
        String id = name + "@" + version;
        LockEntry old = byId.get(id);
        if (old != null) {
            if (old.dev() && !dev) {
                byId.put(id, new LockEntry(old.name(), old.version(), old.licenses(), false));
            }
            return;
        }
        if (byId.size() >= MAX_ENTRIES) {
            return;
        }
        byId.put(id, new LockEntry(name, version, licenses, dev));
    }

    List<LockEntry> list() {
        return new ArrayList<>(byId.values());
    }
}
