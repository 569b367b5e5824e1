package io.kensa.analyze.pkg.rpm;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.pkg.OwnedFiles;
import io.kensa.analyze.pkg.rpm.header.HeaderParser;
import io.kensa.analyze.pkg.rpm.header.MalformedHeaderException;
import io.kensa.analyze.pkg.rpm.header.RpmHeader;
import io.kensa.core.Package;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects the packages of one database file, and the files each owns, from its header blobs. A damaged header or record is skipped with a
 * warning (at most {@value #MAX_WARNINGS} listed, then a count) so the rest of the database still counts.
 */
final class PackageCollector implements HeaderBlobSink {
    static final int MAX_WARNINGS = 20;

    private final String path;
    private final List<Package> packages = new ArrayList<>();
    private final OwnedFiles files = new OwnedFiles();
    private final List<String> warnings = new ArrayList<>();
    private long unlisted;

    PackageCollector(String path) {
        this.path = path;
    }

    @Override
    public void header(long instance, byte[] blob) {
        RpmHeader header;
        Optional<Package> pkg;
        try {
            header = HeaderParser.parse(blob);
            pkg = RpmPackageMapper.toPackage(header, path);
        } catch (MalformedHeaderException e) {
            warn("skipped header " + instance + ": " + e.getMessage());
            return;
        }
        if (pkg.isEmpty()) {
            return;
        }
        packages.add(pkg.get());
        try {
            RpmFileList.collect(header, pkg.get().name(), files);
        } catch (MalformedHeaderException e) {
            warn("file list of " + pkg.get().name() + " (header " + instance + ") not read: " + e.getMessage());
        }
    }

    @Override
    public void skipped(long instance, String reason) {
        warn("skipped record: " + reason);
    }

    private void warn(String warning) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(warning);
        } else {
            unlisted++;
        }
    }

    FileResult result() {
        List<String> all = new ArrayList<>(warnings);
        if (unlisted > 0) {
            all.add(unlisted + " more damaged records skipped");
        }
        if (files.warning() != null) {
            all.add(files.warning());
        }
        return new FileResult(RpmDbAnalyzer.ID, path, packages, Map.of(), all, files.byOwner());
    }
}
