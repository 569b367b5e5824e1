package io.kensa.analyze.pkg.apk;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;
import io.kensa.analyze.pkg.OwnedFiles;
import io.kensa.core.Package;
import io.kensa.core.SourcePackage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * apk's database {@code lib/apk/db/installed}: one record per package, lines {@code K:value}, records separated
 * by blank lines. Name (P), version (V), architecture (A), origin (o, the source package) and license (L); the
 * package's files are its {@code R:} lines, each in the directory of the {@code F:} line before it (the root
 * directory is an empty {@code F:}). Directories themselves are not kept as owned files.
 */
public final class ApkInstalledAnalyzer implements Analyzer {
    public static final String ID = "apk";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int version() {
        return 2;
    }

    @Override
    public boolean wants(String path) {
        return path.equals("lib/apk/db/installed") || path.equals("usr/lib/apk/db/installed");
    }

    @Override
    public FileResult analyze(FileEntry entry) throws IOException {
        List<Package> packages = new ArrayList<>();
        OwnedFiles owned = new OwnedFiles();
        List<String> warnings = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(entry.open(), StandardCharsets.UTF_8))) {
            Record rec = new Record();
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty()) {
                    rec.emit(entry.path(), packages, owned, warnings);
                    rec = new Record();
                    continue;
                }
                if (line.length() < 2 || line.charAt(1) != ':') {
                    continue;
                }
                String v = line.substring(2);
                switch (line.charAt(0)) {
                    case 'P' -> rec.name = v;
                    case 'V' -> rec.version = v;
                    case 'A' -> rec.arch = v;
                    case 'o' -> rec.origin = v;
                    case 'L' -> rec.license = v;
                    case 'F' -> rec.dir = v.isEmpty() ? "" : v + "/";
                    case 'R' -> rec.files.add(new FileLine(rec.dir, v));
                    default -> {
                    }
                }
            }
            rec.emit(entry.path(), packages, owned, warnings);
        }
        if (owned.warning() != null) {
            warnings.add(owned.warning());
        }
        return packages.isEmpty() && warnings.isEmpty() ? null
                : new FileResult(ID, entry.path(), packages, Map.of(), warnings, owned.byOwner());
    }

    /** An R: line with the directory of the F: line before it. */
    private record FileLine(String dir, String name) {
    }

    /** The fields of the record being read. */
    private static final class Record {
        String name;
        String version;
        String arch;
        String origin;
        String license;
        /** Directory of the R: lines that follow, with its trailing slash; "" for the root. */
        String dir = "";
        final List<FileLine> files = new ArrayList<>();

        void emit(String path, List<Package> out, OwnedFiles owned, List<String> warnings) {
            if (name == null) {
                return;
            }
            if (version == null) {
                warnings.add("package " + name + " has no version");
                return;
            }
            List<String> licenses = license == null || license.isBlank() ? List.of() : List.of(license);
            out.add(Package.of("apk", name, version, arch, new SourcePackage(origin == null ? name : origin, version),
                    licenses, path));
            for (FileLine f : files) {
                owned.add(name, f.dir(), f.name());
            }
        }
    }
}
