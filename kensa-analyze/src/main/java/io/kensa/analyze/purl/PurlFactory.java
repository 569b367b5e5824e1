package io.kensa.analyze.purl;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.kensa.core.OsInfo;
import io.kensa.core.Package;

import java.util.TreeMap;

/**
 * Package URLs as Trivy writes them. OS packages: the distribution family as namespace, the epoch as a
 * qualifier (not in the version), {@code arch}, and {@code distro} ({@code debian-12.8}, {@code redhat-8.8};
 * Alpine-style distros use the bare version). Application packages: the ecosystem's namespace split from the
 * name ({@code groupId:artifactId}, {@code @scope/name}, {@code vendor/name} (Composer, generic), a Go module path's
 * last segment).
 */
public final class PurlFactory {

    /** The purl of {@code p} inside an image of operating system {@code os} (null when unknown). */
    public String purl(Package p, OsInfo os) {
        return switch (p.type()) {
            case "deb" -> osPurl(p, os, os == null ? "debian" : os.family(), true);
            case "apk" -> osPurl(p, os, os == null ? "alpine" : os.family(), false);
            case "rpm" -> osPurl(p, os, os == null ? null : os.family(), true);
            case "maven" -> applicationPurl(p, ':', false);
            case "npm", "composer", "generic" -> applicationPurl(p, '/', false);
            case "golang" -> applicationPurl(p, '/', true);
            default -> p.purl() != null ? p.purl() : applicationPurl(p, (char) 0, false);
        };
    }

    /** Splits the namespace off the name at the first (or, for Go module paths, the last) separator. */
    private static String applicationPurl(Package p, char separator, boolean lastSeparator) {
        String name = p.name();
        String namespace = null;
        int at = separator == 0 ? -1 : lastSeparator ? name.lastIndexOf(separator) : name.indexOf(separator);
        if (at > 0 && at < name.length() - 1) {
            namespace = name.substring(0, at);
            name = name.substring(at + 1);
        }
        try {
            return new PackageURL(p.type(), namespace, name, p.version(), null, null).canonicalize();
        } catch (MalformedPackageURLException | RuntimeException e) {
            return null;
        }
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
