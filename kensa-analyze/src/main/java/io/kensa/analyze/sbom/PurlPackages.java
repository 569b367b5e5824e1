package io.kensa.analyze.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.kensa.core.Package;
import io.kensa.core.SourcePackage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A package as Kensa's inventory holds it, from a purl plus what an SBOM says beside it: the name in the ecosystem's
 * own spelling ({@code groupId:artifactId}, {@code @scope/name}, {@code vendor/name}, the Go module path), the rpm
 * epoch from the {@code epoch} qualifier, the architecture, and the source package when the SBOM names it.
 */
final class PurlPackages {
    private PurlPackages() {
    }

    /**
     * Hints an SBOM gives beside the purl.
     *
     * @param sourceName    the source package (Trivy's {@code SrcName}, Kensa's {@code srcName}, SPDX
     *                      {@code sourceInfo}), may be null
     * @param sourceVersion its version, may be null
     * @param layer         the layer diffID, may be null
     * @param path          where it was found, may be null
     * @param ownedBy       the OS package owning it (Kensa's SBOMs), may be null
     */
    record Hints(String sourceName, String sourceVersion, String layer, String path, String ownedBy) {
        static final Hints NONE = new Hints(null, null, null, null, null);
    }

    static Optional<Package> fromPurl(String purl, List<String> licenses, Hints hints) {
        PackageURL p;
        try {
            p = new PackageURL(purl);
        } catch (MalformedPackageURLException | RuntimeException e) {
            return Optional.empty();
        }
        if (p.getVersion() == null || p.getVersion().isBlank()) {
            return Optional.empty();
        }
        Map<String, String> q = p.getQualifiers() == null ? Map.of() : p.getQualifiers();
        String type = p.getType();
        String ns = p.getNamespace();
        String name = switch (type) {
            case "maven" -> ns == null ? p.getName() : ns + ":" + p.getName();
            case "npm", "composer", "golang", "generic" -> ns == null ? p.getName() : ns + "/" + p.getName();
            default -> p.getName();
        };
        String version = p.getVersion();
        if ("rpm".equals(type) && q.get("epoch") != null && !"0".equals(q.get("epoch")) && !version.contains(":")) {
            version = q.get("epoch") + ":" + version;
        }
        SourcePackage source = source(type, hints, q.get("upstream"));
        String path = hints.path() == null ? "sbom" : hints.path();
        Package pkg;
        if (Package.OS_TYPES.contains(type)) {
            pkg = new Package(type, name, version, q.get("arch"), source, licenses, null, null, null, hints.layer(),
                    List.of(path));
        } else {
            pkg = Package.application(type, name, version, licenses, path, "sbom").withLayer(hints.layer());
            if (hints.ownedBy() != null) {
                pkg = pkg.withOwnedBy(hints.ownedBy());
            }
        }
        return Optional.of(pkg.withPurl(purl));
    }

    /** Syft writes the source package as the {@code upstream} qualifier: {@code openssl} or {@code glibc@2.36-9}. */
    private static SourcePackage source(String type, Hints hints, String upstream) {
        if (hints.sourceName() != null && !hints.sourceName().isBlank()) {
            return new SourcePackage(hints.sourceName(), hints.sourceVersion());
        }
        if (upstream != null && !upstream.isBlank() && !"rpm".equals(type)) {
            int at = upstream.indexOf('@');
            return at < 0 ? new SourcePackage(upstream, null)
                    : new SourcePackage(upstream.substring(0, at), upstream.substring(at + 1));
        }
        return null;
    }
}
