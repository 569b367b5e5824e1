package io.kensa.report.sbom;

import io.kensa.core.Artifact;
import io.kensa.core.LayerSummary;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code kensa:}-prefixed name/value pairs an SBOM carries beyond its format's own fields, in the style of
 * Trivy's {@code aquasecurity:trivy:} properties. CycloneDX writes them as component properties, SPDX as
 * annotations.
 */
public final class KensaProperties {
    public static final String IMAGE_ID = "kensa:image:id";
    public static final String IMAGE_REPO_DIGEST = "kensa:image:repoDigest";
    public static final String IMAGE_ARCHITECTURE = "kensa:image:architecture";
    public static final String IMAGE_DIFF_ID = "kensa:image:diffID";
    public static final String LAYER_DIFF_ID = "kensa:layer:diffID";
    public static final String PACKAGE_TYPE = "kensa:package:type";
    public static final String PACKAGE_ARCH = "kensa:package:arch";
    public static final String PACKAGE_SRC_NAME = "kensa:package:srcName";
    public static final String PACKAGE_SRC_VERSION = "kensa:package:srcVersion";
    public static final String PACKAGE_VENDOR = "kensa:package:vendor";
    public static final String PACKAGE_MODULARITY_LABEL = "kensa:package:modularityLabel";
    /** The evidence that named an application package ({@code pom.properties}, {@code package.json} …). */
    public static final String PACKAGE_FOUND_BY = "kensa:package:foundBy";
    /** The OS package whose file list holds an application package's metadata. */
    public static final String PACKAGE_OWNED_BY = "kensa:package:ownedBy";
    /** {@code true} for a development-only dependency. */
    public static final String PACKAGE_DEV = "kensa:package:dev";
    /** A package's license category (forbidden, restricted … unknown), its severity and the policy's decision. */
    public static final String LICENSE_CATEGORY = "kensa:license:category";
    public static final String LICENSE_SEVERITY = "kensa:license:severity";
    public static final String LICENSE_POLICY = "kensa:license:policy";
    /** {@code true} on a file a later layer deletes or replaces: still in the image, not in the container. */
    public static final String FILE_DELETED = "kensa:file:deleted";
    /** What kind of finding a CycloneDX vulnerability entry is: {@code secret}, {@code misconfiguration}, {@code malware}. */
    public static final String FINDING_KIND = "kensa:finding:kind";
    /** Where a finding is: the file (or image config field), its line, its layer is {@link #LAYER_DIFF_ID}. */
    public static final String FINDING_PATH = "kensa:finding:path";
    public static final String FINDING_LINE = "kensa:finding:line";
    public static final String FINDING_DELETED = "kensa:finding:deleted";
    public static final String SECRET_CATEGORY = "kensa:secret:category";
    public static final String SECRET_EXAMPLE = "kensa:secret:example";
    public static final String MISCONFIG_SOURCE = "kensa:misconfig:source";
    public static final String MISCONFIG_EVIDENCE = "kensa:misconfig:evidence";
    public static final String MALWARE_ENGINE = "kensa:malware:engine";
    public static final String MALWARE_SHA256 = "kensa:malware:sha256";

    private KensaProperties() {
    }

    /** One property. */
    public record Property(String name, String value) {
    }

    /** The scanned artifact's: image id, repository digests, architecture, then each layer's diffID in order. */
    public static List<Property> ofArtifact(ScanReport report) {
        Artifact a = report.artifact();
        List<Property> properties = new ArrayList<>();
        add(properties, IMAGE_ID, a.digest());
        if (a.repoDigests() != null) {
            a.repoDigests().forEach(d -> add(properties, IMAGE_REPO_DIGEST, d));
        }
        add(properties, IMAGE_ARCHITECTURE, a.architecture());
        for (LayerSummary l : report.layers()) {
            add(properties, IMAGE_DIFF_ID, l.diffId());
        }
        return List.copyOf(properties);
    }

    /**
     * A package's, sorted by name: layer diffID, arch, dev, foundBy, modularity label, ownedBy, source name and
     * version, type, vendor.
     */
    public static List<Property> ofPackage(Package p) {
        List<Property> properties = new ArrayList<>();
        add(properties, LAYER_DIFF_ID, p.layer());
        add(properties, PACKAGE_ARCH, p.arch());
        if (Boolean.TRUE.equals(p.dev())) {
            add(properties, PACKAGE_DEV, "true");
        }
        add(properties, PACKAGE_FOUND_BY, p.foundBy());
        add(properties, PACKAGE_OWNED_BY, p.ownedBy());
        add(properties, PACKAGE_MODULARITY_LABEL, p.modularityLabel());
        if (p.source() != null) {
            add(properties, PACKAGE_SRC_NAME, p.source().name());
            add(properties, PACKAGE_SRC_VERSION, p.source().version());
        }
        add(properties, PACKAGE_TYPE, p.type());
        add(properties, PACKAGE_VENDOR, p.vendor());
        properties.sort(Comparator.comparing(Property::name));
        return List.copyOf(properties);
    }

    private static void add(List<Property> properties, String name, String value) {
        if (value != null && !value.isBlank()) {
            properties.add(new Property(name, value));
        }
    }
}
