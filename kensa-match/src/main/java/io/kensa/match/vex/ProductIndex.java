package io.kensa.match.vex;

import com.github.packageurl.PackageURL;
import io.kensa.core.Package;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scanned artifact and its inventory indexed by purl type, namespace and name, to tell whether a VEX product
 * holds a component: the product is the artifact itself, or a package of the inventory found at one of the
 * component's paths (the Go binary whose build info lists both) or an archive enclosing it ({@code app.war} and
 * {@code app.war!/WEB-INF/lib/x.jar}).
 */
final class ProductIndex {
    private record Entry(Package pkg, PackageURL purl) {
    }

    private final List<PackageURL> artifactPurls;
    private final Map<String, List<Entry>> byName = new HashMap<>();

    ProductIndex(ScanSubject subject) {
        this.artifactPurls = subject.artifactPurls();
        for (Package p : subject.inventory()) {
            for (PackageURL purl : PackagePurls.of(p)) {
                byName.computeIfAbsent(key(purl), k -> new ArrayList<>()).add(new Entry(p, purl));
            }
        }
    }

    /** Whether {@code product} names the scanned artifact itself. */
    boolean isArtifact(PurlPattern product) {
        for (PackageURL a : artifactPurls) {
            if (product.matches(a)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code component} is part of a package of the inventory that {@code product} names. */
    boolean holds(PurlPattern product, Package component) {
        for (Entry e : byName.getOrDefault(key(product.purl()), List.of())) {
            if (!e.pkg().key().equals(component.key()) && product.matches(e.purl())
                    && encloses(e.pkg().paths(), component.paths())) {
                return true;
            }
        }
        return false;
    }

    private static boolean encloses(List<String> outerPaths, List<String> innerPaths) {
        for (String inner : innerPaths) {
            for (String outer : outerPaths) {
                if (inner.equals(outer) || inner.startsWith(outer + "!/")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String key(PackageURL purl) {
        return purl.getType() + "/" + (purl.getNamespace() == null ? "" : purl.getNamespace()) + "/" + purl.getName();
    }
}
