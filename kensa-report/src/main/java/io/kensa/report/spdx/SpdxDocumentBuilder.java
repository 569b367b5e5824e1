package io.kensa.report.spdx;

import io.kensa.core.Artifact;
import io.kensa.core.KensaVersion;
import io.kensa.core.OsInfo;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import io.kensa.core.license.LicenseFinding;
import io.kensa.report.sbom.ArtifactPurl;
import io.kensa.report.sbom.KensaProperties;
import io.kensa.report.sbom.PackageLicenses;
import io.kensa.report.sbom.SbomTree;
import io.kensa.report.sbom.SpdxExpressions;
import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.library.LicenseInfoFactory;
import org.spdx.library.ModelCopyManager;
import org.spdx.library.model.v2.Annotation;
import org.spdx.library.model.v2.ExternalRef;
import org.spdx.library.model.v2.SpdxConstantsCompatV2;
import org.spdx.library.model.v2.SpdxCreatorInformation;
import org.spdx.library.model.v2.SpdxDocument;
import org.spdx.library.model.v2.SpdxModelFactoryCompatV2;
import org.spdx.library.model.v2.SpdxPackage;
import org.spdx.library.model.v2.enumerations.AnnotationType;
import org.spdx.library.model.v2.license.AnyLicenseInfo;
import org.spdx.library.model.v2.enumerations.ChecksumAlgorithm;
import org.spdx.library.model.v2.enumerations.Purpose;
import org.spdx.library.model.v2.enumerations.ReferenceCategory;
import org.spdx.library.model.v2.enumerations.RelationshipType;
import org.spdx.library.referencetype.ListedReferenceTypes;
import org.spdx.storage.IModelStore;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes one {@link ScanReport} as an SPDX 2.3 document into a model store: a package for the scanned artifact
 * (which the document DESCRIBES), one for the operating system, one per package of the inventory, and CONTAINS
 * relationships artifact → operating system → its packages, artifact → other packages, and package → the packages
 * found inside its archive (see {@link SbomTree}). Application packages carry their archive's SHA1 as a checksum
 * and where they were found as their source information.
 * The license scanner's findings are a package's concluded license (NOASSERTION without one), their category,
 * severity and policy decision annotations. The {@code kensa:} properties of the CycloneDX output become
 * annotations. One builder serves one document.
 */
final class SpdxDocumentBuilder {
    static final String NOASSERTION = SpdxConstantsCompatV2.NOASSERTION_VALUE;
    static final String ORGANIZATION = "Kensa";

    private final SpdxIds ids = new SpdxIds();
    private final SpdxExpressions expressions;
    private PackageLicenses packageLicenses = new PackageLicenses(List.of());

    SpdxDocumentBuilder(SpdxExpressions expressions) {
        this.expressions = expressions;
    }

    SpdxDocument build(ScanReport report, IModelStore store, String namespace) throws InvalidSPDXAnalysisException {
        Artifact artifact = report.artifact();
        String created = spdxDate(report.createdAt());
        SpdxDocument doc = SpdxModelFactoryCompatV2.createSpdxDocumentV2(store, namespace, new ModelCopyManager());
        doc.setName(artifact.name());
        SpdxCreatorInformation creation = doc.createCreationInfo(
                List.of("Organization: " + ORGANIZATION, "Tool: " + tool()), created);
        creation.setLicenseListVersion(LicenseInfoFactory.getLicenseListVersion());
        doc.setCreationInfo(creation);

        Annotations annotations = new Annotations(doc, created);
        SpdxLicenses licenses = new SpdxLicenses(doc, expressions);
        packageLicenses = new PackageLicenses(report.licenses());
        SpdxPackage subject = artifactPackage(doc, report, licenses, annotations);
        doc.addRelationship(doc.createRelationship(subject, RelationshipType.DESCRIBES, null));

        SbomTree tree = SbomTree.of(report);
        SpdxPackage parentOfOsPackages = subject;
        if (tree.hasOs()) {
            SpdxPackage os = osPackage(doc, tree.os(), licenses);
            subject.addRelationship(subject.createRelationship(os, RelationshipType.CONTAINS, null));
            parentOfOsPackages = os;
        }
        for (Package p : tree.osPackages()) {
            SpdxPackage pkg = spdxPackage(doc, p, licenses, annotations);
            parentOfOsPackages.addRelationship(parentOfOsPackages.createRelationship(pkg, RelationshipType.CONTAINS, null));
        }
        for (Package p : tree.nesting().roots()) {
            contains(subject, withNested(doc, p, tree, licenses, annotations));
        }
        return doc;
    }

    /** The package of {@code p}, which CONTAINS the packages found inside its archive. */
    private SpdxPackage withNested(SpdxDocument doc, Package p, SbomTree tree, SpdxLicenses licenses,
                                   Annotations annotations) throws InvalidSPDXAnalysisException {
        SpdxPackage pkg = spdxPackage(doc, p, licenses, annotations);
        for (Package inner : tree.nesting().childrenOf(p)) {
            contains(pkg, withNested(doc, inner, tree, licenses, annotations));
        }
        return pkg;
    }

