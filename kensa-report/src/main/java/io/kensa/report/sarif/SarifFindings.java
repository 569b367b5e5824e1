package io.kensa.report.sarif;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kensa.core.Artifact;
import io.kensa.core.ScanReport;
import io.kensa.core.license.LicenseFinding;
import io.kensa.core.malware.MalwareFinding;
import io.kensa.core.misconfig.MisconfigFinding;
import io.kensa.core.secret.SecretFinding;
import io.kensa.core.vuln.Severity;
import io.kensa.report.findings.FindingOrders;
import io.kensa.report.findings.Places;
import io.kensa.report.vuln.Texts;
import io.kensa.report.vuln.WebLinks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The secrets, misconfigurations, licenses and malware of a report as SARIF rules and results, beside the
 * vulnerabilities ({@link SarifLogBuilder}):
 * <ul>
 *   <li>one rule per secret rule id, per misconfiguration check id, per license category ({@code license/…}) and
 *       per malware signature ({@code malware/…}), most severe first, its {@code defaultConfiguration.level} the
 *       highest severity's, tagged with its kind (secrets, misconfigurations and malware also {@code security},
 *       with a {@code security-severity} in GitHub's band of that severity); an id another kind already uses gets
 *       its kind as prefix ({@code secret/…});</li>
 *   <li>one result per finding: {@code level} from its severity, its path inside the image as
 *       {@code artifactLocation.uri} (the image itself when it has none, e.g. a check of the image config),
 *       {@code region.startLine} the line when it is known (a secret's masked line as the region's snippet), else 1
 *       (the whole file, as for packages: GitHub needs a region), the layer, the line when known and the kind's own
 *       fields in {@code properties}, and a fingerprint stable across runs.</li>
 * </ul>
 * A secret is only ever written as the engine masked it.
 */
final class SarifFindings {
    private static final int MAX_SHORT_DESCRIPTION = 1024;
    private static final int MAX_TEXT = 16 * 1024;

    private final ObjectMapper json;
    private final Artifact artifact;
    private final ArrayNode rules;
    private final Map<String, Integer> ruleIndex;
    private final ArrayNode results;
    /** Which kind took each rule id this class added. */
    private final Map<String, String> kindOfRule = new LinkedHashMap<>();

    /**
     * @param rules     the run's rules; the vulnerabilities' come first
     * @param ruleIndex the index in {@code rules} of each rule id already there (updated)
     * @param results   the run's results
     */
    SarifFindings(ObjectMapper json, Artifact artifact, ArrayNode rules, Map<String, Integer> ruleIndex,
                  ArrayNode results) {
        this.json = json;
        this.artifact = artifact;
        this.rules = rules;
        this.ruleIndex = ruleIndex;
        this.results = results;
    }

    void add(ScanReport report) {
        addKind("secret", report.secrets().stream().sorted(FindingOrders.SECRETS).toList(), SecretFinding::ruleId,
                this::secretRule, this::secretResult);
        addKind("misconfiguration", report.misconfigurations().stream().sorted(FindingOrders.MISCONFIGURATIONS).toList(),
                MisconfigFinding::id, this::misconfigRule, this::misconfigResult);
        // a license the policy allows is not a result to act on: code scanning would list every package
        addKind("license", report.licenses().stream().filter(l -> !"allow".equals(l.policy()))
                        .sorted(FindingOrders.LICENSES).toList(),
                l -> "license/" + (l.category() == null || l.category().isBlank() ? "unknown" : l.category()),
                this::licenseRule, this::licenseResult);
        addKind("malware", report.malware().stream().sorted(FindingOrders.MALWARE).toList(),
                m -> "malware/" + m.signature(), this::malwareRule, this::malwareResult);
    }

    private interface ResultOf<T> {
        ObjectNode result(T finding, String ruleId, int index);
    }

