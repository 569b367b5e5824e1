package io.kensa.analyze.lang.java;

import io.kensa.analyze.license.LicenseTextClassifier;
import io.kensa.core.Package;

import java.nio.charset.StandardCharsets;
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
            List<String> licenses = m == own && m.licenses().isEmpty() ? archiveLicenses(c) : m.licenses();
            Package p = Package.application(TYPE, m.packageName(), m.version(), licenses, c.path(), m.foundBy());
            out.add(m == own ? p.withSha1(c.sha1()) : p);
        }
        if (own != null) {
            return out;
        }
        ManifestCoordinates.Guess guess = ManifestCoordinates.guess(c.manifest(), fileName);
        if (guess != null) {
            out.add(Package.application(TYPE, guess.packageName(), guess.version(), archiveLicenses(c),
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

    /**
     * The licenses the archive itself declares, for its own package when its pom.xml names none (most poms inherit
     * them from a parent): the manifest's OSGi {@code Bundle-License} (each comma-separated entry, without its
     * {@code ;link=…} attributes), else the licenses whose text its {@code META-INF/LICENSE} holds. Shaded
     * packages never get these: the archive's license files are its own.
     */
    static List<String> archiveLicenses(ArchiveContents c) {
        List<String> declared = bundleLicenses(c.manifest());
        if (!declared.isEmpty() || c.license() == null) {
            return declared;
        }
        List<String> held = LicenseTextClassifier.bundled().classify(new String(c.license(), StandardCharsets.UTF_8));
        // the licenses of one text apply together (a LICENSE file that appends the licenses of bundled code)
        return held.isEmpty() ? List.of() : List.of(held.size() == 1 ? held.getFirst() : "(" + String.join(") AND (",
                held) + ")");
    }

    private static List<String> bundleLicenses(JarManifest m) {
        String license = m == null ? null : m.get("Bundle-License");
        if (license == null || license.length() > MAX_LICENSE_LENGTH || license.equals("<<EXTERNAL>>")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String entry : splitOutsideQuotes(license)) {
            int semicolon = entry.indexOf(';');
            String name = (semicolon >= 0 ? entry.substring(0, semicolon) : entry).strip();
            if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1).strip();
            }
            if (!name.isEmpty()) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * The comma-separated entries of an OSGi header; a comma inside double quotes, or in a name that is not a URL
     * or id ({@code Apache License, Version 2.0}), does not separate.
     */
    private static List<String> splitOutsideQuotes(String header) {
        List<String> parts = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char ch = header.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            }
            if (ch == ',' && !quoted) {
                parts.add(b.toString());
                b.setLength(0);
            } else {
                b.append(ch);
            }
        }
        parts.add(b.toString());
        boolean allSingleTokens = parts.stream().allMatch(p -> {
            String name = p.split(";", 2)[0].strip();
            return !name.isEmpty() && name.indexOf(' ') < 0;
        });
        return allSingleTokens ? parts : List.of(header);
    }
}
