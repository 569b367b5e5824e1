package io.kensa.report.cyclonedx;

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
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Evidence;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.OrganizationalEntity;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.component.evidence.Occurrence;
import org.cyclonedx.model.metadata.ToolInformation;
import org.cyclonedx.model.vulnerability.Vulnerability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps one {@link ScanReport} to a CycloneDX {@link Bom}, laid out like Trivy's image SBOMs: the scanned artifact is
 * {@code metadata.component}, the operating system and every package are {@code components}, and
 * {@code dependencies} nest the packages under the operating system (or the artifact, see {@link SbomTree}). A
 * package found inside another package's archive is a nested component of it (and its dependency). Application
 * packages carry their archive's SHA-1, each path as an occurrence, the evidence that named them as identity
 * evidence, and development dependencies the {@code excluded} scope. The vulnerability findings, when there are
 * any, are the BOM's {@code vulnerabilities} ({@link CycloneDxVulnerabilities}), each naming the components it
 * affects. The license scanner's findings replace a package's declared licenses with the normalised expression
 * and add its category, severity and policy decision as properties; secrets, misconfigurations and malware follow
 * the vulnerabilities ({@link CycloneDxFindings}), the files they are in as {@code file} components. One builder
 * serves one BOM.
 */
final class CycloneDxBomBuilder {
    /** The CycloneDX property taxonomy's mark of an npm development dependency. */
    static final String NPM_DEVELOPMENT = "cdx:npm:package:development";

    private final CycloneDxLicenses licenses;
    private final BomRefs refs = new BomRefs();
    /** The {@code bom-ref} of each package instance's component, by {@link Package#key()}. */
    private final Map<String, String> refsByPackage = new HashMap<>();
    private PackageLicenses packageLicenses = new PackageLicenses(List.of());

    CycloneDxBomBuilder(CycloneDxLicenses licenses) {
        this.licenses = licenses;
    }

    Bom build(ScanReport report, String serialNumber) {
        Bom bom = new Bom();
        bom.setSerialNumber(serialNumber);
        bom.setVersion(1);

        Component subject = artifactComponent(report);
        Metadata metadata = new Metadata();
        metadata.setTimestamp(Date.from(report.createdAt()));
        metadata.setToolChoice(tools());
        metadata.setComponent(subject);
        bom.setMetadata(metadata);

        SbomTree tree = SbomTree.of(report);
        packageLicenses = new PackageLicenses(report.licenses());
        List<Component> components = new ArrayList<>();
        List<Dependency> dependencies = new ArrayList<>();
        Dependency subjectDependency = new Dependency(subject.getBomRef());
        dependencies.add(subjectDependency);
        Dependency parentOfOsPackages = subjectDependency;
        if (tree.hasOs()) {
            Component os = osComponent(tree.os());
            components.add(os);
            subjectDependency.addDependency(new Dependency(os.getBomRef()));
            parentOfOsPackages = new Dependency(os.getBomRef());
            dependencies.add(parentOfOsPackages);
        }
        for (Package p : tree.osPackages()) {
            components.add(child(packageComponent(p), parentOfOsPackages, dependencies));
        }
        for (Package p : tree.nesting().roots()) {
            components.add(withNested(p, tree, subjectDependency, dependencies));
        }
        for (LicenseFinding unclaimed : packageLicenses.unclaimed()) {
            components.add(child(licensedComponent(unclaimed), subjectDependency, dependencies));
        }
        CycloneDxFindings findings = new CycloneDxFindings(refs, subject.getBomRef()).add(report);
        for (Component file : findings.files()) {
            components.add(child(file, subjectDependency, dependencies));
        }
        bom.setComponents(components);
        bom.setDependencies(dependencies);
        List<Vulnerability> vulnerabilities = new ArrayList<>();
        if (!report.vulnerabilities().isEmpty()) {
            vulnerabilities.addAll(new CycloneDxVulnerabilities(p -> refsByPackage.get(p.key()))
                    .of(report.vulnerabilities()));
        }
        vulnerabilities.addAll(findings.vulnerabilities());
        if (!vulnerabilities.isEmpty()) {
            bom.setVulnerabilities(vulnerabilities);
        }
        return bom;
    }

    /** Records {@code component} as a dependency of {@code parent}, with its own (empty) entry, as Trivy does. */
    private static Component child(Component component, Dependency parent, List<Dependency> dependencies) {
        parent.addDependency(new Dependency(component.getBomRef()));
        dependencies.add(new Dependency(component.getBomRef()));
        return component;
    }

    /**
     * The component of {@code p} with the packages found inside its archive as nested components, each also a
     * dependency of its archive's component.
     */
    private Component withNested(Package p, SbomTree tree, Dependency parent, List<Dependency> dependencies) {
        Component c = packageComponent(p);
        parent.addDependency(new Dependency(c.getBomRef()));
        Dependency own = new Dependency(c.getBomRef());
        dependencies.add(own);
        List<Component> nested = new ArrayList<>();
        for (Package inner : tree.nesting().childrenOf(p)) {
            nested.add(withNested(inner, tree, own, dependencies));
        }
        if (!nested.isEmpty()) {
            c.setComponents(nested);
        }
        return c;
    }

