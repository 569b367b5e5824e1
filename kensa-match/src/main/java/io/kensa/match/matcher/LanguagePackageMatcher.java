package io.kensa.match.matcher;

import io.kensa.core.OsInfo;
import io.kensa.core.Package;
import io.kensa.core.vuln.Namespaces;

import java.util.Optional;

/**
 * Application packages, by ecosystem and name against OSV ranges. A package whose metadata the OS package manager
 * owns (a Debian {@code python3-requests}' dist-info) is matched as the OS package only: the distribution's
 * advisories know its backports, the language feed does not.
 */
public final class LanguagePackageMatcher implements PackageMatcher {

    @Override
    public String id() {
        return "language";
    }

    @Override
    public Optional<PackageQuery> query(Package pkg, OsInfo os) {
        if (pkg.isOsPackage() || pkg.ownedBy() != null) {
            return Optional.empty();
        }
        String namespace = Namespaces.forPackageType(pkg.type());
        if (namespace == null || pkg.version() == null || pkg.version().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new PackageQuery(namespace, pkg.name(), pkg.version(),
                pkg.type() + " " + pkg.name() + " " + pkg.version()));
    }
}
