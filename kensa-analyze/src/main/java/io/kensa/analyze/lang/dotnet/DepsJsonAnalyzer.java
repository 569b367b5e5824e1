package io.kensa.analyze.lang.dotnet;

import com.fasterxml.jackson.databind.JsonNode;
import io.kensa.analyze.Analyzer;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;
import io.kensa.analyze.lang.JsonTrees;
import io.kensa.core.Package;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * NuGet packages an application was built with, from the {@code *.deps.json} the .NET SDK writes beside it. Each
 * entry of {@code libraries} is {@code "Name/Version": {"type": ...}}: {@code package} entries are NuGet packages,
 * {@code runtimepack} entries the .NET runtime bundled into a self-contained app (reported under the runtime
 * package's own name, without the SDK's {@code runtimepack.} prefix); {@code project} and {@code reference}
 * entries are the application's own code. As Trivy does, a package that the runtime target lists without any
 * {@code runtime}, {@code runtimeTargets} or {@code native} asset is left out: nothing of it ships with the
 * application (analyzers, reference assemblies, packages the framework already provides).
 */
public final class DepsJsonAnalyzer implements Analyzer {
    /** Largest .NET JSON file read (deps.json, packages.lock.json): a self-contained application's deps.json is about 1 MB. */
    static final long MAX_BYTES = 32L << 20;

    public static final String ID = "dotnet-deps";
    private static final String RUNTIME_PACK = "runtimepack.";
    /** Most libraries read from one file. */
    static final int MAX_LIBRARIES = 100_000;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(String path) {
        return path.endsWith(".deps.json");
    }

    @Override
    public FileResult analyze(FileEntry entry) throws IOException {
        JsonTrees.Parsed parsed = JsonTrees.read(entry, MAX_BYTES);
        if (parsed.problem() != null) {
            return FileResult.of(ID, entry.path(), List.of(), List.of(parsed.problem()));
        }
        JsonNode libraries = parsed.tree().path("libraries");
        if (!libraries.isObject()) {
            return parsed.tree().isObject() ? null
                    : FileResult.of(ID, entry.path(), List.of(), List.of("not a deps.json object"));
        }
        JsonNode target = runtimeTarget(parsed.tree());
        List<Package> packages = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int count = 0;
        for (Map.Entry<String, JsonNode> library : libraries.properties()) {
            if (++count > MAX_LIBRARIES) {
                problems.add("more than " + MAX_LIBRARIES + " libraries; the rest is not read");
                break;
            }
            String key = library.getKey();
            String type = library.getValue().path("type").asText("");
            boolean runtimePack = type.equalsIgnoreCase("runtimepack");
            if (!type.equalsIgnoreCase("package") && !runtimePack) {
                continue;
            }
            int slash = key.indexOf('/');
            if (slash <= 0 || slash == key.length() - 1) {
                if (problems.size() < 10) {
                    problems.add("library \"" + abbreviate(key) + "\" is not Name/Version");
                }
                continue;
            }
            if (!shipsAssets(target, key)) {
                continue;
            }
            String name = key.substring(0, slash);
            if (runtimePack && name.startsWith(RUNTIME_PACK) && name.length() > RUNTIME_PACK.length()) {
                name = name.substring(RUNTIME_PACK.length());
            }
            packages.add(Package.application("nuget", name, key.substring(slash + 1), List.of(), entry.path(),
                    "deps.json"));
        }
        return packages.isEmpty() && problems.isEmpty() ? null : FileResult.of(ID, entry.path(), packages, problems);
    }

    /** {@code targets[runtimeTarget.name]}, or null when the file has none. */
    private static JsonNode runtimeTarget(JsonNode tree) {
        JsonNode name = tree.path("runtimeTarget").path("name");
        if (!name.isTextual()) {
            return null;
        }
        JsonNode target = tree.path("targets").get(name.asText());
        return target != null && target.isObject() ? target : null;
    }

    /** Whether the runtime target gives the library an asset; true when it does not list the library at all. */
    private static boolean shipsAssets(JsonNode target, String key) {
        JsonNode lib = target == null ? null : target.get(key);
        if (lib == null) {
            return true;
        }
        return nonEmpty(lib.get("runtime")) || nonEmpty(lib.get("runtimeTargets")) || nonEmpty(lib.get("native"));
    }

    private static boolean nonEmpty(JsonNode n) {
        return n != null && (n.isObject() || n.isArray()) && !n.isEmpty();
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