    private <T> void addKind(String kind, List<T> sorted, Function<T, String> id,
                             BiFunction<String, List<T>, ObjectNode> rule, ResultOf<T> result) {
        Map<String, List<T>> byId = new LinkedHashMap<>();
        sorted.forEach(f -> byId.computeIfAbsent(id.apply(f), k -> new ArrayList<>()).add(f));
        Map<String, String> ids = new LinkedHashMap<>();
        byId.forEach((raw, ofId) -> {
            String ruleId = uniqueId(kind, raw);
            ids.put(raw, ruleId);
            ruleIndex.put(ruleId, rules.size());
            kindOfRule.put(ruleId, kind);
            rules.add(rule.apply(ruleId, ofId));
        });
        for (T f : sorted) {
            String ruleId = ids.get(id.apply(f));
            results.add(result.result(f, ruleId, ruleIndex.get(ruleId)));
        }
    }

    /** {@code id}, or {@code kind/id} when a vulnerability or another kind already has a rule with that id. */
    private String uniqueId(String kind, String id) {
        String candidate = id == null || id.isBlank() ? kind : id;
        if (ruleIndex.containsKey(candidate) && !kind.equals(kindOfRule.get(candidate))) {
            candidate = kind + "/" + candidate;
        }
        return candidate;
    }

    private ObjectNode secretRule(String id, List<SecretFinding> ofId) {
        SecretFinding first = ofId.getFirst();
        String title = text(first.title(), first.ruleId());
        String full = title + (first.category() == null || first.category().isBlank() ? "" : " (" + first.category() + ")");
        String help = "A credential in the image (" + full + "). Anyone who can pull the image can read every layer, "
                + "so a file a later layer deletes still leaks it: remove it from the layer that adds it and revoke it.";
        return rule(id, "HardcodedSecret", title, full, help, highest(ofId, SecretFinding::severity), "secret", true);
    }

    private ObjectNode misconfigRule(String id, List<MisconfigFinding> ofId) {
        MisconfigFinding first = ofId.getFirst();
        String title = text(first.title(), first.id());
        StringBuilder help = new StringBuilder(title);
        if (first.remedy() != null && !first.remedy().isBlank()) {
            help.append("\nRemedy: ").append(first.remedy());
        }
        if (first.reference() != null && !first.reference().isBlank()) {
            help.append("\nReference: ").append(first.reference());
        }
        ObjectNode rule = rule(id, "Misconfiguration", title, title, help.toString(),
                highest(ofId, MisconfigFinding::severity), "misconfiguration", true);
        WebLinks.http(first.reference()).ifPresent(url -> rule.put("helpUri", url));
        return rule;
    }

    private ObjectNode licenseRule(String id, List<LicenseFinding> ofId) {
        String category = text(ofId.getFirst().category(), "unknown");
        Set<String> licenses = new LinkedHashSet<>();
        ofId.forEach(l -> licenses.add(text(l.license(), "unknown")));
        String title = "License category: " + category;
        String full = "Packages whose license is classified as " + category + ": " + String.join(", ", licenses);
        return rule(id, "PackageLicense", title, full, full, highest(ofId, LicenseFinding::severity), "license", false);
    }

    private ObjectNode malwareRule(String id, List<MalwareFinding> ofId) {
        MalwareFinding first = ofId.getFirst();
        Set<String> engines = new LinkedHashSet<>();
        ofId.forEach(m -> engines.add(text(m.engine(), "unknown")));
        String title = "Malware: " + first.signature();
        String full = "A file flagged as " + first.signature() + " by " + String.join(", ", engines) + ".";
        String help = full + " Remove it from the layer that adds it and find out how it got there.";
        return rule(id, "Malware", title, full, help, highest(ofId, MalwareFinding::severity), "malware", true);
    }

