package io.kensa.analyze.pkg.rpm;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.pkg.rpm.header.HeaderParser;
import io.kensa.analyze.pkg.rpm.header.MalformedHeaderException;
import io.kensa.core.Package;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects the packages of one database file from its header blobs. A damaged header or record is skipped with a
 * warning (at most {@value #MAX_WARNINGS} listed, then a count) so the rest of the database still counts.
 */
final class PackageCollector implements HeaderBlobSink {
    static final int MAX_WARNINGS = 20;

    private final String path;
    private final List<Package> packages = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private long unlisted;

    PackageCollector(String path) {
        this.path = path;
    }

    @Override
    public void header(long instance, byte[] blob) {
        try {
            RpmPackageMapper.toPackage(HeaderParser.parse(blob), path).ifPresent(packages::add);
        } catch (MalformedHeaderException e) {
            warn("skipped header " + instance + ": " + e.getMessage());
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
        return new FileResult(RpmDbAnalyzer.ID, path, packages, Map.of(), all);
    }
}
