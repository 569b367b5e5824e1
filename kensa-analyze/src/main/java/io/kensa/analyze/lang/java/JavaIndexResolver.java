package io.kensa.analyze.lang.java;

import io.kensa.core.JavaIndex;
import io.kensa.core.MavenCoordinates;
import io.kensa.core.Package;

import java.util.List;
import java.util.Optional;

/**
 * Names Java archives through the Java index after the layers are merged, so a newer database renames jars
 * without reading any layer again. An archive whose sha1 the index knows is that artifact, whatever weaker
 * evidence (manifest, file name) said; Maven metadata inside the archive ({@code pom.properties},
 * {@code pom.xml}) stays as found, since a shaded jar carries several artifacts under one sha1. A name guessed
 * from a manifest or a file name keeps its artifact id and version, but takes the group id the index knows for
 * them when the guessed one is not among those. An archive recorded as unidentified (no version anywhere) is
 * reported only when the index knows its sha1.
 */
public final class JavaIndexResolver {
    public static final String FOUND_BY_INDEX = "sha1-index";
    /** The evidence of an archive that nothing inside names: a package only if the index knows its sha1. */
    public static final String FOUND_BY_UNIDENTIFIED = "unidentified";
    private static final String FOUND_BY_POM_PROPERTIES = MavenMetadata.POM_PROPERTIES;
    private static final String FOUND_BY_POM_XML = MavenMetadata.POM_XML;

    private final JavaIndex index;

    public JavaIndexResolver(JavaIndex index) {
        this.index = index;
    }

    /** The package as the index names it; empty for an unidentified archive the index does not know. */
    public Optional<Package> resolve(Package p) {
        if (!"maven".equals(p.type()) || FOUND_BY_POM_PROPERTIES.equals(p.foundBy())) {
            return Optional.of(p);
        }
        if (p.sha1() != null) {
            Optional<MavenCoordinates> hit = index.bySha1(p.sha1());
            if (hit.isPresent()) {
                return Optional.of(p.withIdentity(hit.get().packageName(), hit.get().version(), FOUND_BY_INDEX));
            }
        }
        if (FOUND_BY_UNIDENTIFIED.equals(p.foundBy())) {
            return Optional.empty();
        }
        if (FOUND_BY_POM_XML.equals(p.foundBy())) {
            return Optional.of(p);
        }
        int colon = p.name().indexOf(':');
        String artifactId = colon < 0 ? p.name() : p.name().substring(colon + 1);
        List<String> groups = index.groupIds(artifactId, p.version());
        if (!groups.isEmpty() && !groups.contains(colon < 0 ? "" : p.name().substring(0, colon))) {
            return Optional.of(p.withIdentity(groups.getFirst() + ":" + artifactId, p.version(), p.foundBy()));
        }
        return Optional.of(p);
    }
}
