package io.kensa.analyze.purl;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.kensa.core.OsInfo;
import io.kensa.core.Package;

import java.util.TreeMap;

/**
 * Package URLs as Trivy writes them for OS packages: the distribution family as namespace, the epoch as a
 * qualifier (not in the version), {@code arch}, and {@code distro} ({@code debian-12.8}, {@code redhat-8.8};
 * Alpine-style distros use the bare version). Packages of other ecosystems keep the purl their analyzer set.
 */
public final class PurlFactory {

    /** The purl of {@code p} inside an image of operating system {@code os} (null when unknown). */
    public String purl(Package p, OsInfo os) {
        if (p.purl() != null) {
            return p.purl();
        }
        return switch (p.type()) {
            case "deb" -> osPurl(p, os, os == null ? "debian" : os.family(), true);
            case "apk" -> osPurl(p, os, os == null ? "alpine" : os.family(), false);
            case "rpm" -> osPurl(p, os, os == null ? null : os.family(), true);
            default -> null;
        };
    }

    private static String osPurl(Package p, OsInfo os, String namespace, boolean distroWithFamily) {
        String version = p.version();
        String epoch = null;
        int colon = version.indexOf(':');
        if (colon > 0 && version.substring(0, colon).chars().allMatch(Character::isDigit)) {
            epoch = version.substring(0, colon);
            version = version.substring(colon + 1);
        }
        TreeMap<String, String> qualifiers = new TreeMap<>();
        if (p.arch() != null && !p.arch().isEmpty()) {
            qualifiers.put("arch", p.arch());
        }
        if (epoch != null && !epoch.equals("0")) {
            qualifiers.put("epoch", epoch);
        }
        if (os != null && !os.version().isEmpty()) {
            qualifiers.put("distro", distroWithFamily ? os.family() + "-" + os.version() : os.version());
        }
        try {
            return new PackageURL(p.type(), namespace, p.name(), version, qualifiers, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            return null;
        }
    }
}
