package io.kensa.analyze.pkg.dpkg;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;
import io.kensa.core.Package;
import io.kensa.core.SourcePackage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dpkg database: {@code var/lib/dpkg/status} (packages whose status is "installed") and the one-paragraph
 * files of distroless images in {@code var/lib/dpkg/status.d/}. Versions are kept as recorded, epoch included;
 * the source package is {@code Source:} (with its own version when it gives one), else the package itself.
 */
public final class DpkgStatusAnalyzer implements Analyzer {
    public static final String ID = "dpkg";
    private static final String STATUS = "var/lib/dpkg/status";
    private static final String STATUS_D = "var/lib/dpkg/status.d/";
    private static final Set<String> FIELDS = Set.of("Package", "Status", "Version", "Architecture", "Source");

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
        if (!path.startsWith("var/lib/dpkg/status")) {
            return false;
        }
        if (path.length() == STATUS.length()) {
            return true;
        }
        return path.startsWith(STATUS_D) && path.indexOf('/', STATUS_D.length()) < 0 && !path.endsWith(".md5sums");
    }

    @Override
    public FileResult analyze(FileEntry entry) throws IOException {
        List<Map<String, String>> paragraphs;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(entry.open(), StandardCharsets.UTF_8))) {
            paragraphs = Deb822Parser.parse(reader, FIELDS);
        }
        List<Package> packages = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        boolean statusD = entry.path().startsWith(STATUS_D);
        for (Map<String, String> p : paragraphs) {
            String name = p.get("Package");
            String version = p.get("Version");
            if (name == null || name.isEmpty()) {
                continue;
            }
            if (!installed(p.get("Status"), statusD)) {
                continue;
            }
            if (version == null || version.isEmpty()) {
                warnings.add("package " + name + " has no Version");
                continue;
            }
            packages.add(Package.of("deb", name, version, p.get("Architecture"), source(p.get("Source"), name, version),
                    List.of(), entry.path()));
        }
        if (packages.isEmpty() && warnings.isEmpty()) {
            return null;
        }
        return new FileResult(ID, entry.path(), packages, Map.of(), warnings);
    }

    /** dpkg's "want flag status": only the third word matters; status.d paragraphs usually have none. */
    static boolean installed(String status, boolean statusD) {
        if (status == null) {
            return statusD;
        }
        String[] words = status.trim().split("\\s+");
        return words.length == 3 && words[2].equals("installed");
    }

    /** {@code Source: name} or {@code Source: name (version)}; defaults to the binary package. */
    static SourcePackage source(String field, String name, String version) {
        if (field == null || field.isBlank()) {
            return new SourcePackage(name, version);
        }
        String f = field.trim();
        int paren = f.indexOf('(');
        if (paren > 0 && f.endsWith(")")) {
            return new SourcePackage(f.substring(0, paren).trim(), f.substring(paren + 1, f.length() - 1).trim());
        }
        return new SourcePackage(f, version);
    }
}
