package io.kensa.analyze.lang.java;

import io.kensa.core.Package;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns what an archive holds into packages, the way users of Trivy and Syft expect. Every set of Maven
 * coordinates under {@code META-INF/maven/} is a package (a shaded jar yields one per bundled artifact). The
 * archive's own package carries its sha1: the coordinates that name the archive itself (matching its file name,
 * or its manifest, or the only ones it has); when none do, a guess from the manifest and the file name. An
 * archive with no version anywhere is recorded as unidentified, with its sha1, so that the Java index can still
 * name it at inventory time; if the index does not know it either, it is not reported (as Trivy does: it drops a
 * jar it cannot name).
 */
final class ArchiveIdentifier {
    static final String TYPE = "maven";
    private static final int MAX_LICENSE_LENGTH = 300;

    private ArchiveIdentifier() {
    }

    static List<Package> identify(ArchiveContents c) {
        ArchiveFileName fileName = ArchiveFileName.of(c.fileName());
        MavenMetadata own = own(c, fileName);
        List<Package> out = new ArrayList<>();
        for (MavenMetadata m : c.metadata()) {
            Package p = Package.application(TYPE, m.packageName(), m.version(), m.licenses(), c.path(), m.foundBy());
            out.add(m == own ? p.withSha1(c.sha1()) : p);
        }
        if (own != null) {
            return out;
        }
        ManifestCoordinates.Guess guess = ManifestCoordinates.guess(c.manifest(), fileName);
        if (guess != null) {
            out.add(Package.application(TYPE, guess.packageName(), guess.version(), manifestLicenses(c.manifest()),
                    c.path(), guess.foundBy()).withSha1(c.sha1()));
        } else {
            out.add(Package.application(TYPE, fileName.stem(), "", List.of(), c.path(),
                    JavaIndexResolver.FOUND_BY_UNIDENTIFIED).withSha1(c.sha1()));
        }
        return out;
    }

    /**
     * The coordinates naming the archive itself: those its file name spells ({@code gson-2.8.5.jar}), else those
     * its manifest points to, else the only ones it has unless its file name gives another version.
     */
    static MavenMetadata own(ArchiveContents c, ArchiveFileName fileName) {
        for (MavenMetadata m : c.metadata()) {
            if (fileName.names(m.artifactId(), m.version())) {
                return m;
            }
        }
        if (c.manifest() != null) {
            ManifestCoordinates.Guess guess = ManifestCoordinates.guess(c.manifest(), ArchiveFileName.of(""));
            for (MavenMetadata m : c.metadata()) {
                if (guess != null && guess.artifactId().equalsIgnoreCase(m.artifactId())
                        && guess.version().equals(m.version())) {
                    return m;
                }
            }
        }
        if (c.metadata().size() == 1) {
            MavenMetadata only = c.metadata().getFirst();
            if (fileName.version() == null || fileName.version().equals(only.version())) {
                return only;
            }
        }
        return null;
    }

    private static List<String> manifestLicenses(JarManifest m) {
        String license = m == null ? null : m.get("Bundle-License");
        return license == null || license.length() > MAX_LICENSE_LENGTH ? List.of() : List.of(license);
    }
}
