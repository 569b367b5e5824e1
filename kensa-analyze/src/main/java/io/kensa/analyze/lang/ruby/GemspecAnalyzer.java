package io.kensa.analyze.lang.ruby;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;
import io.kensa.core.Package;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Installed gems: the gemspecs RubyGems writes under {@code specifications/} of every gem home
 * ({@code usr/lib/ruby/gems/3.1.0/specifications/}, {@code usr/local/bundle/specifications/},
 * {@code usr/share/rubygems-integration/all/specifications/}, Bundler's {@code vendor/bundle/ruby/X/specifications/},
 * and {@code specifications/default/} for default gems). Read by {@link GemspecReader}, never evaluated.
 */
public final class GemspecAnalyzer implements Analyzer {
    public static final String ID = "gemspec";
    /** Largest gemspec read (RubyGems writes a few kB; bundler's own is 12 kB). */
    static final long MAX_BYTES = 1L << 20;

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
        return path.endsWith(".gemspec") && (path.startsWith("specifications/") || path.contains("/specifications/"));
    }

    @Override
    public FileResult analyze(FileEntry entry) throws IOException {
        if (entry.size() > MAX_BYTES) {
            return FileResult.of(ID, entry.path(), List.of(),
                    List.of("gemspec skipped: " + entry.size() + " bytes is over the " + MAX_BYTES + "-byte limit"));
        }
        GemspecFields fields = GemspecReader.read(new String(entry.readAllBytes(MAX_BYTES), StandardCharsets.UTF_8));
        List<String> warnings = new ArrayList<>(fields.problems());
        if (blank(fields.name()) || blank(fields.version())) {
            warnings.addFirst("gemspec without a literal name and version");
            return FileResult.of(ID, entry.path(), List.of(), warnings);
        }
        Package gem = Package.application("gem", fields.name(), fields.version(), fields.licenses(), entry.path(),
                "gemspec");
        return FileResult.of(ID, entry.path(), List.of(gem), warnings);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
