package io.kensa.analyze.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.kensa.core.OsInfo;

/** The OS of an SBOM that names none, from its OS packages' {@code distro} qualifier ({@code debian-12.8}). */
final class SbomOs {
    private SbomOs() {
    }

    /** The OS an OS package's purl names in its {@code distro} qualifier; null for other purls or none. */
    static OsInfo fromPurl(String purl) {
        if (purl == null || !(purl.startsWith("pkg:deb/") || purl.startsWith("pkg:apk/") || purl.startsWith("pkg:rpm/"))) {
            return null;
        }
        return fromDistro(distroQualifier(purl));
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
