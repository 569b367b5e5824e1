package io.kensa.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kensa.core.Artifact;
import io.kensa.core.LayerSummary;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Kensa's own JSON report. Field names follow the contract in the design notes and the JSON Schema at
 * {@code kensa-report/src/main/resources/io/kensa/report/kensa-report.schema.json}; add fields freely,
 * rename none without bumping {@link ScanReport#SCHEMA_VERSION}.
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
        ArrayNode warnings = root.putArray("warnings");
        report.warnings().forEach(warnings::add);
        return root;
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
