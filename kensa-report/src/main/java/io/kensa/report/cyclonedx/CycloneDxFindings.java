package io.kensa.report.cyclonedx;

import io.kensa.core.ScanReport;
import io.kensa.core.malware.MalwareFinding;
import io.kensa.core.misconfig.MisconfigFinding;
import io.kensa.core.secret.SecretFinding;
import io.kensa.core.vuln.Severity;
import io.kensa.report.findings.FindingOrders;
import io.kensa.report.sbom.KensaProperties;
import io.kensa.report.vuln.WebLinks;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.vulnerability.Vulnerability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The secrets, misconfigurations and malware of a report in a CycloneDX 1.6 BOM. CycloneDX has no element of its
 * own for them; each is a weakness of the image, so each finding is one {@code vulnerabilities} entry (as a
 * vulnerability disclosure report carries weaknesses):
 * <ul>
 *   <li>{@code id}: the secret rule, the check id or the malware signature; {@code source.name}
 *       {@code kensa-secret}, {@code kensa-misconfig} or {@code kensa-malware} (a check's reference as its URL);</li>
 *   <li>{@code ratings}: the finding's severity (method {@code other}); {@code cwes}: 798 (hard-coded credentials)
 *       for a secret, 506 (embedded malicious code) for malware;</li>
 *   <li>{@code description} the title, {@code detail} the masked line of a secret (exactly as the engine wrote it), the evidence of a check or the
 *       engine's finding, {@code recommendation} the check's remedy (a fixed advice for secrets and malware);</li>
 *   <li>{@code affects}: the file, a {@code file} component of its own (one per path and layer, with the layer's
 *       diffID, {@code kensa:file:deleted} when a later layer deletes it, and the SHA-256 malware engines computed),
 *       or the image itself for the image config and image-wide checks;</li>
 *   <li>properties {@code kensa:finding:kind}, {@code :path}, {@code :line}, {@code :deleted}, the layer
 *       ({@code kensa:layer:diffID}) and the kind's own fields ({@link KensaProperties}).</li>
 * </ul>
 * Trivy leaves secrets and misconfigurations out of its CycloneDX output; this keeps them, with their location, in a
 * shape every CycloneDX 1.6 reader accepts. A secret appears only as the engine masked it.
 */
final class CycloneDxFindings {
    static final String SECRET_SOURCE = "kensa-secret";
    static final String MISCONFIG_SOURCE = "kensa-misconfig";
    static final String MALWARE_SOURCE = "kensa-malware";
    private static final int CWE_HARD_CODED_CREDENTIALS = 798;
    private static final int CWE_EMBEDDED_MALICIOUS_CODE = 506;

    private final BomRefs refs;
    private final String subjectRef;
    private final Map<String, Component> files = new LinkedHashMap<>();
    private final List<Vulnerability> vulnerabilities = new ArrayList<>();

    /** @param subjectRef the {@code bom-ref} of the scanned artifact, what image-wide findings affect */
    CycloneDxFindings(BomRefs refs, String subjectRef) {
        this.refs = refs;
        this.subjectRef = subjectRef;
    }

    /** Maps the report's findings; then {@link #files()} and {@link #vulnerabilities()} hold them. */
    CycloneDxFindings add(ScanReport report) {
        report.secrets().stream().sorted(FindingOrders.SECRETS).forEach(this::secret);
        report.misconfigurations().stream().sorted(FindingOrders.MISCONFIGURATIONS).forEach(this::misconfiguration);
        report.malware().stream().sorted(FindingOrders.MALWARE).forEach(this::malware);
        return this;
    }

    /** The file components the findings affect, in the order first met. */
    List<Component> files() {
        return List.copyOf(files.values());
    }

    List<Vulnerability> vulnerabilities() {
        return List.copyOf(vulnerabilities);
    }

    private void secret(SecretFinding s) {
        Vulnerability v = entry(s.ruleId(), SECRET_SOURCE, null, s.severity(), s.title(), s.match(),
                "Remove the credential from the layer that adds it (a later layer deleting the file does not remove it "
                        + "from the image) and revoke it.");
        v.setCwes(List.of(CWE_HARD_CODED_CREDENTIALS));
        v.setAffects(List.of(affect(s.path(), s.layer(), s.deleted(), null)));
        List<Property> properties = location("secret", s.path(), s.line(), s.layer(), s.deleted());
        add(properties, KensaProperties.SECRET_CATEGORY, s.category());
        properties.add(new Property(KensaProperties.SECRET_EXAMPLE, Boolean.toString(s.example())));
        v.setProperties(properties);
        vulnerabilities.add(v);
    }

    private void misconfiguration(MisconfigFinding m) {
        Vulnerability v = entry(m.id(), MISCONFIG_SOURCE, WebLinks.http(m.reference()).orElse(null), m.severity(),
                m.title(), m.evidence().isEmpty() ? null : String.join("\n", m.evidence()), m.remedy());
        v.setAffects(List.of(affect(m.path(), m.layer(), false, null)));
        List<Property> properties = location("misconfiguration", m.path(), m.line(), m.layer(), false);
        add(properties, KensaProperties.MISCONFIG_SOURCE, m.source());
        m.evidence().forEach(e -> add(properties, KensaProperties.MISCONFIG_EVIDENCE, e));
        v.setProperties(properties);
        vulnerabilities.add(v);
    }

    private void malware(MalwareFinding m) {
        Vulnerability v = entry(m.signature(), MALWARE_SOURCE, null, m.severity(),
                "Malware: " + m.signature(), m.engine() + ": " + m.signature(),
                "Remove the file from the layer that adds it and find out how it got there.");
        v.setCwes(List.of(CWE_EMBEDDED_MALICIOUS_CODE));
        v.setAffects(List.of(affect(m.path(), m.layer(), m.deleted(), m.sha256())));
        List<Property> properties = location("malware", m.path(), 0, m.layer(), m.deleted());
        add(properties, KensaProperties.MALWARE_ENGINE, m.engine());
        add(properties, KensaProperties.MALWARE_SHA256, m.sha256());
        v.setProperties(properties);
        vulnerabilities.add(v);
    }

    private static Vulnerability entry(String id, String sourceName, String sourceUrl, Severity severity, String title,
                                       String detail, String recommendation) {
        Vulnerability v = new Vulnerability();
        v.setId(id == null || id.isBlank() ? sourceName : id);
        Vulnerability.Source source = new Vulnerability.Source();
        source.setName(sourceName);
        if (sourceUrl != null) {
            source.setUrl(sourceUrl);
        }
        v.setSource(source);
        Vulnerability.Rating rating = new Vulnerability.Rating();
        Vulnerability.Source kensa = new Vulnerability.Source();
        kensa.setName("kensa");
        rating.setSource(kensa);
        rating.setSeverity(CycloneDxVulnerabilities.severity(FindingOrders.severity(severity)));
        rating.setMethod(Vulnerability.Rating.Method.OTHER);
        v.addRating(rating);
        if (title != null && !title.isBlank()) {
            v.setDescription(title);
        }
        if (detail != null && !detail.isBlank()) {
            v.setDetail(detail);
        }
        if (recommendation != null && !recommendation.isBlank()) {
            v.setRecommendation(recommendation);
        }
        return v;
    }

    /** What a finding affects: its file's component, or the image for the image config and image-wide checks. */
    private Vulnerability.Affect affect(String path, String layer, boolean deleted, String sha256) {
        Vulnerability.Affect affect = new Vulnerability.Affect();
        affect.setRef(isFile(path) ? file(path, layer, deleted, sha256).getBomRef() : subjectRef);
        return affect;
    }

    private static boolean isFile(String path) {
        return path != null && !path.isBlank() && !path.startsWith("config:");
    }

    /** The component of the file at {@code path} in {@code layer}, made on first use. */
    private Component file(String path, String layer, boolean deleted, String sha256) {
        String key = (layer == null ? "" : layer) + "\u0000" + path;
        Component c = files.computeIfAbsent(key, k -> {
            Component file = new Component();
            file.setType(Component.Type.FILE);
            file.setName(path);
            file.setBomRef(refs.allocate("kensa:file:" + (layer == null ? "" : layer + ":") + path));
            List<Property> properties = new ArrayList<>();
            add(properties, KensaProperties.LAYER_DIFF_ID, layer);
            if (deleted) {
                properties.add(new Property(KensaProperties.FILE_DELETED, "true"));
            }
            if (!properties.isEmpty()) {
                file.setProperties(properties);
            }
            return file;
        });
        if (sha256 != null && (c.getHashes() == null || c.getHashes().isEmpty())) {
            c.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, sha256)));
        }
        return c;
    }

    private static List<Property> location(String kind, String path, int line, String layer, boolean deleted) {
        List<Property> properties = new ArrayList<>();
        properties.add(new Property(KensaProperties.FINDING_KIND, kind));
        add(properties, KensaProperties.FINDING_PATH, path);
        if (line > 0) {
            properties.add(new Property(KensaProperties.FINDING_LINE, Integer.toString(line)));
        }
        add(properties, KensaProperties.LAYER_DIFF_ID, layer);
        if (deleted) {
            properties.add(new Property(KensaProperties.FINDING_DELETED, "true"));
        }
        return properties;
    }

    private static void add(List<Property> properties, String name, String value) {
        if (value != null && !value.isBlank()) {
            properties.add(new Property(name, value));
        }
    }
}
