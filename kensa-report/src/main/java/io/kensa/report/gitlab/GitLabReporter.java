package io.kensa.report.gitlab;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kensa.core.Artifact;
import io.kensa.core.KensaVersion;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import io.kensa.core.vuln.CvssScore;
import io.kensa.core.vuln.Severity;
import io.kensa.core.vuln.VulnerabilityFinding;
import io.kensa.report.Reporter;
import io.kensa.report.vuln.AdvisoryIds;
import io.kensa.report.vuln.FindingOrder;
import io.kensa.report.vuln.Remediation;
import io.kensa.report.vuln.Texts;
import io.kensa.report.vuln.WebLinks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The findings as a GitLab container scanning report ({@code --format gitlab}, security report schema
 * {@value #SCHEMA_VERSION}): {@code scan} names Kensa as analyzer and scanner, type {@code container_scanning},
 * both times the scan's; each finding is one vulnerability with
 * <ul>
 *   <li>{@code id}: a name-based UUID of the vulnerability id and the package's purl, the same in every run;</li>
 *   <li>{@code name} (the title), {@code description}, {@code severity} ({@code Critical} … {@code Unknown}),
 *       {@code solution} (the upgrade);</li>
 *   <li>{@code identifiers}: the vulnerability id first (GitLab's primary identifier), then its aliases, then its
 *       CWEs, each typed ({@code cve}, {@code ghsa}, {@code cwe} …) with its page where known;</li>
 *   <li>{@code cvss_vectors}: the CVSS v2 and v3.x vectors GitLab's schema accepts (v4 is not in it yet);</li>
 *   <li>{@code links}: the advisory's page; {@code location}: the package and version, the OS and the image.</li>
 * </ul>
 * No {@code remediations} (Kensa has no patches to offer). Lengths are cut to the schema's limits.
 */
public final class GitLabReporter implements Reporter {
    public static final String SCHEMA_VERSION = "15.2.1";
    static final String SCHEMA_URL = "https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v"
            + SCHEMA_VERSION + "/dist/container-scanning-report-format.json";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    /** The shapes GitLab's schema accepts for {@code cvss_vectors} (CVSS v2 and v3.0/v3.1). */
    private static final Pattern CVSS_V2 = Pattern.compile(
            "^((AV:[NAL]|AC:[LMH]|Au:[MSN]|[CIA]:[NPC]|E:(U|POC|F|H|ND)|RL:(OF|TF|W|U|ND)|RC:(UC|UR|C|ND)|CDP:(N|L|LM|MH|H|ND)|TD:(N|L|M|H|ND)|[CIA]R:(L|M|H|ND))/)*(AV:[NAL]|AC:[LMH]|Au:[MSN]|[CIA]:[NPC]|E:(U|POC|F|H|ND)|RL:(OF|TF|W|U|ND)|RC:(UC|UR|C|ND)|CDP:(N|L|LM|MH|H|ND)|TD:(N|L|M|H|ND)|[CIA]R:(L|M|H|ND))$");
    private static final Pattern CVSS_V3 = Pattern.compile(
            "^CVSS:3[.][01]/((AV:[NALP]|AC:[LH]|PR:[NLH]|UI:[NR]|S:[UC]|[CIA]:[NLH]|E:[XUPFH]|RL:[XOTWU]|RC:[XURC]|[CIA]R:[XLMH]|MAV:[XNALP]|MAC:[XLH]|MPR:[XNLH]|MUI:[XNR]|MS:[XUC]|M[CIA]:[XNLH])/)*(AV:[NALP]|AC:[LH]|PR:[NLH]|UI:[NR]|S:[UC]|[CIA]:[NLH]|E:[XUPFH]|RL:[XOTWU]|RC:[XURC]|[CIA]R:[XLMH]|MAV:[XNALP]|MAC:[XLH]|MPR:[XNLH]|MUI:[XNR]|MS:[XUC]|M[CIA]:[XNLH])$");
    private static final Pattern CWE = Pattern.compile("CWE-(\\d{1,9})", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public String format() {
        return "gitlab";
    }

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        JSON.writeValue(out, toJson(report));
        out.write('\n');
    }

    ObjectNode toJson(ScanReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", SCHEMA_VERSION);
        root.put("schema", SCHEMA_URL);
        root.set("scan", scan(report));
        ArrayNode vulnerabilities = root.putArray("vulnerabilities");
        String os = operatingSystem(report.artifact());
        report.vulnerabilities().stream().sorted(FindingOrder.MOST_URGENT_FIRST)
                .forEach(f -> vulnerabilities.add(vulnerability(f, report.artifact(), os)));
        return root;
    }

    private static ObjectNode scan(ScanReport report) {
        ObjectNode scan = JSON.createObjectNode();
        String version = KensaVersion.get().isBlank() ? "unknown" : KensaVersion.get();
        ObjectNode analyzer = scan.putObject("analyzer");
        analyzer.put("id", "kensa");
        analyzer.put("name", "Kensa");
        analyzer.put("version", version);
        analyzer.putObject("vendor").put("name", "Kensa");
        ObjectNode scanner = scan.putObject("scanner");
        scanner.put("id", "kensa");
        scanner.put("name", "Kensa");
        scanner.put("version", version);
        scanner.putObject("vendor").put("name", "Kensa");
        String time = TIME.format(report.createdAt().truncatedTo(ChronoUnit.SECONDS));
        scan.put("start_time", time);
        scan.put("end_time", time);
        scan.put("status", "success");
        scan.put("type", "container_scanning");
        return scan;
    }

    private static ObjectNode vulnerability(VulnerabilityFinding f, Artifact artifact, String os) {
        Package p = f.pkg();
        ObjectNode v = JSON.createObjectNode();
        v.put("id", stableId(f).toString());
        String title = f.title() == null || f.title().isBlank() ? f.id() : f.title();
        v.put("name", Texts.clip(title, 255));
        v.put("description", Texts.clip(f.description() == null || f.description().isBlank() ? title : f.description(),
                1_048_576));
        v.put("severity", severity(f.severity()));
        v.put("solution", Texts.clip(Remediation.of(f), 7000));
        ArrayNode identifiers = v.putArray("identifiers");
        Set<String> ids = new LinkedHashSet<>();
        ids.add(f.id());
        ids.addAll(f.aliases());
        for (String id : ids) {
            if (id == null || id.isBlank()) {
                continue;
            }
            ObjectNode identifier = identifiers.addObject();
            identifier.put("type", AdvisoryIds.type(id));
            identifier.put("name", id);
            identifier.put("value", id);
            AdvisoryIds.url(id).ifPresent(url -> identifier.put("url", url));
        }
        for (String cwe : f.cwes()) {
            Matcher m = cwe == null ? null : CWE.matcher(cwe.trim());
            if (m != null && m.matches()) {
                ObjectNode identifier = identifiers.addObject();
                identifier.put("type", "cwe");
                identifier.put("name", "CWE-" + m.group(1));
                identifier.put("value", m.group(1));
                identifier.put("url", "https://cwe.mitre.org/data/definitions/" + m.group(1) + ".html");
            }
        }
        ArrayNode vectors = JSON.createArrayNode();
        for (CvssScore c : f.cvss()) {
            if (vectors.size() < 10 && c != null && c.vector() != null && c.vector().length() <= 128
                    && (CVSS_V2.matcher(c.vector()).matches() || CVSS_V3.matcher(c.vector()).matches())) {
                ObjectNode vector = vectors.addObject();
                vector.put("vendor", c.source() == null || c.source().isBlank() ? "unknown" : c.source());
                vector.put("vector", c.vector());
            }
        }
        if (!vectors.isEmpty()) {
            v.set("cvss_vectors", vectors);
        }
        ArrayNode links = v.putArray("links");
        WebLinks.http(f.primaryUrl()).ifPresent(url -> links.addObject().put("url", url));
        ObjectNode location = v.putObject("location");
        ObjectNode dependency = location.putObject("dependency");
        dependency.putObject("package").put("name", p.name());
        dependency.put("version", f.installedVersion());
        location.put("operating_system", os);
        location.put("image", artifact.name().isBlank() ? "unknown" : artifact.name());
        return v;
    }

    /** The same finding has the same id in every report: a name-based UUID of the vulnerability and the package. */
    static UUID stableId(VulnerabilityFinding f) {
        String pkg = f.pkg().purl() != null ? f.pkg().purl() : f.pkg().key();
        return UUID.nameUUIDFromBytes((f.id() + "|" + pkg).getBytes(StandardCharsets.UTF_8));
    }

    private static String operatingSystem(Artifact a) {
        if (a.os() == null || a.os().family() == null || a.os().family().isBlank()) {
            return "Unknown";
        }
        return a.os().family() + (a.os().version().isEmpty() ? "" : " " + a.os().version());
    }

    private static String severity(Severity s) {
        return switch (s) {
            case CRITICAL -> "Critical";
            case HIGH -> "High";
            case MEDIUM -> "Medium";
            case LOW -> "Low";
            case UNKNOWN -> "Unknown";
        };
    }
}
