package io.kensa.analyze.lang.php;

import com.fasterxml.jackson.databind.JsonNode;
import io.kensa.analyze.Analyzer;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;
import io.kensa.analyze.lang.JsonTrees;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Packages Composer installed, from {@code <vendor-dir>/composer/installed.json}: Composer 1 writes a JSON array of
 * packages, Composer 2 an object {@code {"packages": [...], "dev": bool, "dev-package-names": [...]}} whose
 * {@code dev-package-names} are the packages installed only for development (empty after
 * {@code composer install --no-dev}).
 */
public final class ComposerInstalledAnalyzer implements Analyzer {
    public static final String ID = "composer-installed";

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
        return path.endsWith("composer/installed.json")
                && (path.length() == 23 || path.charAt(path.length() - 24) == '/');
    }

    @Override
    public FileResult analyze(FileEntry entry) throws IOException {
        JsonTrees.Parsed parsed = JsonTrees.read(entry, ComposerLockAnalyzer.MAX_BYTES);
        ComposerPackages packages = new ComposerPackages(entry.path(), "installed.json");
        JsonNode tree = parsed.tree();
        if (parsed.problem() != null) {
            packages.problem(parsed.problem());
        } else if (tree.isArray()) {
            packages.addAll(tree, "installed.json", false, Set.of());
        } else if (tree.isObject() && tree.has("packages")) {
            packages.addAll(tree.get("packages"), "packages", false,
                    ComposerPackages.names(tree.get("dev-package-names")));
        } else {
            packages.problem("neither a Composer 1 package array nor a Composer 2 {\"packages\": [...]} object");
        }
        return packages.packages().isEmpty() && packages.problems().isEmpty() ? null
                : FileResult.of(ID, entry.path(), packages.packages(), List.copyOf(packages.problems()));
    }
}
