package io.kensa.analyze.lang.rust;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.kensa.analyze.Analyzer;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;
import io.kensa.core.Package;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Cargo.lock} files, every format Cargo has written: the {@code [[package]]} tables (name, version) of
 * lock versions 1 to 4, and the {@code [root]} table of the oldest version-1 files (the workspace's own crate).
 * Every locked package is reported, workspace members included; Cargo.lock does not say which are dev-only.
 */
public final class CargoLockAnalyzer implements Analyzer {
    static final long MAX_SIZE = 16L << 20;
    private static final String NAME = "Cargo.lock";

    /** Created on first use: images without a Cargo.lock do not load the TOML reader. */
    private static final class Toml {
        static final TomlMapper MAPPER = new TomlMapper();
    }

    @Override
    public String id() {
        return "cargo-lock";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(String path) {
        return path.endsWith(NAME)
                && (path.length() == NAME.length() || path.charAt(path.length() - NAME.length() - 1) == '/');
    }

    @Override
    public FileResult analyze(FileEntry entry) throws IOException {
        if (entry.size() > MAX_SIZE) {
            return warning(entry, "larger than " + MAX_SIZE + " bytes; not read");
        }
        JsonNode root;
        try {
            root = Toml.MAPPER.readTree(entry.readAllBytes(MAX_SIZE));
        } catch (JacksonException e) {
            return warning(entry, "not valid TOML: " + e.getOriginalMessage());
        }
        List<Package> packages = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        JsonNode legacyRoot = root == null ? null : root.get("root");
        if (legacyRoot != null && legacyRoot.isObject()) {
            add(legacyRoot, entry.path(), packages, problems);
        }
        JsonNode list = root == null ? null : root.get("package");
        if (list != null && list.isArray()) {
            for (JsonNode p : list) {
                add(p, entry.path(), packages, problems);
            }
        }
        List<String> warnings = problems.isEmpty() ? List.of()
                : List.of(entry.path() + ": " + problems.size() + " [[package]] entr"
                + (problems.size() == 1 ? "y" : "ies") + " without a name and version, first: " + problems.getFirst());
        if (packages.isEmpty() && warnings.isEmpty()) {
            return null;
        }
        return FileResult.of(id(), entry.path(), packages, warnings);
    }

    private static void add(JsonNode p, String path, List<Package> packages, List<String> problems) {
        JsonNode name = p.get("name");
        JsonNode version = p.get("version");
        if (name == null || !name.isTextual() || version == null || !version.isTextual()) {
            String s = p.toString();
            problems.add(s.length() > 80 ? s.substring(0, 80) + "…" : s);
            return;
        }
        packages.add(Package.application(AuditableDependencies.TYPE, name.asText(), version.asText(), List.of(), path,
                NAME));
    }

    private FileResult warning(FileEntry entry, String message) {
        return FileResult.of(id(), entry.path(), List.of(), List.of(entry.path() + ": " + message));
    }
}
