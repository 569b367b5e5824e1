package io.kensa.report.cyclonedx;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.kensa.core.Package;

import java.util.Optional;
import java.util.Set;

/**
 * CycloneDX's group and name for ecosystems whose names have two parts, as their purls split them: a Maven
 * groupId and artifactId, an npm scope and name, a Composer vendor and name. Other packages keep their name whole.
 */
record ComponentName(String group, String name) {
    private static final Set<String> SPLIT_TYPES = Set.of("maven", "npm", "composer");

    static Optional<ComponentName> of(Package p) {
        if (p.purl() == null || !SPLIT_TYPES.contains(p.type())) {
            return Optional.empty();
        }
        try {
            PackageURL purl = new PackageURL(p.purl());
            if (purl.getNamespace() == null || purl.getNamespace().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ComponentName(purl.getNamespace(), purl.getName()));
        } catch (MalformedPackageURLException e) {
            return Optional.empty();
        }
    }
}
