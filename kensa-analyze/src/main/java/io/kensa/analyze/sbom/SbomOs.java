package io.kensa.analyze.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.kensa.core.OsInfo;

import java.util.Locale;

/** The OS of an SBOM that names none, from its OS packages' {@code distro} qualifier ({@code debian-12.8}). */
final class SbomOs {
    private SbomOs() {
    }

    /** The OS an OS package's purl names in its {@code distro} qualifier; null for other purls or none. */
    static OsInfo fromPurl(String purl) {
        if (purl == null || !(purl.startsWith("pkg:deb/") || purl.startsWith("pkg:apk/") || purl.startsWith("pkg:rpm/"))) {
            return null;
        }
        OsInfo os = fromDistro(distroQualifier(purl));
        if (os != null && os.version().isEmpty() && os.family().matches("[0-9][0-9.]*")) {
            // Trivy and Kensa write an apk's distro as the bare release (distro=3.11.5): the family is the
            // purl's namespace (pkg:apk/alpine/…)
            String namespace = namespace(purl);
            return namespace == null ? null : new OsInfo(namespace, os.family(), null);
        }
        return os;
    }

    private static String namespace(String purl) {
        try {
            String ns = new PackageURL(purl).getNamespace();
            return ns == null || ns.isBlank() ? null : ns.toLowerCase(Locale.ROOT);
        } catch (MalformedPackageURLException | RuntimeException e) {
            return null;
        }
    }

    static OsInfo fromDistro(String distro) {
        if (distro == null || distro.isBlank()) {
            return null;
        }
        int dash = distro.lastIndexOf('-');
        if (dash <= 0) {
            return new OsInfo(distro, "", null);
        }
        return new OsInfo(distro.substring(0, dash), distro.substring(dash + 1), null);
    }

    static String distroQualifier(String purl) {
        try {
            PackageURL p = new PackageURL(purl);
            return p.getQualifiers() == null ? null : p.getQualifiers().get("distro");
        } catch (MalformedPackageURLException | RuntimeException e) {
            return null;
        }
    }
}
