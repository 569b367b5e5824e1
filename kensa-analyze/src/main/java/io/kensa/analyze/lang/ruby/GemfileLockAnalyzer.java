package io.kensa.analyze.lang.ruby;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;
import io.kensa.core.Package;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Gems locked by Bundler in a {@code Gemfile.lock} (or {@code gems.locked}), read by {@link GemfileLockParser}. */
public final class GemfileLockAnalyzer implements Analyzer {
    public static final String ID = "gemfile-lock";
    /** Largest lock file read (a large Rails application's is a few hundred kB). */
    static final long MAX_BYTES = 16L << 20;

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
        return path.endsWith("Gemfile.lock") && (path.length() == 12 || path.charAt(path.length() - 13) == '/')
                || path.endsWith("gems.locked") && (path.length() == 11 || path.charAt(path.length() - 12) == '/');
    }

    @Override
    public FileResult analyze(FileEntry entry) throws IOException {
        if (entry.size() > MAX_BYTES) {
            return FileResult.of(ID, entry.path(), List.of(),
                    List.of("lock file skipped: " + entry.size() + " bytes is over the " + MAX_BYTES + "-byte limit"));
        }
        GemfileLockParser.Result result;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(entry.open(), StandardCharsets.UTF_8))) {
            result = GemfileLockParser.parse(r);
        }
        List<Package> gems = result.gems().stream()
                .map(g -> Package.application("gem", g.name(), g.version(), List.of(), entry.path(), "Gemfile.lock"))
                .toList();
        return gems.isEmpty() && result.problems().isEmpty() ? null
                : FileResult.of(ID, entry.path(), gems, result.problems());
    }
}
