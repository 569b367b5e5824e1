package io.kensa.report.html;

import io.kensa.core.ScanReport;
import io.kensa.core.license.LicenseFinding;
import io.kensa.core.malware.MalwareFinding;
import io.kensa.core.misconfig.MisconfigFinding;
import io.kensa.core.secret.SecretFinding;
import io.kensa.core.vuln.Severity;
import io.kensa.report.findings.FindingOrders;
import io.kensa.report.findings.LayerLabels;
import io.kensa.report.findings.Places;
import io.kensa.report.vuln.SeverityCounts;
import io.kensa.report.vuln.WebLinks;

import java.io.IOException;
import java.util.List;

/**
 * The page's sections for secrets, misconfigurations, licenses and malware: a heading with the count, one sortable
 * table per kind, most severe first, every finding with its layer ({@code L2}, the diffID as its title) and path.
 * A kind the report has none of gets no section. Everything goes through {@link HtmlWriter}, so it is escaped; a
 * secret's line is shown exactly as the engine masked it.
 */
final class FindingSections {
    private final ScanReport report;
    private final HtmlWriter html;
    private final LayerLabels layers;

    FindingSections(ScanReport report, HtmlWriter html) {
        this.report = report;
        this.html = html;
        this.layers = LayerLabels.of(report);
    }

    /** One list item per kind the report has findings of: its total and its counts by severity. */
    void counts() throws IOException {
        if (report.secrets().isEmpty() && report.misconfigurations().isEmpty() && report.licenses().isEmpty()
                && report.malware().isEmpty()) {
            return;
        }
        html.open("ul", "class", "counts kinds").newline();
        count("secrets", "secrets", SeverityCounts.of(report.secrets(), SecretFinding::severity));
        count("misconfigurations", "misconfigurations",
                SeverityCounts.of(report.misconfigurations(), MisconfigFinding::severity));
        count("licenses", "licenses", SeverityCounts.of(report.licenses(), LicenseFinding::severity));
        count("malware", "malware", SeverityCounts.of(report.malware(), MalwareFinding::severity));
        html.close("ul").newline();
    }

    private void count(String kind, String label, SeverityCounts counts) throws IOException {
        if (counts.total() == 0) {
            return;
        }
        html.open("li", "data-kind", kind, "title", counts.countsLine())
                .element("strong", Integer.toString(counts.total())).text(label).close("li").newline();
    }

    void write() throws IOException {
        secrets();
        misconfigurations();
        licenses();
        malware();
    }

    private void secrets() throws IOException {
        List<SecretFinding> sorted = report.secrets().stream().sorted(FindingOrders.SECRETS).toList();
        if (!start("secrets", "Secrets", sorted.size(), "secret-findings",
                List.of("Severity", "Rule", "Category", "Title", "File", "Line", "Layer", "Match"))) {
            return;
        }
        for (SecretFinding s : sorted) {
            html.open("tr", "class", "secret", "data-rule", s.ruleId());
            severity(s.severity());
            html.element("td", s.ruleId(), "class", "nowrap");
            html.element("td", s.category());
            html.element("td", s.example() ? s.title() + " (example)" : s.title());
            html.element("td", s.path());
            html.element("td", s.line() > 0 ? Integer.toString(s.line()) : "", "class", "num");
            layer(s.layer(), s.deleted());
            html.open("td").element("code", s.match()).close("td");
            html.close("tr").newline();
        }
        end();
    }

    private void misconfigurations() throws IOException {
        List<MisconfigFinding> sorted = report.misconfigurations().stream().sorted(FindingOrders.MISCONFIGURATIONS)
                .toList();
        if (!start("misconfigurations", "Misconfigurations", sorted.size(), "misconfig-findings",
                List.of("Severity", "ID", "Title", "Where", "Layer", "Evidence", "Remedy"))) {
            return;
        }
        for (MisconfigFinding m : sorted) {
            html.open("tr", "class", "misconfiguration", "data-id", m.id());
            severity(m.severity());
            html.open("td", "class", "nowrap");
            var url = WebLinks.http(m.reference());
            if (url.isPresent()) {
                html.element("a", m.id(), "href", url.get(), "rel", "noopener noreferrer", "title", m.reference());
            } else {
                html.element("span", m.id(), "title", m.reference());
            }
            html.close("td");
            html.element("td", m.title());
            String where = Places.of(m.path(), m.line());
            html.element("td", where.isEmpty() ? (m.source() == null ? "image" : m.source()) : where);
            layer(m.layer(), false);
            html.open("td");
            if (!m.evidence().isEmpty()) {
                html.open("ul", "class", "evidence");
                for (String e : m.evidence()) {
                    html.element("li", e);
                }
                html.close("ul");
            }
            html.close("td");
            html.element("td", m.remedy());
            html.close("tr").newline();
        }
        end();
    }

    private void licenses() throws IOException {
        List<LicenseFinding> sorted = report.licenses().stream().sorted(FindingOrders.LICENSES).toList();
        if (!start("licenses", "Licenses", sorted.size(), "license-findings",
                List.of("Severity", "Policy", "Category", "License", "Package", "Purl", "Layer", "Path"))) {
            return;
        }
        for (LicenseFinding l : sorted) {
            html.open("tr", "class", "license", "data-policy", l.policy());
            severity(l.severity());
            html.element("td", l.policy());
            html.element("td", l.category());
            html.element("td", l.license());
            html.element("td", l.packageName());
            html.element("td", l.purl());
            layer(l.layer(), false);
            html.element("td", l.path());
            html.close("tr").newline();
        }
        end();
    }

    private void malware() throws IOException {
        List<MalwareFinding> sorted = report.malware().stream().sorted(FindingOrders.MALWARE).toList();
        if (!start("malware", "Malware", sorted.size(), "malware-findings",
                List.of("Severity", "Signature", "Engine", "File", "Layer", "SHA-256"))) {
            return;
        }
        for (MalwareFinding m : sorted) {
            html.open("tr", "class", "malware", "data-engine", m.engine());
            severity(m.severity());
            html.element("td", m.signature());
            html.element("td", m.engine());
            html.element("td", m.path());
            layer(m.layer(), m.deleted());
            html.open("td").element("code", m.sha256()).close("td");
            html.close("tr").newline();
        }
        end();
    }

    /** Opens the section and its table, or does nothing and says so when there are no findings. */
    private boolean start(String id, String title, int count, String tableId, List<String> headers) throws IOException {
        if (count == 0) {
            return false;
        }
        html.open("section", "id", id).newline();
        html.element("h2", title + " (" + count + ")").newline();
        html.open("table", "id", tableId, "class", "sortable").newline();
        html.open("thead").open("tr");
        for (String h : headers) {
            if (h.equals("Severity") || h.equals("Line")) {
                html.element("th", h, "data-type", "num");
            } else {
                html.element("th", h);
            }
        }
        html.close("tr").close("thead").newline();
        html.open("tbody").newline();
        return true;
    }

    private void end() throws IOException {
        html.close("tbody").newline();
        html.close("table").newline();
        html.close("section").newline();
    }

    private void severity(Severity s) throws IOException {
        Severity known = FindingOrders.severity(s);
        html.open("td", "data-sort", Integer.toString(known.ordinal()))
                .element("span", known.name(), "class", "sev sev-" + known.name()).close("td");
    }

    /** {@code L2} (the diffID as its title), with {@code deleted} when a later layer deletes the file. */
    private void layer(String diffId, boolean deleted) throws IOException {
        html.element("td", layers.label(diffId, deleted), "class", "nowrap", "title", diffId);
    }
}
