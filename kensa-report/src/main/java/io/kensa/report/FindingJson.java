package io.kensa.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kensa.core.license.LicenseFinding;
import io.kensa.core.malware.MalwareFinding;
import io.kensa.core.misconfig.MisconfigFinding;
import io.kensa.core.secret.SecretFinding;
import io.kensa.core.vuln.Severity;
import io.kensa.report.findings.FindingOrders;

/**
 * The JSON report's secrets, misconfigurations, licenses and malware: each record's fields under the names of the
 * report contract (the contract's fields first). Every field is written, {@code null} where the record has none, so
 * scripts can rely on the keys; a secret's {@code match} is written as the engine masked it.
 */
final class FindingJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FindingJson() {
    }

    static ObjectNode secret(SecretFinding s) {
        ObjectNode n = NODES.objectNode();
        n.put("ruleId", s.ruleId());
        n.put("severity", severity(s.severity()));
        n.put("path", s.path());
        n.put("line", s.line());
        n.put("layer", s.layer());
        n.put("deleted", s.deleted());
        n.put("match", s.match());
        n.put("category", s.category());
        n.put("title", s.title());
        n.put("example", s.example());
        return n;
    }

    static ObjectNode misconfiguration(MisconfigFinding m) {
        ObjectNode n = NODES.objectNode();
        n.put("id", m.id());
        n.put("severity", severity(m.severity()));
        n.put("title", m.title());
        n.put("source", m.source());
        n.put("reference", m.reference());
        n.put("remedy", m.remedy());
        ArrayNode evidence = n.putArray("evidence");
        m.evidence().forEach(evidence::add);
        n.put("path", m.path());
        n.put("line", m.line());
        n.put("layer", m.layer());
        return n;
    }

    static ObjectNode license(LicenseFinding l) {
        ObjectNode n = NODES.objectNode();
        n.put("purl", l.purl());
        n.put("license", l.license());
        n.put("category", l.category());
        n.put("packageName", l.packageName());
        n.put("severity", severity(l.severity()));
        n.put("layer", l.layer());
        n.put("path", l.path());
        n.put("policy", l.policy());
        return n;
    }

    static ObjectNode malware(MalwareFinding m) {
        ObjectNode n = NODES.objectNode();
        n.put("path", m.path());
        n.put("layer", m.layer());
        n.put("engine", m.engine());
        n.put("signature", m.signature());
        n.put("severity", severity(m.severity()));
        n.put("sha256", m.sha256());
        n.put("deleted", m.deleted());
        return n;
    }

    private static String severity(Severity s) {
        return FindingOrders.severity(s).name();
    }
}
