package io.kensa.report.html;

import io.kensa.core.Artifact;
import io.kensa.core.KensaVersion;
import io.kensa.core.ScanReport;
import io.kensa.core.vuln.Severity;
import io.kensa.core.vuln.SuppressedFinding;
import io.kensa.core.vuln.VulnerabilityFinding;
import io.kensa.report.Reporter;
import io.kensa.report.vuln.FindingOrder;
import io.kensa.report.vuln.FindingTargets;
import io.kensa.report.vuln.SeverityCounts;
import io.kensa.report.vuln.WebLinks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * One self-contained HTML page ({@code --format html}): no external style, script, font or image. It shows the
 * artifact, the counts by severity (and how many are known exploited or suppressed), the findings table (one row per
 * finding per target, most urgent first; a click on a column header sorts by it), the suppressed findings with
 * their filter and reason, the secrets, misconfigurations, licenses and malware ({@link FindingSections}), and the
 * package and layer counts. Everything from the report is escaped
 * ({@link HtmlWriter}); links are only written for {@code http(s)} URLs; a Content-Security-Policy allows nothing
 * but the page's own style and script (by hash), so even a missed escape could not run a script.
 */
public final class HtmlReporter implements Reporter {
    static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1b1f23;background:#fff}
            h1{font-size:1.5rem;margin-bottom:.25rem}h2{font-size:1.2rem;margin-top:2rem}
            .meta{color:#57606a;margin-top:0}
            ul.counts{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
            ul.counts li{border-radius:6px;padding:.5rem .9rem;min-width:6rem;background:#f6f8fa;border:1px solid #d0d7de}
            ul.counts strong{display:block;font-size:1.4rem}
            table{border-collapse:collapse;width:100%;font-size:.85rem}
            th,td{border-bottom:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
            th{background:#f6f8fa;cursor:pointer;white-space:nowrap;position:sticky;top:0}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            td.nowrap{white-space:nowrap}
            li[data-severity=CRITICAL] strong{color:#8b0000}li[data-severity=HIGH] strong{color:#d1242f}
            li[data-severity=MEDIUM] strong{color:#bc4c00}li[data-severity=LOW] strong{color:#9a6700}
            .sev{font-weight:600;border-radius:4px;padding:0 .35rem;white-space:nowrap}
            .sev-CRITICAL{background:#8b0000;color:#fff}.sev-HIGH{background:#d1242f;color:#fff}
            .sev-MEDIUM{background:#fb8f44;color:#1b1f23}.sev-LOW{background:#f2cc60;color:#1b1f23}
            .sev-UNKNOWN{background:#d0d7de;color:#1b1f23}
            .kev{font-weight:600;color:#8b0000}
            code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.8rem;word-break:break-all}
            ul.evidence{margin:0;padding-left:1rem}
            footer{margin-top:2rem;color:#57606a;font-size:.8rem}
            """;
    /** Sorts a table by the clicked column; written without {@code <} or {@code &} so the page stays well-formed XML. */
    static final String SCRIPT = """
            document.querySelectorAll('table.sortable th').forEach(function (th) {
              th.addEventListener('click', function () {
                var body = th.closest('table').tBodies[0];
                var col = th.cellIndex;
                var numeric = th.dataset.type === 'num';
                var dir = th.dataset.dir === 'asc' ? -1 : 1;
                th.dataset.dir = dir === 1 ? 'asc' : 'desc';
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var x = a.cells[col].dataset.sort || a.cells[col].textContent;
                  var y = b.cells[col].dataset.sort || b.cells[col].textContent;
                  return dir * (numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y));
                });
                rows.forEach(function (r) { body.appendChild(r); });
              });
            });
            """;
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'; script-src '"
            + sha256(SCRIPT) + "'; base-uri 'none'; form-action 'none'";

    @Override
    public String format() {
        return "html";
    }

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        HtmlWriter html = new HtmlWriter(writer);
        page(report, html);
        writer.flush();
    }

    private static void page(ScanReport report, HtmlWriter html) throws IOException {
        Artifact a = report.artifact();
        html.raw("<!DOCTYPE html>").newline();
        html.open("html", "lang", "en").newline();
        html.open("head").newline();
        html.empty("meta", "charset", "utf-8").newline();
        html.empty("meta", "http-equiv", "Content-Security-Policy", "content", CONTENT_SECURITY_POLICY).newline();
        html.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").newline();
        html.element("title", "Kensa report: " + a.name()).newline();
        html.open("style").raw(STYLE).close("style").newline();
        html.close("head").newline();
        html.open("body").newline();
        header(report, html);
        summary(report, html);
        findings(report, html);
        suppressed(report, html);
        new FindingSections(report, html).write();
        warnings(report, html);
        html.element("footer", "Generated by Kensa " + KensaVersion.get() + " on " + report.createdAt()).newline();
        html.open("script").raw(SCRIPT).close("script").newline();
        html.close("body").newline();
        html.close("html").newline();
    }

    private static void header(ScanReport report, HtmlWriter html) throws IOException {
        Artifact a = report.artifact();
        html.open("header").newline();
        html.element("h1", a.name()).newline();
        StringBuilder meta = new StringBuilder(a.type());
        if (a.os() != null) {
            meta.append(" · ").append(a.os().name() != null ? a.os().name() : a.os().family() + " " + a.os().version());
        }
        if (a.digest() != null) {
            meta.append(" · ").append(a.digest());
        }
        meta.append(" · scanned ").append(report.createdAt());
        html.element("p", meta.toString(), "class", "meta").newline();
        html.element("p", report.packages().size() + " packages in " + report.layers().size() + " layers",
                "class", "meta", "id", "inventory").newline();
        html.close("header").newline();
    }

    private static void summary(ScanReport report, HtmlWriter html) throws IOException {
        SeverityCounts counts = SeverityCounts.of(report.vulnerabilities());
        html.open("section", "id", "summary").newline();
        html.element("h2", "Summary");
        html.open("ul", "class", "counts").newline();
        for (Severity s : SeverityCounts.MOST_SEVERE_FIRST) {
            html.open("li", "class", "sev-count", "data-severity", s.name())
                    .element("strong", Integer.toString(counts.count(s))).text(s.name()).close("li").newline();
        }
        long kev = report.vulnerabilities().stream().filter(VulnerabilityFinding::isKev).count();
        html.open("li", "data-count", "kev").element("strong", Long.toString(kev)).text("known exploited (KEV)")
                .close("li").newline();
        html.open("li", "data-count", "suppressed").element("strong", Integer.toString(report.suppressed().size()))
                .text("suppressed").close("li").newline();
        html.close("ul").newline();
        new FindingSections(report, html).counts();
        html.close("section").newline();
    }

    private static void findings(ScanReport report, HtmlWriter html) throws IOException {
        html.open("section", "id", "vulnerabilities").newline();
        html.element("h2", "Vulnerabilities (" + report.vulnerabilities().size() + ")").newline();
        if (report.vulnerabilities().isEmpty()) {
            html.element("p", "No vulnerability findings in this report.").newline();
            html.close("section").newline();
            return;
        }
        html.open("table", "id", "findings", "class", "sortable").newline();
        html.open("thead").open("tr");
        html.element("th", "Severity", "data-type", "num");
        for (String h : List.of("ID", "Package", "Installed", "Fixed", "Status")) {
            html.element("th", h);
        }
        html.element("th", "EPSS", "data-type", "num");
        html.element("th", "KEV");
        html.element("th", "Target");
        html.element("th", "Title");
        html.close("tr").close("thead").newline();
        html.open("tbody").newline();
        for (FindingTargets.Target target : FindingTargets.of(report)) {
            for (FindingTargets.Row row : target.rows()) {
                findingRow(html, row.finding(), row.pkg().name(), target.name());
            }
        }
        html.close("tbody").newline();
        html.close("table").newline();
        html.close("section").newline();
    }

    private static void findingRow(HtmlWriter html, VulnerabilityFinding f, String packageName, String target)
            throws IOException {
        html.open("tr", "class", "finding", "data-id", f.id());
        html.open("td", "data-sort", Integer.toString(f.severity().ordinal()))
                .element("span", f.severity().name(), "class", "sev sev-" + f.severity().name()).close("td");
        html.open("td", "class", "nowrap");
        var url = WebLinks.http(f.primaryUrl());
        if (url.isPresent()) {
            html.element("a", f.id(), "href", url.get(), "rel", "noopener noreferrer");
        } else {
            html.text(f.id());
        }
        html.close("td");
        html.element("td", packageName);
        html.element("td", f.installedVersion(), "class", "nowrap");
        html.element("td", String.join(", ", f.fixedVersions()), "class", "nowrap");
        html.element("td", f.status() == null ? "" : f.status().wireName());
        html.element("td", f.epss() == null ? "" : String.format(Locale.ROOT, "%.5f", f.epss()),
                "class", "num", "data-sort", f.epss() == null ? "-1" : Double.toString(f.epss()));
        if (f.isKev()) {
            html.element("td", "KEV", "class", "kev", "title", "CISA KEV since " + f.kev().dateAdded());
        } else {
            html.element("td", "");
        }
        html.element("td", target);
        html.element("td", f.title() != null && !f.title().isBlank() ? f.title()
                : io.kensa.report.vuln.Texts.clip(f.description() == null ? "" : f.description(), 140));
        html.close("tr").newline();
    }

    private static void suppressed(ScanReport report, HtmlWriter html) throws IOException {
        if (report.suppressed().isEmpty()) {
            return;
        }
        html.open("section", "id", "suppressed").newline();
        html.element("h2", "Suppressed (" + report.suppressed().size() + ")").newline();
        html.open("table", "id", "suppressed-findings", "class", "sortable").newline();
        html.open("thead").open("tr");
        for (String h : List.of("ID", "Package", "Installed", "Severity", "Filter", "Reason")) {
            html.element("th", h);
        }
        html.close("tr").close("thead").newline();
        html.open("tbody").newline();
        List<SuppressedFinding> sorted = report.suppressed().stream()
                .sorted(java.util.Comparator.comparing(SuppressedFinding::finding, FindingOrder.MOST_URGENT_FIRST)).toList();
        for (SuppressedFinding s : sorted) {
            VulnerabilityFinding f = s.finding();
            html.open("tr", "class", "suppressed", "data-id", f.id());
            html.element("td", f.id());
            html.element("td", f.pkg().name());
            html.element("td", f.installedVersion());
            html.element("td", f.severity().name());
            html.element("td", s.filter());
            html.element("td", s.reason());
            html.close("tr").newline();
        }
        html.close("tbody").newline();
        html.close("table").newline();
        html.close("section").newline();
    }

    private static void warnings(ScanReport report, HtmlWriter html) throws IOException {
        if (report.warnings().isEmpty()) {
            return;
        }
        html.open("section", "id", "warnings").newline();
        html.element("h2", "Warnings").newline();
        html.open("ul").newline();
        for (String w : report.warnings()) {
            html.element("li", w).newline();
        }
        html.close("ul").newline();
        html.close("section").newline();
    }

    /** The CSP source expression of an inline element's content. */
    private static String sha256(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
