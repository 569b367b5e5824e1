package io.kensa.match.matcher;

import io.kensa.core.OsInfo;
import io.kensa.core.Package;
import io.kensa.core.vuln.Namespaces;

import java.util.Optional;

/**
 * OS packages, against their own distribution release's advisories only (never NVD CPEs): dpkg and apk packages by
 * their source package (dpkg {@code Source:} with its own version, apk origin), so one advisory about
 * {@code openssl} reaches {@code libssl3} and {@code openssl} alike and backported fixes count as the distribution
 * says; rpm packages by their binary name, as Red Hat, SUSE and Amazon list them in their advisories.
 */
public final class OsPackageMatcher implements PackageMatcher {

    @Override
    public String id() {
        return "os";
    }

    @Override
    public Optional<PackageQuery> query(Package pkg, OsInfo os) {
        if (!pkg.isOsPackage()) {
            return Optional.empty();
        }
        String namespace = Namespaces.forOs(os);
        if (namespace == null) {
            return Optional.empty();
        }
        return switch (pkg.type()) {
            case "deb", "apk" -> {
                boolean hasSource = pkg.source() != null && pkg.source().name() != null;
                String name = hasSource ? pkg.source().name() : pkg.name();
                String version = hasSource && pkg.source().version() != null ? pkg.source().version() : pkg.version();
                String subject = (hasSource ? "source " : "") + name + " " + version;
                yield Optional.of(new PackageQuery(namespace, name, version, subject));
            }
            case "rpm" -> Optional.of(new PackageQuery(namespace, pkg.name(), pkg.version(),
                    pkg.name() + " " + pkg.version()));
            default -> Optional.empty();
        };
    }
}
