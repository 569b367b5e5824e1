package io.kensa.analyze.lang.java;

import io.kensa.core.JavaIndex;
import io.kensa.core.MavenCoordinates;
import io.kensa.core.Package;

import java.util.List;
import java.util.Optional;

/**
 * Names Java archives through the Java index after the layers are merged, so a newer database renames jars
 * without reading any layer again. An archive whose sha1 the index knows is that artifact, whatever weaker
 * evidence (manifest, file name) said; Maven metadata inside the archive ({@code pom.properties}) stays as
 * found, since a shaded jar carries several artifacts under one sha1.
 */
public final class JavaIndexResolver {
    public static final String FOUND_BY_INDEX = "sha1-index";
    private static final String FOUND_BY_POM_PROPERTIES = "pom.properties";

    private final JavaIndex index;

    public JavaIndexResolver(JavaIndex index) {
        this.index = index;
    }

    public Package resolve(Package p) {
        if (!"maven".equals(p.type()) || FOUND_BY_POM_PROPERTIES.equals(p.foundBy())) {
            return p;
        }
        if (p.sha1() != null) {
            Optional<MavenCoordinates> hit = index.bySha1(p.sha1());
            if (hit.isPresent()) {
                return p.withIdentity(hit.get().packageName(), hit.get().version(), FOUND_BY_INDEX);
            }
        }
        int colon = p.name().indexOf(':');
        String artifactId = colon < 0 ? p.name() : p.name().substring(colon + 1);
        List<String> groups = index.groupIds(artifactId, p.version());
        if (!groups.isEmpty() && !groups.contains(colon < 0 ? "" : p.name().substring(0, colon))) {
            return p.withIdentity(groups.getFirst() + ":" + artifactId, p.version(), p.foundBy());
        }
        return p;
    }
}
