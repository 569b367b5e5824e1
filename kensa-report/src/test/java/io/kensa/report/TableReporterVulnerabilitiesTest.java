package io.kensa.report;

import io.kensa.core.ScanReport;
import io.kensa.core.vuln.VulnerabilityFinding;
import io.kensa.report.vuln.VulnFixtures;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TableReporterVulnerabilitiesTest {

    @Test
    void theVulnerabilitiesComeAfterThePackagesWithACountLine() throws IOException {
        String text = write(VulnFixtures.report());

        assertThat(text.indexOf("Application packages: 5")).isPositive()
                .isLessThan(text.indexOf("Vulnerabilities: 12 (CRITICAL: 4, HIGH: 3, MEDIUM: 1, LOW: 4, UNKNOWN: 0), 2 suppressed"));
    }

    @Test
    void oneTablePerTargetTheOsFirstEachWithItsTotal() throws IOException {
        List<String> lines = section(write(VulnFixtures.report()));

        int os = lines.indexOf(VulnFixtures.OS_TARGET);
        int java = lines.indexOf("Java");
        int node = lines.indexOf("Node.js");
        int war = lines.indexOf(VulnFixtures.WAR);
        assertThat(os).isPositive().isLessThan(java);
        assertThat(java).isLessThan(node);
        assertThat(node).isLessThan(war);
        assertThat(lines.get(os + 1)).isEqualTo("=".repeat(VulnFixtures.OS_TARGET.length()));
        assertThat(lines.get(os + 2)).isEqualTo("Total: 7 (CRITICAL: 2, HIGH: 1, MEDIUM: 0, LOW: 4, UNKNOWN: 0)");
        assertThat(lines.get(java + 2)).isEqualTo("Total: 3 (CRITICAL: 2, HIGH: 0, MEDIUM: 1, LOW: 0, UNKNOWN: 0)");
        assertThat(lines.get(node + 2)).isEqualTo("Total: 2 (CRITICAL: 0, HIGH: 2, MEDIUM: 0, LOW: 0, UNKNOWN: 0)");
        assertThat(lines.get(os + 4)).startsWith("PACKAGE").contains("ID").contains("SEVERITY").contains("STATUS")
                .contains("INSTALLED").contains("FIXED").endsWith("TITLE");
    }

    @Test
    void rowsAreMostUrgentFirstWithTheirColumns() throws IOException {
        List<String> lines = section(write(VulnFixtures.report()));
        int os = lines.indexOf(VulnFixtures.OS_TARGET);
        List<String> rows = lines.subList(os + 6, os + 13);

        assertThat(rows).extracting(r -> r.split("\\s+")[1]).containsExactly("CVE-2021-3711", "CVE-2021-3711",
                "CVE-2021-3712", "CVE-2021-22898", "CVE-2021-22924", "CVE-2021-22922", "CVE-2021-22923");
        assertThat(rows.getFirst().split("\\s+")).startsWith("libssl1.1", "CVE-2021-3711", "CRITICAL", "fixed",
                "1.1.1k-1", "1.1.1k-1+deb11u1");
        assertThat(rows.get(2)).as("no title: the description's start")
                .containsPattern("1\\.1\\.1k-1\\+deb11u1 +ASN\\.1 strings are represented").endsWith("…");
        assertThat(rows.get(5).split("\\s+")).as("neither title nor description").containsExactly("curl",
                "CVE-2021-22922", "LOW", "affected", "7.74.0-1.3+deb11u1");
        int java = lines.indexOf("Java");
        assertThat(lines.get(java + 6)).contains("CVE-2021-44228").contains("CRITICAL").contains("[KEV] Remote code injection");
        int node = lines.indexOf("Node.js");
        assertThat(lines.get(node + 7)).as("room to spare: nothing cut")
                .endsWith("0.1.10     0.1.12   Unpatched `path-to-regexp` ReDoS in 0.1.x");
        assertThat(lines.get(java + 6)).startsWith("org.apache.logging.log4j:log4j-core  CVE-2021-44228");
    }

    @Test
    void suppressedFindingsAreListedWithFilterAndReason() throws IOException {
        List<String> lines = section(write(VulnFixtures.report()));
        int at = lines.indexOf("Suppressed: 2");

        assertThat(at).isPositive();
        assertThat(lines.get(at + 1)).startsWith("ID").contains("PACKAGE").contains("FILTER").endsWith("REASON");
        assertThat(lines.get(at + 3)).startsWith("CVE-2021-23337").contains("lodash 4.17.15").contains("vex")
                .endsWith("VEX not_affected: vulnerable_code_not_in_execute_path");
        assertThat(lines.get(at + 4)).startsWith("CVE-2021-22922").contains("ignore-file")
                .contains(".kensaignore: CVE-2021-22922");
    }

    @Test
    void everyLineFitsIn120ColumnsEvenWithLongTitlesVersionsAndWideCharacters() throws IOException {
        VulnerabilityFinding f = VulnFixtures.LOG4SHELL;
        VulnerabilityFinding longOne = new VulnerabilityFinding("GHSA-jfh8-c2jp-5v3q", f.aliases(), f.packages(),
                "2.14.1-very-long-vendor-build-suffix", List.of("2.15.0-very-long-fix-version", "2.12.2", "2.3.1"),
                f.status(), f.severity(), f.severitySource(), f.cvss(), f.epss(), f.epssPercentile(), f.kev(), f.cwes(),
                "Apache Log4j2 の JNDI 機能に任意のコード実行の脆弱性 ".repeat(4), f.description(), f.primaryUrl(),
                f.dataSource(), f.matchReason());
        List<VulnerabilityFinding> findings = new java.util.ArrayList<>(VulnFixtures.FINDINGS);
        findings.add(longOne);
        ScanReport report = VulnFixtures.inventory().withVulnerabilities(findings,
                List.of(VulnFixtures.SUPPRESSED_BY_VEX, VulnFixtures.SUPPRESSED_BY_IGNORE_FILE));

        List<String> lines = section(write(report));

        assertThat(lines).hasSizeGreaterThan(30).allSatisfy(l -> assertThat(TerminalText.width(l)).as(l)
                .isLessThanOrEqualTo(120));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("GHSA-jfh8-c2jp-5v3q").contains("2.15.0-very")
                .contains("[KEV] Apache Log4j2 の JNDI").endsWith("…"));
        assertThat(lines).as("versions of ordinary length are never cut")
                .anySatisfy(l -> assertThat(l).contains("1.1.1k-1+deb11u1"));
    }

    @Test
    void noFindingsNoSection() throws IOException {
        String text = write(VulnFixtures.noFindings());

        assertThat(text).doesNotContain("Vulnerabilities:").doesNotContain("Suppressed:").contains("OS packages: 4");
    }

    @Test
    void controlCharactersCannotReachTheTerminal() throws IOException {
        String text = write(VulnFixtures.hostile());

        assertThat(text).doesNotContain("\u001b").doesNotContain("\u0001").doesNotContain("\r");
        assertThat(text.lines().filter(l -> l.contains("CVE-2021-44228") && l.contains("CRITICAL"))).singleElement()
                .satisfies(l -> assertThat(l).contains("<img src=x onerror=alert(1)> ]]>"));
        assertThat(text.lines()).as("the title's line break does not break the row")
                .noneMatch(l -> l.startsWith("line2"));
        assertThat(text).contains("warning: warning <script>alert(4)</script>");
    }

    private static String write(ScanReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TableReporter().write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The lines from the vulnerability count on. */
    private static List<String> section(String text) {
        List<String> lines = text.lines().toList();
        int start = 0;
        while (start < lines.size() && !lines.get(start).startsWith("Vulnerabilities:")) {
            start++;
        }
        return lines.subList(start, lines.size());
    }
}
