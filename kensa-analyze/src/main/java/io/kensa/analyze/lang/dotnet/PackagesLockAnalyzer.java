package io.kensa.analyze.lang.dotnet;

import com.fasterxml.jackson.databind.JsonNode;
import io.kensa.analyze.Analyzer;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;
import io.kensa.analyze.lang.JsonTrees;
import io.kensa.core.Package;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NuGet's lock file {@code packages.lock.json}: {@code dependencies} maps each target framework to the packages
 * restored for it, {@code "Name": {"type": "Direct" | "Transitive" | "CentralTransitive" | "Project",
 * "resolved": "version"}}. {@code Project} entries are other projects of the solution, not packages. A package
 * locked for several frameworks at one version is one package.
 */
public final class PackagesLockAnalyzer implements Analyzer {
    public static final String ID = "nuget-lock";
    /** Most entries read from one file. */
    static final int MAX_ENTRIES = 200_000;

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
        return path.endsWith("packages.lock.json")
                && (path.length() == 18 || path.charAt(path.length() - 19) == '/');
    }

    @Override
    public FileResult analyze(FileEntry entry) throws IOException {
        JsonTrees.Parsed parsed = JsonTrees.read(entry, DepsJsonAnalyzer.MAX_BYTES);
        if (parsed.problem() != null) {
            return FileResult.of(ID, entry.path(), List.of(), List.of(parsed.problem()));
        }
        JsonNode frameworks = parsed.tree().path("dependencies");
        if (!frameworks.isObject()) {
            return FileResult.of(ID, entry.path(), List.of(), List.of("not a NuGet lock file: no \"dependencies\""));
        }
        Map<String, Package> packages = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int count = 0;
        for (JsonNode framework : frameworks) {
            for (Map.Entry<String, JsonNode> dep : framework.properties()) {
                if (++count > MAX_ENTRIES) {
                    problems.add("more than " + MAX_ENTRIES + " entries; the rest is not read");
                    return FileResult.of(ID, entry.path(), List.copyOf(packages.values()), problems);
                }
                if (dep.getValue().path("type").asText("").equalsIgnoreCase("Project")) {
                    continue;
                }
                JsonNode resolved = dep.getValue().path("resolved");
                if (!resolved.isTextual() || resolved.asText().isBlank() || dep.getKey().isBlank()) {
                    if (problems.size() < 10) {
                        problems.add("\"" + dep.getKey() + "\" has no resolved version");
                    }
                    continue;
                }
                String version = resolved.asText();
                packages.putIfAbsent(dep.getKey() + "@" + version, Package.application("nuget", dep.getKey(),
                        version, List.of(), entry.path(), "packages.lock.json"));
            }
        }
        return packages.isEmpty() && problems.isEmpty() ? null
                : FileResult.of(ID, entry.path(), List.copyOf(packages.values()), problems);
    }
}