    private ObjectNode rule(String id, String name, String shortText, String fullText, String help, Severity highest,
                            String tag, boolean security) {
        ObjectNode rule = json.createObjectNode();
        rule.put("id", id);
        rule.put("name", name);
        rule.putObject("shortDescription").put("text", Texts.clip(shortText, MAX_SHORT_DESCRIPTION));
        rule.putObject("fullDescription").put("text", Texts.clip(fullText, MAX_TEXT));
        rule.putObject("defaultConfiguration").put("level", SarifLevels.of(highest));
        rule.putObject("help").put("text", Texts.clip(help, MAX_TEXT));
        ObjectNode properties = rule.putObject("properties");
        ArrayNode tags = properties.putArray("tags");
        tags.add(tag);
        if (security) {
            tags.add("security");
        }
        tags.add(highest.name());
        String securitySeverity = SarifLevels.securitySeverityOf(highest);
        if (security && securitySeverity != null) {
            properties.put("security-severity", securitySeverity);
        }
        return rule;
    }

    private ObjectNode secretResult(SecretFinding s, String ruleId, int index) {
        StringBuilder message = new StringBuilder();
        message.append(text(s.title(), s.ruleId())).append(" (").append(s.ruleId());
        if (s.category() != null && !s.category().isBlank()) {
            message.append(", ").append(s.category());
        }
        message.append(")\n");
        message.append("Severity: ").append(FindingOrders.severity(s.severity()).name())
                .append(s.example() ? " (a known example credential)" : "").append('\n');
        message.append("Location: ").append(Places.of(s.path(), s.line())).append('\n');
        message.append("Layer: ").append(s.layer() == null ? "none (image config)" : s.layer()).append('\n');
        if (s.deleted()) {
            message.append("Deleted by a later layer: still in the image\n");
        }
        if (s.match() != null) {
            message.append("Match: ").append(s.match()).append('\n');
        }
        ObjectNode result = result(ruleId, index, s.severity(), message.toString(), s.path(), s.line(), s.match(),
                s.layer(), "secret", s.ruleId(), Integer.toString(s.line()));
        ObjectNode properties = (ObjectNode) result.get("properties");
        putPresent(properties, "category", s.category());
        properties.put("deleted", s.deleted());
        properties.put("example", s.example());
        return result;
    }

    private ObjectNode misconfigResult(MisconfigFinding m, String ruleId, int index) {
        StringBuilder message = new StringBuilder();
        message.append(m.id()).append(": ").append(text(m.title(), m.id())).append('\n');
        message.append("Severity: ").append(FindingOrders.severity(m.severity()).name()).append('\n');
        for (String e : m.evidence()) {
            message.append("Evidence: ").append(e).append('\n');
        }
        if (m.layer() != null) {
            message.append("Layer: ").append(m.layer()).append('\n');
        }
        if (m.remedy() != null && !m.remedy().isBlank()) {
            message.append("Remedy: ").append(m.remedy()).append('\n');
        }
        ObjectNode result = result(ruleId, index, m.severity(), message.toString(), m.path(), m.line(), null, m.layer(),
                "misconfiguration", m.id(), String.join("\n", m.evidence()));
        ObjectNode properties = (ObjectNode) result.get("properties");
        putPresent(properties, "source", m.source());
        ArrayNode evidence = properties.putArray("evidence");
        m.evidence().forEach(evidence::add);
        return result;
    }

    private ObjectNode licenseResult(LicenseFinding l, String ruleId, int index) {
        String name = text(l.packageName(), text(l.purl(), "unknown package"));
        StringBuilder message = new StringBuilder();
        message.append("Package: ").append(name).append('\n');
        message.append("License: ").append(text(l.license(), "unknown")).append('\n');
        message.append("Category: ").append(text(l.category(), "unknown")).append('\n');
        message.append("Severity: ").append(FindingOrders.severity(l.severity()).name()).append('\n');
        if (l.policy() != null) {
            message.append("Policy: ").append(l.policy()).append('\n');
        }
        ObjectNode result = result(ruleId, index, l.severity(), message.toString(), l.path(), 0, null, l.layer(),
                "license", text(l.purl(), name), text(l.license(), ""));
        if (l.purl() != null) {
            ObjectNode logical = ((ObjectNode) result.at("/locations/0")).putArray("logicalLocations").addObject();
            logical.put("name", name);
            logical.put("fullyQualifiedName", l.purl());
            logical.put("kind", "package");
        }
        ObjectNode properties = (ObjectNode) result.get("properties");
        putPresent(properties, "packageName", l.packageName());
        putPresent(properties, "purl", l.purl());
        putPresent(properties, "license", l.license());
        putPresent(properties, "category", l.category());
        putPresent(properties, "policy", l.policy());
        return result;
    }

