package io.kensa.analyze.lang.php;

import com.fasterxml.jackson.databind.JsonNode;
import io.kensa.analyze.Analyzer;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;
import io.kensa.analyze.lang.JsonTrees;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/** Packages locked in a {@code composer.lock}: {@code packages}, and {@code packages-dev} marked as dev ones. */
public final class ComposerLockAnalyzer implements Analyzer {
    /** Largest Composer JSON file read: a big application's {@code composer.lock} is a few MB. */
    static final long MAX_BYTES = 64L << 20;

    public static final String ID = "composer-lock";

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
        return path.endsWith("composer.lock") && (path.length() == 13 || path.charAt(path.length() - 14) == '/');
    }

    @Override
    public FileResult analyze(FileEntry entry) throws IOException {
        JsonTrees.Parsed parsed = JsonTrees.read(entry, MAX_BYTES);
        ComposerPackages packages = new ComposerPackages(entry.path(), "composer.lock");
        JsonNode tree = parsed.tree();
        if (parsed.problem() != null) {
            packages.problem(parsed.problem());
        } else if (tree.isObject() && (tree.has("packages") || tree.has("packages-dev"))) {
            packages.addAll(tree.get("packages"), "packages", false, Set.of());
            packages.addAll(tree.get("packages-dev"), "packages-dev", true, Set.of());
        } else {
            packages.problem("not a composer.lock: no \"packages\"");
        }
        return packages.packages().isEmpty() && packages.problems().isEmpty() ? null
                : FileResult.of(ID, entry.path(), packages.packages(), List.copyOf(packages.problems()));
    }
}
