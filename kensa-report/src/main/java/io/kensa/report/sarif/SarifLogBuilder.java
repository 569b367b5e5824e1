package io.kensa.report.sarif;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kensa.core.Artifact;
import io.kensa.core.KensaVersion;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import io.kensa.core.vuln.CvssScore;
import io.kensa.core.vuln.Severity;
import io.kensa.core.vuln.VulnerabilityFinding;
import io.kensa.report.vuln.FindingOrder;
import io.kensa.report.vuln.HighestCvss;
import io.kensa.report.vuln.Remediation;
import io.kensa.report.vuln.Texts;
import io.kensa.report.vuln.WebLinks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a {@link ScanReport}'s kept findings to one SARIF 2.1.0 run, as GitHub code scanning reads it:
 * <ul>
 *   <li>one rule ({@code reportingDescriptor}) per vulnerability id: {@code shortDescription} the title,
 *       {@code fullDescription} the description, {@code help} the fixed versions and the advisory's page,
 *       {@code properties.security-severity} the highest CVSS base score as a string (GitHub's severity), the
 *       {@code security} and {@code vulnerability} tags, and the highest severity's {@code level};</li>
 *   <li>one result per finding per package instance: {@code ruleId} and {@code ruleIndex}, {@code level} from the
 *       finding's severity, the package's path in the image as {@code artifactLocation.uri} (relative to
 *       {@code ROOTPATH}, the image's root) with line 1 as its region, the purl as the logical location, and a
 *       {@code partialFingerprints} entry that is stable across runs and unique per result.</li>
 * </ul>
 * Suppressed findings are left out: GitHub would raise alerts for them. Secrets, misconfigurations, licenses and
 * malware follow the vulnerabilities, as {@link SarifFindings} maps them.
 */
final class SarifLogBuilder {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String FINGERPRINT = "kensaFindingHash/v1";
    static final String ROOT = "ROOTPATH";
    private static final int MAX_SHORT_DESCRIPTION = 1024;
    private static final int MAX_TEXT = 16 * 1024;

    private final ObjectMapper json;

    SarifLogBuilder(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode build(ScanReport report) {
        ObjectNode log = json.createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();

        List<VulnerabilityFinding> findings = report.vulnerabilities().stream()
                .sorted(FindingOrder.MOST_URGENT_FIRST).toList();
        Map<String, List<VulnerabilityFinding>> byId = new LinkedHashMap<>();
        findings.forEach(f -> byId.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(f));

        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Kensa");
        driver.put("fullName", "Kensa container image security scanner");
        driver.put("version", KensaVersion.get());
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        byId.forEach((id, ofId) -> {
            ruleIndex.put(id, rules.size());
            rules.add(rule(id, ofId));
        });

        ArrayNode results = run.putArray("results");
        for (VulnerabilityFinding f : findings) {
            for (Package p : f.packages()) {
                results.add(result(report.artifact(), f, p, ruleIndex.get(f.id())));
            }
        }
        new SarifFindings(json, report.artifact(), rules, ruleIndex, results).add(report);
        run.put("columnKind", "utf16CodeUnits");
        run.putObject("originalUriBaseIds").putObject(ROOT).put("uri", "file:///");
        run.set("properties", runProperties(report.artifact()));
        return log;
    }

    private ObjectNode rule(String id, List<VulnerabilityFinding> ofId) {
        VulnerabilityFinding first = ofId.getFirst();
        Severity highest = ofId.stream().map(VulnerabilityFinding::severity).max(Enum::compareTo).orElse(Severity.UNKNOWN);
        String title = first.title() == null || first.title().isBlank() ? id : first.title();
        ObjectNode rule = json.createObjectNode();
        rule.put("id", id);
        rule.put("name", "PackageVulnerability");
        rule.putObject("shortDescription").put("text", clip(title, MAX_SHORT_DESCRIPTION));
        rule.putObject("fullDescription").put("text", clip(first.description() == null || first.description().isBlank()
                ? title : first.description(), MAX_TEXT));
        rule.putObject("defaultConfiguration").put("level", SarifLevels.of(highest));
        WebLinks.http(first.primaryUrl()).ifPresent(url -> rule.put("helpUri", url));
        ObjectNode help = rule.putObject("help");
        help.put("text", helpText(id, ofId, false));
        help.put("markdown", helpText(id, ofId, true));
        ObjectNode properties = rule.putObject("properties");
        ArrayNode tags = properties.putArray("tags");
        tags.add("vulnerability").add("security").add(highest.name());
        if (ofId.stream().anyMatch(VulnerabilityFinding::isKev)) {
            tags.add("kev");
        }
        properties.put("precision", "very-high");
        String securitySeverity = HighestCvss.of(ofId).map(CvssScore::baseScore).map(HighestCvss::format)
                .orElse(SarifLevels.securitySeverityOf(highest));
        if (securitySeverity != null) {
            properties.put("security-severity", securitySeverity);
        }
        return rule;
    }

    /** The vulnerability, each package's installed and fixed versions, and the advisory's page. */
    private static String helpText(String id, List<VulnerabilityFinding> ofId, boolean markdown) {
        VulnerabilityFinding first = ofId.getFirst();
        StringBuilder sb = new StringBuilder();
        sb.append(markdown ? "**Vulnerability " + markdownText(id) + "**" : "Vulnerability " + id).append('\n');
        sb.append("Severity: ").append(first.severity().name()).append('\n');
        for (VulnerabilityFinding f : ofId) {
            String line = f.pkg().name() + " " + f.installedVersion() + ": "
                    + (f.fixedVersions().isEmpty() ? "no fixed version" : "fixed in " + String.join(", ", f.fixedVersions()))
                    + " — " + Remediation.of(f);
            sb.append(markdown ? "- " + markdownText(line) : line).append('\n');
        }
        WebLinks.http(first.primaryUrl()).ifPresent(url -> sb.append(markdown
                ? "\n[" + markdownText(id) + "](" + url.replace(")", "%29") + ")" : "Link: " + url).append('\n'));
        return clip(sb.toString().stripTrailing(), MAX_TEXT);
    }

    private ObjectNode result(Artifact artifact, VulnerabilityFinding f, Package p, int ruleIndex) {
        ObjectNode result = json.createObjectNode();
        result.put("ruleId", f.id());
        result.put("ruleIndex", ruleIndex);
        result.put("level", SarifLevels.of(f.severity()));
        result.putObject("message").put("text", clip(message(f, p), MAX_TEXT));
        String path = p.paths().isEmpty() ? artifact.name() : p.paths().getFirst();
        ObjectNode location = result.putArray("locations").addObject();
        ObjectNode physical = location.putObject("physicalLocation");
        ObjectNode artifactLocation = physical.putObject("artifactLocation");
        artifactLocation.put("uri", ArtifactUris.of(path));
        artifactLocation.put("uriBaseId", ROOT);
        ObjectNode region = physical.putObject("region");
        region.put("startLine", 1).put("startColumn", 1).put("endLine", 1).put("endColumn", 1);
        location.putObject("message").put("text", clip(artifact.name() + ": " + p.name() + "@" + p.version(), MAX_TEXT));
        ObjectNode logical = location.putArray("logicalLocations").addObject();
        logical.put("name", p.name());
        logical.put("fullyQualifiedName", p.purl() != null ? p.purl() : p.key());
        logical.put("kind", "package");
        result.putObject("partialFingerprints").put(FINGERPRINT, fingerprint(f, p, path));
        ObjectNode properties = result.putObject("properties");
        properties.put("packageName", p.name());
        properties.put("installedVersion", f.installedVersion());
        if (!f.fixedVersions().isEmpty()) {
            properties.put("fixedVersion", String.join(", ", f.fixedVersions()));
        }
        if (f.status() != null) {
            properties.put("status", f.status().wireName());
        }
        properties.put("severity", f.severity().name());
        if (p.purl() != null) {
            properties.put("purl", p.purl());
        }
        if (p.layer() != null) {
            properties.put("layer", p.layer());
        }
        if (f.epss() != null) {
            properties.put("epss", f.epss());
        }
        properties.put("kev", f.isKev());
        return result;
    }

    /** Trivy-style: the package, the versions, the vulnerability and the advisory's page, one per line. */
    private static String message(VulnerabilityFinding f, Package p) {
        StringBuilder sb = new StringBuilder();
        sb.append("Package: ").append(p.name()).append('\n');
        sb.append("Installed Version: ").append(f.installedVersion()).append('\n');
        sb.append("Vulnerability ").append(f.id()).append('\n');
        sb.append("Severity: ").append(f.severity().name()).append('\n');
        sb.append("Fixed Version: ").append(String.join(", ", f.fixedVersions())).append('\n');
        if (f.isKev()) {
            sb.append("Known exploited (CISA KEV, added ").append(f.kev().dateAdded()).append(")\n");
        }
        WebLinks.http(f.primaryUrl()).ifPresent(url -> sb.append("Link: ").append(url).append('\n'));
        return sb.toString().stripTrailing();
    }

    /** Stable across runs of the same image and unique per result: the vulnerability, the package and its path. */
    private static String fingerprint(VulnerabilityFinding f, Package p, String path) {
        String identity = f.id() + '\u0000' + (p.purl() != null ? p.purl() : p.key()) + '\u0000' + path;
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private ObjectNode runProperties(Artifact a) {
        ObjectNode properties = json.createObjectNode();
        properties.put("artifactName", a.name());
        properties.put("artifactType", a.type());
        if (a.digest() != null) {
            properties.put("imageID", a.digest());
        }
        if (a.repoDigests() != null && !a.repoDigests().isEmpty()) {
            ArrayNode rd = properties.putArray("repoDigests");
            a.repoDigests().forEach(rd::add);
        }
        if (a.os() != null) {
            properties.put("os", a.os().family() + (a.os().version().isEmpty() ? "" : " " + a.os().version()));
        }
        return properties;
    }

    /** Escapes the characters Markdown would read as markup. */
    private static String markdownText(String s) {
        return s.replaceAll("([\\\\`*_{}\\[\\]()<>#+!|~])", "\\\\$1");
    }

    private static String clip(String s, int max) {
        return Texts.clip(s, max);
    }
}
