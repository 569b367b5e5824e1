package io.kensa.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kensa.core.Artifact;
import io.kensa.core.LayerSummary;
import io.kensa.core.Package;
import io.kensa.core.vuln.CvssScore;
import io.kensa.core.vuln.SuppressedFinding;
import io.kensa.core.vuln.VulnerabilityFinding;
import io.kensa.core.ScanReport;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Kensa's own JSON report. Field names follow the contract in the design notes and the JSON Schema at
 * {@code kensa-report/src/main/resources/io/kensa/report/kensa-report.schema.json}; add fields freely,
 * rename none without bumping {@link ScanReport#SCHEMA_VERSION}. The arrays of every kind of finding
 * ({@code vulnerabilities}, {@code secrets}, {@code misconfigurations}, {@code licenses}, {@code malware}) are always
 * there, empty when the report has none ({@link FindingJson}); findings are listed in the report's order.
 */
public final class JsonReporter implements Reporter {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public String format() {
        return "json";
    }

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        JSON.writeValue(out, toJson(report));
        out.write('\n');
    }

    ObjectNode toJson(ScanReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", ScanReport.SCHEMA_VERSION);
        root.put("createdAt", report.createdAt().toString());
        root.set("artifact", artifact(report.artifact()));
        ArrayNode layers = root.putArray("layers");
        for (LayerSummary l : report.layers()) {
            ObjectNode n = layers.addObject();
            n.put("diffID", l.diffId());
            n.put("digest", l.digest());
            n.put("size", l.size());
            if (l.createdBy() != null) {
                n.put("createdBy", l.createdBy());
            }
            n.put("cached", l.cached());
        }
        ArrayNode packages = root.putArray("packages");
        for (Package p : report.packages()) {
            packages.add(pkg(p));
        }
        ArrayNode vulnerabilities = root.putArray("vulnerabilities");
        for (VulnerabilityFinding f : report.vulnerabilities()) {
            vulnerabilities.add(finding(f));
        }
        ArrayNode suppressed = root.putArray("suppressed");
        for (SuppressedFinding s : report.suppressed()) {
            ObjectNode n = finding(s.finding());
            n.put("filter", s.filter());
            n.put("reason", s.reason());
            suppressed.add(n);
        }
        ArrayNode secrets = root.putArray("secrets");
        report.secrets().forEach(f -> secrets.add(FindingJson.secret(f)));
        ArrayNode misconfigurations = root.putArray("misconfigurations");
        report.misconfigurations().forEach(f -> misconfigurations.add(FindingJson.misconfiguration(f)));
        ArrayNode licenses = root.putArray("licenses");
        report.licenses().forEach(f -> licenses.add(FindingJson.license(f)));
        ArrayNode malware = root.putArray("malware");
        report.malware().forEach(f -> malware.add(FindingJson.malware(f)));
        ArrayNode warnings = root.putArray("warnings");
        report.warnings().forEach(warnings::add);
        ObjectNode notRead = root.putObject("filesNotRead");
        report.filesNotRead().forEach(notRead::put);
        return root;
    }

    /** One finding: the contract's fields first, then what else a security team acts on. */
    static ObjectNode finding(VulnerabilityFinding f) {
        ObjectNode n = JSON.createObjectNode();
        Package p = f.pkg();
        n.put("id", f.id());
        ArrayNode aliases = n.putArray("aliases");
        f.aliases().forEach(aliases::add);
        n.put("purl", p.purl());
        n.put("pkgType", p.type());
        n.put("pkgName", p.name());
        n.put("installedVersion", f.installedVersion());
        if (f.fixedVersion() != null) {
            n.put("fixedVersion", f.fixedVersion());
        }
        ArrayNode fixed = n.putArray("fixedVersions");
        f.fixedVersions().forEach(fixed::add);
        n.put("status", f.status().wireName());
        n.put("severity", f.severity().name());
        if (f.severitySource() != null) {
            n.put("severitySource", f.severitySource());
        }
        ObjectNode cvss = n.putObject("cvss");
        for (CvssScore c : f.cvss()) {
            ObjectNode bySource = cvss.has(c.source()) ? (ObjectNode) cvss.get(c.source()) : cvss.putObject(c.source());
            if (!bySource.has(c.version())) {
                ObjectNode v = bySource.putObject(c.version());
                v.put("vector", c.vector());
                v.put("score", c.baseScore());
                v.put("severity", c.severity().name());
            }
        }
        if (f.epss() != null) {
            n.put("epss", f.epss());
        }
        if (f.epssPercentile() != null) {
            n.put("epssPercentile", f.epssPercentile());
        }
        n.put("kev", f.isKev());
        if (f.kev() != null) {
            n.put("kevDateAdded", f.kev().dateAdded().toString());
        }
        ArrayNode cwes = n.putArray("cwes");
        f.cwes().forEach(cwes::add);
        if (f.title() != null) {
            n.put("title", f.title());
        }
        if (f.description() != null) {
            n.put("description", f.description());
        }
        if (f.primaryUrl() != null) {
            n.put("primaryUrl", f.primaryUrl());
        }
        n.put("layer", p.layer());
        ArrayNode paths = n.putArray("paths");
        f.packages().stream().flatMap(i -> i.paths().stream()).distinct().forEach(paths::add);
        ArrayNode layers = n.putArray("layers");
        f.packages().stream().map(Package::layer).filter(l -> l != null).distinct().forEach(layers::add);
        n.put("dataSource", f.dataSource());
        n.put("matchReason", f.matchReason());
        return n;
    }

    private static ObjectNode artifact(Artifact a) {
        ObjectNode n = JSON.createObjectNode();
        n.put("name", a.name());
        n.put("type", a.type());
        if (a.digest() != null) {
            n.put("digest", a.digest());
        }
        if (a.repoDigests() != null && !a.repoDigests().isEmpty()) {
            ArrayNode rd = n.putArray("repoDigests");
            a.repoDigests().forEach(rd::add);
        }
        if (a.architecture() != null) {
            n.put("architecture", a.architecture());
        }
        if (a.os() != null) {
            ObjectNode os = n.putObject("os");
            os.put("family", a.os().family());
            os.put("version", a.os().version());
            if (a.os().name() != null) {
                os.put("name", a.os().name());
            }
        }
        return n;
    }

    private static ObjectNode pkg(Package p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", p.type());
        n.put("name", p.name());
        n.put("version", p.version());
        if (p.arch() != null) {
            n.put("arch", p.arch());
        }
        if (p.purl() != null) {
            n.put("purl", p.purl());
        }
        n.put("layer", p.layer());
        ArrayNode paths = n.putArray("paths");
        p.paths().forEach(paths::add);
        ArrayNode licenses = n.putArray("licenses");
        p.licenses().forEach(licenses::add);
        if (p.source() != null) {
            ObjectNode s = n.putObject("source");
            s.put("name", p.source().name());
            s.put("version", p.source().version());
        }
        if (p.vendor() != null) {
            n.put("vendor", p.vendor());
        }
        if (p.modularityLabel() != null) {
            n.put("modularityLabel", p.modularityLabel());
        }
        if (p.sha1() != null) {
            n.put("sha1", p.sha1());
        }
        if (p.foundBy() != null) {
            n.put("foundBy", p.foundBy());
        }
        if (p.dev() != null) {
            n.put("dev", p.dev());
        }
        if (p.ownedBy() != null) {
            n.put("ownedBy", p.ownedBy());
        }
        return n;
    }
}
