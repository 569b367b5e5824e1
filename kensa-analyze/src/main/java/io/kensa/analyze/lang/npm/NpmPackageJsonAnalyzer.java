package io.kensa.analyze.lang.npm;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kensa.analyze.Analyzer;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;
import io.kensa.core.Package;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Installed npm packages: the {@code package.json} at the top of each package directory under {@code node_modules}
 * (see {@link NodeModulesPaths}). A manifest without a name or a version (a package's build leftovers) is not a
 * package and is skipped without a warning; malformed JSON costs one warning.
 */
public final class NpmPackageJsonAnalyzer implements Analyzer {
    public static final String ID = "npm";
    public static final String FOUND_BY = "package.json";

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
        return NodeModulesPaths.isInstalledManifest(path);
    }

    @Override
    public FileResult analyze(FileEntry entry) throws IOException {
        if (entry.size() > BoundedMappers.MAX_MANIFEST_BYTES) {
            return warning(entry, "skipped: " + entry.size() + " bytes is over the "
                    + BoundedMappers.MAX_MANIFEST_BYTES + "-byte limit for a package.json");
        }
        JsonNode manifest;
        try (InputStream in = entry.open()) {
            manifest = BoundedMappers.JSON.readTree(in);
        } catch (JacksonException e) {
            return warning(entry, "not valid JSON (" + Messages.firstLine(e) + ")");
        }
        if (manifest == null || !manifest.isObject()) {
            return null;
        }
        String name = text(manifest.get("name"));
        String version = text(manifest.get("version"));
        if (name == null || version == null) {
            return null;
        }
        Package p = Package.application("npm", name, version, NpmLicenses.of(manifest), entry.path(), FOUND_BY);
        return FileResult.ofPackages(ID, entry.path(), List.of(p));
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.textValue().isBlank() ? node.textValue().strip() : null;
    }

    private static FileResult warning(FileEntry entry, String message) {
        return FileResult.of(ID, entry.path(), List.of(), List.of(message));
    }
}
