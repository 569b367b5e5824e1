package io.kensa.report.junit;

import io.kensa.core.ScanReport;
import io.kensa.core.license.LicenseFinding;
import io.kensa.core.malware.MalwareFinding;
import io.kensa.core.misconfig.MisconfigFinding;
import io.kensa.core.secret.SecretFinding;
import io.kensa.core.vuln.Severity;
import io.kensa.report.findings.FindingOrders;
import io.kensa.report.findings.Places;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The JUnit suites of the secrets, misconfigurations, licenses and malware: one suite per kind that has findings
 * ({@code Secrets}, {@code Misconfigurations}, {@code Licenses}, {@code Malware}), most severe first, one test case
 * per finding, failed with the finding's severity as its type and what a person needs as its text (the file and
 * line, the layer, a secret's masked line, a check's evidence and remedy …). A license the policy allows is a
 * passed test case: it is listed, not a failure.
 */
final class FindingSuites {

    /** One test case; {@code file} may be null, a passed case has neither message nor type nor details. */
    record Case(String classname, String name, String file, boolean failed, String message, String type, String details) {
    }

    record Suite(String name, List<Case> cases) {
        Suite {
            cases = List.copyOf(cases);
        }

        int failures() {
            return (int) cases.stream().filter(Case::failed).count();
        }
    }

    private FindingSuites() {
    }

    /** The suites of the kinds the report has findings of, in the order secrets, misconfigurations, licenses, malware. */
    static List<Suite> of(ScanReport report) {
        List<Suite> suites = new ArrayList<>();
        add(suites, "Secrets", report.secrets().stream().sorted(FindingOrders.SECRETS).toList(), FindingSuites::secret);
        add(suites, "Misconfigurations",
                report.misconfigurations().stream().sorted(FindingOrders.MISCONFIGURATIONS).toList(),
                FindingSuites::misconfiguration);
        add(suites, "Licenses", report.licenses().stream().sorted(FindingOrders.LICENSES).toList(), FindingSuites::license);
        add(suites, "Malware", report.malware().stream().sorted(FindingOrders.MALWARE).toList(), FindingSuites::malware);
        return suites;
    }

    private static <T> void add(List<Suite> suites, String name, List<T> findings, Function<T, Case> toCase) {
        if (!findings.isEmpty()) {
            suites.add(new Suite(name, findings.stream().map(toCase).toList()));
        }
    }

    private static Case secret(SecretFinding s) {
        String severity = severity(s.severity());
        StringBuilder d = new StringBuilder();
        d.append("Rule: ").append(s.ruleId()).append('\n');
        line(d, "Category", s.category());
        d.append("Severity: ").append(severity).append(s.example() ? " (a known example credential)" : "").append('\n');
        d.append("Location: ").append(Places.of(s.path(), s.line())).append('\n');
        d.append("Layer: ").append(s.layer() == null ? "none (image config)" : s.layer()).append('\n');
        if (s.deleted()) {
            d.append("Deleted by a later layer: still in the image\n");
        }
        line(d, "Match", s.match());
        String name = "[" + severity + "] " + s.ruleId() + (s.line() > 0 ? " line " + s.line() : "");
        return new Case(s.path(), name, isFile(s.path()) ? s.path() : null, true, text(s.title(), s.ruleId()), severity,
                d.toString());
    }

    private static Case misconfiguration(MisconfigFinding m) {
        String severity = severity(m.severity());
        StringBuilder d = new StringBuilder();
        d.append("Check: ").append(m.id()).append('\n');
        d.append("Severity: ").append(severity).append('\n');
        line(d, "Source", m.source());
        line(d, "Location", Places.of(m.path(), m.line()));
        line(d, "Layer", m.layer());
        for (String e : m.evidence()) {
            d.append("Evidence: ").append(e).append('\n');
        }
        line(d, "Remedy", m.remedy());
        line(d, "Reference", m.reference());
        String classname = m.path() != null && !m.path().isBlank() ? m.path()
                : m.source() == null || m.source().equals("image") ? "image config" : m.source();
        String name = "[" + severity + "] " + m.id() + (m.line() > 0 ? " line " + m.line() : "");
        return new Case(classname, name, isFile(m.path()) ? m.path() : null, true, text(m.title(), m.id()), severity,
                d.toString());
    }

    private static Case license(LicenseFinding l) {
        String severity = severity(l.severity());
        String license = text(l.license(), "unknown");
        String category = text(l.category(), "unknown");
        String name = "[" + severity + "] " + license + " (" + category + ")";
        String classname = text(l.packageName(), text(l.purl(), "unknown package"));
        if ("allow".equalsIgnoreCase(l.policy())) {
            return new Case(classname, name, l.path(), false, null, null, null);
        }
        StringBuilder d = new StringBuilder();
        line(d, "Package", l.packageName());
        line(d, "Purl", l.purl());
        d.append("License: ").append(license).append('\n');
        d.append("Category: ").append(category).append('\n');
        d.append("Severity: ").append(severity).append('\n');
        line(d, "Policy", l.policy());
        line(d, "Layer", l.layer());
        line(d, "Path", l.path());
        String message = "License " + license + " is " + category + (l.policy() == null ? "" : "; policy: " + l.policy());
        return new Case(classname, name, l.path(), true, message, severity, d.toString());
    }

    private static Case malware(MalwareFinding m) {
        String severity = severity(m.severity());
        StringBuilder d = new StringBuilder();
        line(d, "Signature", m.signature());
        line(d, "Engine", m.engine());
        d.append("Severity: ").append(severity).append('\n');
        line(d, "File", m.path());
        line(d, "Layer", m.layer());
        if (m.deleted()) {
            d.append("Deleted by a later layer: still in the image\n");
        }
        line(d, "SHA-256", m.sha256());
        return new Case(m.path(), "[" + severity + "] " + m.signature() + " (" + m.engine() + ")", m.path(), true,
                "Malware: " + m.signature(), severity, d.toString());
    }

    private static boolean isFile(String path) {
        return path != null && !path.isBlank() && !path.startsWith("config:");
    }

    private static void line(StringBuilder d, String label, String value) {
        if (value != null && !value.isBlank()) {
            d.append(label).append(": ").append(value).append('\n');
        }
    }

    private static String severity(Severity s) {
        return FindingOrders.severity(s).name();
    }

    private static String text(String s, String otherwise) {
        return s == null || s.isBlank() ? otherwise : s;
    }
}
