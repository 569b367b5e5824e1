package io.kensa.match.vex;

import com.github.packageurl.PackageURL;
import io.kensa.core.Package;

import java.util.ArrayList;
import java.util.List;

/**
 * What was scanned, as VEX products name it: the artifact's own package URLs (an image as
 * {@code pkg:oci/…}, see {@link OciPurls}) and the whole inventory, so that a statement about components of a
 * product (the modules of a Go binary, the OS packages of an image) applies only where the component is part of
 * that product.
 *
 * @param artifactPurls the scanned artifact's purls, empty when it has none
 * @param inventory     every package found, not only the vulnerable ones
 */
public record ScanSubject(List<PackageURL> artifactPurls, List<Package> inventory) {
    public ScanSubject {
        artifactPurls = List.copyOf(artifactPurls);
        inventory = List.copyOf(inventory);
    }

    /** A subject without an artifact purl. */
    public static ScanSubject ofInventory(List<Package> inventory) {
        return new ScanSubject(List.of(), inventory);
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

    /**
     * Whether {@code component} is part of a package of the inventory that {@code product} names: the product was
     * found at one of the component's paths (the Go binary whose build info lists both) or is an archive holding it
     * ({@code app.war} and {@code app.war!/WEB-INF/lib/x.jar}).
     */
    boolean containsWithin(PurlPattern product, Package component) {
        for (Package candidate : inventory) {
            if (candidate.key().equals(component.key()) || !matchesAny(product, candidate)) {
                continue;
            }
            if (holds(candidate.paths(), component.paths())) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAny(PurlPattern pattern, Package p) {
        for (PackageURL purl : PackagePurls.of(p)) {
            if (pattern.matches(purl)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(List<String> outerPaths, List<String> innerPaths) {
        List<String> prefixes = new ArrayList<>(outerPaths.size());
        for (String outer : outerPaths) {
            prefixes.add(outer + "!/");
        }
        for (String inner : innerPaths) {
            if (outerPaths.contains(inner)) {
                return true;
            }
            for (String prefix : prefixes) {
                if (inner.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }
}
