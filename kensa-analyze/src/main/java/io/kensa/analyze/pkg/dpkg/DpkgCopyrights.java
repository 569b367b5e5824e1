package io.kensa.analyze.pkg.dpkg;

import io.kensa.analyze.FileResult;
import io.kensa.core.Package;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Gives deb packages the licenses {@link DpkgCopyrightAnalyzer} read from their copyright files, at inventory time.
 * A package's file is {@code usr/share/doc/<package>/copyright} as the container sees it (a later layer may replace
 * or delete it). Debian Policy (12.5) lets {@code /usr/share/doc/<package>} be a symbolic link to the directory of
 * another package built from the same source ({@code libgcc-s1} → {@code gcc-12-base}): such a directory is not
 * followed in the layers, so a package without a file of its own takes the file of a package of its source
 * package that has one. Packages that already carry licenses (distroless status.d has none, but an SBOM may) are
 * left alone.
 */
public final class DpkgCopyrights {
    private DpkgCopyrights() {
    }

    /**
     * Where a package's licenses were read.
     *
     * @param path     the copyright file
     * @param licenses the licenses it declares, as declared
     */
    public record Found(String path, List<String> licenses) {
    }

    /** {@code packages} with the licenses of their copyright files. */
    public static List<Package> attach(List<Package> packages, Function<String, List<FileResult>> resultsAt) {
        List<Package> out = new ArrayList<>(packages.size());
        for (Package p : packages) {
            if (p.type().equals("deb") && p.licenses().isEmpty()) {
                Optional<Found> found = find(p, packages, resultsAt);
                out.add(found.map(f -> p.withLicenses(f.licenses())).orElse(p));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** The copyright file of a deb package and its licenses, if one was read. */
    public static Optional<Found> find(Package p, List<Package> all, Function<String, List<FileResult>> resultsAt) {
        Optional<Found> own = at(p.name(), resultsAt);
        if (own.isPresent() || p.source() == null) {
            return own;
        }
        return all.stream()
                .filter(o -> o.type().equals("deb") && !o.name().equals(p.name()) && o.source() != null
                        && o.source().name().equals(p.source().name()))
                .map(Package::name)
                .distinct()
                .sorted(Comparator.naturalOrder())
                .map(name -> at(name, resultsAt))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<Found> at(String packageName, Function<String, List<FileResult>> resultsAt) {
        if (packageName.isEmpty() || packageName.indexOf('/') >= 0) {
            return Optional.empty();
        }
        String path = DpkgCopyrightAnalyzer.DOC + packageName + DpkgCopyrightAnalyzer.COPYRIGHT;
        for (FileResult r : resultsAt.apply(path)) {
            if (r.analyzer().equals(DpkgCopyrightAnalyzer.ID)) {
                String licenses = r.properties().get(DpkgCopyrightAnalyzer.LICENSES);
                if (licenses != null && !licenses.isBlank()) {
                    return Optional.of(new Found(path, List.of(licenses.split("\n"))));
                }
            }
        }
        return Optional.empty();
    }
}