    private static void contains(SpdxPackage parent, SpdxPackage child) throws InvalidSPDXAnalysisException {
        parent.addRelationship(parent.createRelationship(child, RelationshipType.CONTAINS, null));
    }

    static String tool() {
        return "kensa-" + KensaVersion.get();
    }

    /** SPDX 2.3 dates: UTC, whole seconds, {@code Z}. */
    static String spdxDate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private SpdxPackage artifactPackage(SpdxDocument doc, ScanReport report, SpdxLicenses licenses,
                                        Annotations annotations) throws InvalidSPDXAnalysisException {
        Artifact a = report.artifact();
        boolean image = "image".equals(a.type());
        String id = ids.allocate(image ? "ContainerImage" : "Filesystem", a.type(), a.name(),
                a.digest() == null ? "" : a.digest());
        SpdxPackage.SpdxPackageBuilder b = doc.createPackage(id, a.name(), licenses.noAssertion(), NOASSERTION,
                        licenses.noAssertion())
                .setDownloadLocation(NOASSERTION)
                .setFilesAnalyzed(false)
                .setPrimaryPurpose(image ? Purpose.CONTAINER : Purpose.FILE)
                .setAnnotations(annotations.of(KensaProperties.ofArtifact(report)));
        Optional<String> purl = ArtifactPurl.of(a);
        if (purl.isPresent()) {
            b.addExternalRef(purlRef(doc, purl.get()));
        }
        return b.build();
    }

    private SpdxPackage osPackage(SpdxDocument doc, OsInfo os, SpdxLicenses licenses)
            throws InvalidSPDXAnalysisException {
        String id = ids.allocate("OperatingSystem", os.family(), os.version());
        SpdxPackage.SpdxPackageBuilder b = doc.createPackage(id, os.family(), licenses.noAssertion(), NOASSERTION,
                        licenses.noAssertion())
                .setDownloadLocation(NOASSERTION)
                .setFilesAnalyzed(false)
                .setPrimaryPurpose(Purpose.OPERATING_SYSTEM);
        if (!os.version().isEmpty()) {
            b.setVersionInfo(os.version());
        }
        if (os.name() != null && !os.name().isBlank()) {
            b.setDescription(os.name());
        }
        return b.build();
    }

    private SpdxPackage spdxPackage(SpdxDocument doc, Package p, SpdxLicenses licenses, Annotations annotations)
            throws InvalidSPDXAnalysisException {
        String id = ids.allocate("Package", p.key(), p.purl() == null ? "" : p.purl(),
                p.layer() == null ? "" : p.layer(), String.join("\n", p.paths()));
        List<LicenseFinding> classified = packageLicenses.of(p);
        AnyLicenseInfo concluded = classified.isEmpty() ? licenses.noAssertion()
                : licenses.declared(PackageLicenses.licenses(classified));
        List<KensaProperties.Property> properties = new ArrayList<>(KensaProperties.ofPackage(p));
        properties.addAll(PackageLicenses.properties(classified));
        SpdxPackage.SpdxPackageBuilder b = doc.createPackage(id, p.name(), concluded, NOASSERTION,
                        licenses.declared(p.licenses()))
                .setDownloadLocation(NOASSERTION)
                .setFilesAnalyzed(false)
                .setPrimaryPurpose(Purpose.LIBRARY)
                .setAnnotations(annotations.of(properties));
        if (p.version() != null && !p.version().isBlank()) {
            b.setVersionInfo(p.version());
        }
        if (p.purl() != null) {
            b.addExternalRef(purlRef(doc, p.purl()));
        }
        if (p.vendor() != null && !p.vendor().isBlank()) {
            b.setSupplier("Organization: " + p.vendor());
        }
        if (p.sha1() != null) {
            b.addChecksum(doc.createChecksum(ChecksumAlgorithm.SHA1, p.sha1()));
        }
        if (p.source() != null && p.source().name() != null) {
            b.setSourceInfo("built package from: " + p.source().name()
                    + (p.source().version() == null ? "" : " " + p.source().version()));
        } else if (!p.isOsPackage() && !p.paths().isEmpty()) {
            b.setSourceInfo("package found in: " + String.join(", ", p.paths()));
        }
        return b.build();
    }

    private static ExternalRef purlRef(SpdxDocument doc, String purl)
            throws InvalidSPDXAnalysisException {
        return doc.createExternalRef(ReferenceCategory.PACKAGE_MANAGER,
                ListedReferenceTypes.getListedReferenceTypes().getListedReferenceTypeByName("purl"), purl, null);
    }

    /** Annotations made by Kensa at the document's creation time, one per {@code kensa:} property. */
    private record Annotations(SpdxDocument doc, String date) {
        List<Annotation> of(List<KensaProperties.Property> properties) throws InvalidSPDXAnalysisException {
            List<Annotation> annotations = new ArrayList<>();
            for (KensaProperties.Property p : properties) {
                annotations.add(doc.createAnnotation("Tool: " + tool(), AnnotationType.OTHER, date,
                        p.name() + ": " + p.value()));
            }
            return annotations;
        }
    }
}
