package io.kensa.report.cyclonedx;

/** Names of the {@code kensa:}-prefixed CycloneDX properties, in the style of Trivy's {@code aquasecurity:trivy:} ones. */
final class KensaProperties {
    static final String IMAGE_ID = "kensa:image:id";
    static final String IMAGE_REPO_DIGEST = "kensa:image:repoDigest";
    static final String IMAGE_ARCHITECTURE = "kensa:image:architecture";
    static final String IMAGE_DIFF_ID = "kensa:image:diffID";
    static final String LAYER_DIFF_ID = "kensa:layer:diffID";
    static final String PACKAGE_TYPE = "kensa:package:type";
    static final String PACKAGE_ARCH = "kensa:package:arch";
    static final String PACKAGE_SRC_NAME = "kensa:package:srcName";
    static final String PACKAGE_SRC_VERSION = "kensa:package:srcVersion";
    static final String PACKAGE_VENDOR = "kensa:package:vendor";
    static final String PACKAGE_MODULARITY_LABEL = "kensa:package:modularityLabel";

    private KensaProperties() {
    }
}
