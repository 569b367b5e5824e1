package io.kensa.analyze.lang.npm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * npm's {@code package-lock.json} and {@code npm-shrinkwrap.json}. Versions 2 and 3 list every installed package
 * in {@code packages}, keyed by its folder ({@code node_modules/a/node_modules/b}); the root {@code ""} entry and
 * workspace folders are the project itself, {@code link: true} entries point at a folder listed on its own.
 * Version 1 has only the {@code dependencies} tree, nested as the folders are; version 2 has both, and
 * {@code packages} wins. An alias ({@code "my-ms": "npm:ms@2.1.2"}) is reported under the real package name.
 */
final class PackageLockParser {
    private static final String NODE_MODULES = "node_modules/";

    List<LockEntry> parse(InputStream in, String format) throws IOException {
        LockEntries packages = new LockEntries();
        LockEntries dependencies = new LockEntries();
        boolean[] sawPackages = {false};
        try (JsonParser parser = BoundedMappers.JSON.createParser(in)) {
            JsonEntries.forEachField(parser, format, false, (field, p) -> {
                if (field.equals("packages") && p.currentToken().isStructStart()) {
                    sawPackages[0] = true;
                    JsonEntries.forEachMember(p, (key, value) -> addPackage(key, value, packages));
                } else if (field.equals("dependencies") && !sawPackages[0]) {
                    JsonEntries.forEachMember(p, (name, value) -> addDependency(name, value, dependencies, 0));
                } else {
                    p.skipChildren();
                }
            });
        }
        return sawPackages[0] ? packages.list() : dependencies.list();
    }

    private static void addPackage(String key, JsonNode entry, LockEntries out) {
        int at = key.lastIndexOf(NODE_MODULES);
        if (!entry.isObject() || at < 0 || (at > 0 && key.charAt(at - 1) != '/') || entry.path("link").asBoolean()) {
            return;
        }
        String name = JsonEntries.text(entry.get("name"));
        if (name == null) {
            name = key.substring(at + NODE_MODULES.length());
        }
        out.add(name, JsonEntries.text(entry.get("version")), NpmLicenses.of(entry), entry.path("dev").asBoolean());
    }

    /** A v1 entry and, recursively, the entries nested in its own {@code node_modules}. */
    private static void addDependency(String name, JsonNode entry, LockEntries out, int depth) {
        if (!entry.isObject() || depth > BoundedMappers.MAX_DEPTH) {
            return;
        }
        String version = JsonEntries.text(entry.get("version"));
        if (version != null && version.startsWith("npm:")) {
            String spec = version.substring(4);
            int at = spec.lastIndexOf('@');
            if (at > 0) {
                name = spec.substring(0, at);
                version = spec.substring(at + 1);
            }
        }
        out.add(name, version, List.of(), entry.path("dev").asBoolean());
        JsonNode nested = entry.get("dependencies");
        if (nested != null && nested.isObject()) {
            for (Map.Entry<String, JsonNode> e : nested.properties()) {
                addDependency(e.getKey(), e.getValue(), out, depth + 1);
            }
        }
    }
}
