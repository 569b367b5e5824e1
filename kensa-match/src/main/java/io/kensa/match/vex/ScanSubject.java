package io.kensa.match.vex;

import com.github.packageurl.PackageURL;
import io.kensa.core.Package;

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
}
