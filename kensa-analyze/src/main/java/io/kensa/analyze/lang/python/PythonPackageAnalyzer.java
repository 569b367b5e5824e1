package io.kensa.analyze.lang.python;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;
import io.kensa.core.Package;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Installed Python distributions, wherever they are (site-packages, Debian's dist-packages, virtual environments,
 * {@code pip install --target} folders): {@code *.dist-info/METADATA} (wheels), {@code *.egg-info/PKG-INFO} and
 * {@code *.egg-info} as a single file (setuptools, distutils), {@code *.egg/EGG-INFO/PKG-INFO} (unzipped eggs) and
 * zipped {@code *.egg} files. Names are normalised as PEP 503 says; each package's path is its metadata file (the
 * {@code .egg} itself for a zipped egg).
 */
public final class PythonPackageAnalyzer implements Analyzer {
    public static final String ID = "python";
    static final long MAX_METADATA_BYTES = 8L << 20;

    private static final String METADATA = "METADATA";
    private static final String PKG_INFO = "PKG-INFO";

    private final CoreMetadataParser parser = new CoreMetadataParser();
    private final EggArchive eggs = new EggArchive(MAX_METADATA_BYTES);

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
        return path.endsWith(".dist-info/METADATA") || path.endsWith(".egg-info/PKG-INFO")
                || path.endsWith(".egg-info") || path.endsWith(".egg/EGG-INFO/PKG-INFO") || path.endsWith(".egg");
    }

    @Override
    public FileResult analyze(FileEntry entry) throws IOException {
        String path = entry.path();
        if (path.endsWith(".egg")) {
            EggArchive.Result egg = eggs.read(entry);
            return egg.problem() != null ? warning(path, egg.problem()) : result(path, egg.metadata(), PKG_INFO);
        }
        if (entry.size() > MAX_METADATA_BYTES) {
            return warning(path, "skipped: " + entry.size() + " bytes is over the " + MAX_METADATA_BYTES
                    + "-byte limit for Python metadata");
        }
        try (InputStream in = entry.open()) {
            return result(path, parser.parse(in), path.endsWith(METADATA) ? METADATA : PKG_INFO);
        }
    }

    private static FileResult result(String path, CoreMetadata m, String foundBy) {
        if (m.name() == null || m.version() == null) {
            return warning(path, "no " + (m.name() == null ? "Name" : "Version") + " in the Python package metadata");
        }
        Package p = Package.application("pypi", PythonNames.normalize(m.name()), m.version(), m.licenses(), path,
                foundBy);
        return FileResult.ofPackages(ID, path, List.of(p));
    }

    private static FileResult warning(String path, String message) {
        return FileResult.of(ID, path, List.of(), List.of(message));
    }
}
