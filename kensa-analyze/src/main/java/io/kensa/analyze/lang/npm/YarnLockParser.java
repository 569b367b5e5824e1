package io.kensa.analyze.lang.npm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * {@code yarn.lock} in both of its formats. Yarn 1 ("classic") writes its own format: unindented lines naming the
 * descriptors an entry satisfies ({@code "@babel/core@^7.0.0", "@babel/core@^7.1.0":}), then indented fields such
 * as {@code version "7.1.2"}. Yarn 2 and later ("berry") write YAML with a {@code __metadata} entry and a
 * {@code resolution} per entry ({@code "ms@npm:2.1.2"}); the project's own workspaces and the patched copies
 * yarn makes of some packages are not packages of their own. Neither format says which packages are dev-only.
 */
final class YarnLockParser {
    /** Resolution protocols that do not name a package of their own. */
    private static final Set<String> NOT_PACKAGES = Set.of("workspace", "patch", "link", "portal");
    private static final int PEEK_BYTES = 8 << 10;

    List<LockEntry> parse(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, PEEK_BYTES * 2);
        in.mark(PEEK_BYTES);
        String head = new String(in.readNBytes(PEEK_BYTES), StandardCharsets.UTF_8);
        in.reset();
        return isBerry(head) ? parseBerry(in) : parseClassic(in);
    }

    private static boolean isBerry(String head) {
        for (String line : head.split("\n", -1)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            return line.stripTrailing().equals("__metadata:");
        }
        return false;
    }

    private static List<LockEntry> parseClassic(InputStream in) throws IOException {
        LockEntries out = new LockEntries();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String name = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                name = line.endsWith(":") ? classicName(line.substring(0, line.length() - 1)) : null;
            } else if (name != null && line.startsWith("  version ")) {
                out.add(name, unquote(line.substring("  version ".length()).strip()), List.of(), false);
                name = null;
            }
        }
        return out.list();
    }

    /** The package named by the first descriptor of an entry's key line; an alias names the real package. */
    private static String classicName(String keys) {
        int comma = keys.indexOf(", ");
        String descriptor = unquote((comma < 0 ? keys : keys.substring(0, comma)).strip());
        String name = descriptorName(descriptor);
        if (name == null) {
            return null;
        }
        String range = descriptor.substring(name.length() + 1);
        if (range.startsWith("npm:")) {
            String aliased = descriptorName(range.substring(4));
            return aliased == null ? range.substring(4) : aliased;
        }
        return name;
    }

    /** {@code @scope/name} of {@code @scope/name@range}, null when there is no range. */
    private static String descriptorName(String descriptor) {
        int at = descriptor.indexOf('@', 1);
        return at <= 0 ? null : descriptor.substring(0, at);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static List<LockEntry> parseBerry(InputStream in) throws IOException {
        LockEntries out = new LockEntries();
        try (JsonParser parser = BoundedMappers.YAML.createParser(in)) {
            JsonEntries.forEachField(parser, "yarn.lock", false, (key, p) -> {
                if (key.equals("__metadata")) {
                    p.skipChildren();
                    return;
                }
                JsonNode entry = p.readValueAsTree();
                if (entry != null && entry.isObject()) {
                    addBerry(entry, out);
                }
            });
        }
        return out.list();
    }

    private static void addBerry(JsonNode entry, LockEntries out) {
        String resolution = JsonEntries.text(entry.get("resolution"));
        String name = resolution == null ? null : descriptorName(resolution);
        if (name == null) {
            return;
        }
        String reference = resolution.substring(name.length() + 1);
        int colon = reference.indexOf(':');
        if (colon > 0 && NOT_PACKAGES.contains(reference.substring(0, colon))) {
            return;
        }
        out.add(name, JsonEntries.text(entry.get("version")), List.of(), false);
    }
}