    private static ToolInformation tools() {
        Component kensa = new Component();
        kensa.setType(Component.Type.APPLICATION);
        kensa.setGroup("io.kensa");
        kensa.setName("kensa");
        kensa.setVersion(KensaVersion.get());
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(kensa));
        return tools;
    }

    private Component artifactComponent(ScanReport report) {
        Artifact a = report.artifact();
        boolean image = "image".equals(a.type());
        Optional<String> purl = ArtifactPurl.of(a);
        Component c = new Component();
        c.setType(image ? Component.Type.CONTAINER : Component.Type.FILE);
        c.setName(a.name());
        c.setBomRef(refs.allocate(purl.orElse("kensa:artifact:" + a.type() + ":" + a.name())));
        purl.ifPresent(c::setPurl);
        List<Property> properties = properties(KensaProperties.ofArtifact(report));
        if (!properties.isEmpty()) {
            c.setProperties(properties);
        }
        return c;
    }

    private Component osComponent(OsInfo os) {
        Component c = new Component();
        c.setType(Component.Type.OPERATING_SYSTEM);
        c.setName(os.family());
        if (!os.version().isEmpty()) {
            c.setVersion(os.version());
        }
        if (os.name() != null && !os.name().isBlank()) {
            c.setDescription(os.name());
        }
        c.setBomRef(refs.allocate("kensa:os:" + os.family() + (os.version().isEmpty() ? "" : "@" + os.version())));
        return c;
    }

    private Component packageComponent(Package p) {
        Component c = new Component();
        c.setType(Component.Type.LIBRARY);
        c.setBomRef(refs.allocate(p.purl() != null ? p.purl() : "kensa:package:" + p.key()));
        refsByPackage.putIfAbsent(p.key(), c.getBomRef());
        c.setName(p.name());
        ComponentName.of(p).ifPresent(n -> {
            c.setGroup(n.group());
            c.setName(n.name());
        });
        c.setVersion(p.version());
        if (p.purl() != null) {
            c.setPurl(p.purl());
        }
        if (p.vendor() != null && !p.vendor().isBlank()) {
            OrganizationalEntity supplier = new OrganizationalEntity();
            supplier.setName(p.vendor());
            c.setSupplier(supplier);
        }
        List<LicenseFinding> classified = packageLicenses.of(p);
        c.setLicenses(licenses.of(classified.isEmpty() ? p.licenses() : PackageLicenses.licenses(classified)));
        if (p.sha1() != null) {
            c.setHashes(List.of(new Hash(Hash.Algorithm.SHA1, p.sha1())));
        }
        List<Property> properties = new ArrayList<>(properties(KensaProperties.ofPackage(p)));
        properties.addAll(properties(PackageLicenses.properties(classified)));
        if (Boolean.TRUE.equals(p.dev())) {
            // not needed at run time: CycloneDX's "excluded" scope, plus the taxonomy's npm property
            c.setScope(Component.Scope.EXCLUDED);
            if ("npm".equals(p.type())) {
                properties.add(new Property(NPM_DEVELOPMENT, "true"));
            }
        }
        if (!properties.isEmpty()) {
            properties.sort(Comparator.comparing(Property::getName));
            c.setProperties(properties);
        }
        Evidence evidence = new Evidence();
        for (String path : p.paths()) {
            Occurrence occurrence = new Occurrence();
            occurrence.setLocation(path);
            evidence.addOccurrence(occurrence);
        }
        IdentityEvidence.of(p.foundBy(), p.purl()).ifPresent(identity -> evidence.setIdentities(List.of(identity)));
        if (evidence.getOccurrences() != null || evidence.getIdentities() != null) {
            c.setEvidence(evidence);
        }
        return c;
    }

    /**
     * A package the license scanner classified but the inventory does not list (a report assembled from parts): a
     * library component of its own, so the license is not lost.
     */
    private Component licensedComponent(LicenseFinding f) {
        Component c = new Component();
        c.setType(Component.Type.LIBRARY);
        String name = f.packageName() != null && !f.packageName().isBlank() ? f.packageName()
                : f.purl() != null ? f.purl() : f.license();
        c.setName(name);
        c.setBomRef(refs.allocate(f.purl() != null ? f.purl() : "kensa:package:" + name));
        if (f.purl() != null) {
            c.setPurl(f.purl());
        }
        c.setLicenses(licenses.of(f.license() == null ? List.of() : List.of(f.license())));
        List<Property> properties = new ArrayList<>(properties(PackageLicenses.properties(List.of(f))));
        if (f.layer() != null) {
            properties.add(new Property(KensaProperties.LAYER_DIFF_ID, f.layer()));
        }
        properties.sort(Comparator.comparing(Property::getName));
        c.setProperties(properties);
        if (f.path() != null) {
            Evidence evidence = new Evidence();
            Occurrence occurrence = new Occurrence();
            occurrence.setLocation(f.path());
            evidence.addOccurrence(occurrence);
            c.setEvidence(evidence);
        }
        return c;
    }

    private static List<Property> properties(List<KensaProperties.Property> properties) {
        return properties.stream().map(p -> new Property(p.name(), p.value())).toList();
    }
}