    private ObjectNode malwareResult(MalwareFinding m, String ruleId, int index) {
        StringBuilder message = new StringBuilder();
        message.append("Malware: ").append(m.signature()).append(" (").append(m.engine()).append(")\n");
        message.append("Severity: ").append(FindingOrders.severity(m.severity()).name()).append('\n');
        message.append("File: ").append(m.path()).append('\n');
        message.append("Layer: ").append(m.layer()).append('\n');
        if (m.deleted()) {
            message.append("Deleted by a later layer: still in the image\n");
        }
        if (m.sha256() != null) {
            message.append("SHA-256: ").append(m.sha256()).append('\n');
        }
        ObjectNode result = result(ruleId, index, m.severity(), message.toString(), m.path(), 0, null, m.layer(),
                "malware", m.engine() + "\u0000" + m.signature(), "");
        ObjectNode properties = (ObjectNode) result.get("properties");
        putPresent(properties, "engine", m.engine());
        putPresent(properties, "signature", m.signature());
        putPresent(properties, "sha256", m.sha256());
        properties.put("deleted", m.deleted());
        return result;
    }

    /**
     * A result at {@code path} (the image when there is none), at {@code line} (1 when not known; the snippet only
     * with a known line), its severity and layer as properties and a fingerprint of the kind, {@code identity},
     * the path, the layer and {@code detail}.
     */
    private ObjectNode result(String ruleId, int index, Severity severity, String message, String path, int line,
                              String snippet, String layer, String kind, String identity, String detail) {
        Severity known = FindingOrders.severity(severity);
        ObjectNode result = json.createObjectNode();
        result.put("ruleId", ruleId);
        result.put("ruleIndex", index);
        result.put("level", SarifLevels.of(known));
        result.putObject("message").put("text", Texts.clip(message.stripTrailing(), MAX_TEXT));
        String where = path == null || path.isBlank() ? artifact.name() : path;
        ObjectNode location = result.putArray("locations").addObject();
        ObjectNode physical = location.putObject("physicalLocation");
        ObjectNode artifactLocation = physical.putObject("artifactLocation");
        artifactLocation.put("uri", ArtifactUris.of(where));
        artifactLocation.put("uriBaseId", SarifLogBuilder.ROOT);
        // GitHub places (and accepts) a result only with a region: line 1 stands for the whole file, as for packages
        ObjectNode region = physical.putObject("region");
        region.put("startLine", line > 0 ? line : 1);
        if (line > 0 && snippet != null) {
            region.putObject("snippet").put("text", snippet);
        }
        location.putObject("message").put("text", Texts.clip(artifact.name() + ": " + where
                + (layer == null ? "" : " in layer " + layer), MAX_TEXT));
        result.putObject("partialFingerprints").put(SarifLogBuilder.FINGERPRINT,
                fingerprint(kind, identity, where, layer, detail));
        ObjectNode properties = result.putObject("properties");
        properties.put("kind", kind);
        properties.put("severity", known.name());
        if (layer != null) {
            properties.put("layer", layer);
        }
        if (line > 0) {
            properties.put("line", line);
        }
        return result;
    }

    private static <T> Severity highest(List<T> findings, Function<T, Severity> severity) {
        return findings.stream().map(f -> FindingOrders.severity(severity.apply(f))).max(Enum::compareTo)
                .orElse(Severity.UNKNOWN);
    }

    private static void putPresent(ObjectNode properties, String name, String value) {
        if (value != null) {
            properties.put(name, value);
        }
    }

    private static String text(String s, String otherwise) {
        return s == null || s.isBlank() ? otherwise : s;
    }

    private static String fingerprint(String... parts) {
        String identity = String.join("\u0000", java.util.Arrays.stream(parts).map(p -> p == null ? "" : p).toList());
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
