package io.kensa.report.html;

import io.kensa.core.ScanReport;
import io.kensa.core.secret.SecretFinding;
import io.kensa.report.findings.FindingFixtures;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReporterFindingsTest {

    @Test
    void oneSectionPerKindAfterTheVulnerabilitiesWithTheCountsInTheSummary() throws Exception {
        Document doc = HtmlReporterTest.parse(write(FindingFixtures.report()));

        List<String> sections = HtmlReporterTest.byTag(doc, "section").stream().map(e -> e.getAttribute("id")).toList();
        assertThat(sections).containsSubsequence("summary", "vulnerabilities", "secrets", "misconfigurations",
                "licenses", "malware");
        assertThat(doc.getElementById("secrets").getElementsByTagName("h2").item(0).getTextContent())
                .isEqualTo("Secrets (9)");
        assertThat(doc.getElementById("malware").getElementsByTagName("h2").item(0).getTextContent())
                .isEqualTo("Malware (2)");
        List<Element> kinds = HtmlReporterTest.byTag(doc, "li").stream().filter(li -> li.hasAttribute("data-kind")).toList();
        assertThat(kinds).extracting(li -> li.getAttribute("data-kind") + "=" + li.getElementsByTagName("strong").item(0)
                .getTextContent()).containsExactly("secrets=9", "misconfigurations=4", "licenses=4", "malware=2");
        assertThat(kinds.getFirst().getAttribute("title")).isEqualTo("9 (CRITICAL: 4, HIGH: 1, MEDIUM: 2, LOW: 2, UNKNOWN: 0)");
    }

    @Test
    void everySecretRowHasItsFieldsAndTheMaskedLineExactly() throws Exception {
        Document doc = HtmlReporterTest.parse(write(FindingFixtures.report()));
        List<Element> rows = rows(doc, "secret-findings");

        assertThat(rows).hasSize(9);
        Element pat = rows.getFirst();
        assertThat(cells(pat)).containsExactly("CRITICAL", "github-pat", "GitHub", "GitHub Personal Access Token",
                "/app/config/settings.yml", "4", "L2", FindingFixtures.GITHUB_PAT.match());
        assertThat(((Element) pat.getElementsByTagName("td").item(6)).getAttribute("title")).isEqualTo(FindingFixtures.L2);
        assertThat(pat.getElementsByTagName("code").item(0).getTextContent()).isEqualTo(FindingFixtures.GITHUB_PAT.match());
        Element key = rows.stream().filter(r -> r.getAttribute("data-rule").equals("private-key")).findFirst().orElseThrow();
        assertThat(HtmlReporterTest.cell(key, 6)).isEqualTo("L2, deleted");
        assertThat(rows).anySatisfy(r -> assertThat(cells(r)).containsExactly("CRITICAL", "aws-secret-access-key", "AWS",
                "AWS Secret Access Key", "config:Env", "", "", FindingFixtures.CONFIG_ENV.match()));
        assertThat(rows).anySatisfy(r -> assertThat(HtmlReporterTest.cell(r, 3)).isEqualTo("AWS Access Key ID (example)"));
    }

    @Test
    void misconfigurationLicenseAndMalwareRowsHaveTheirFields() throws Exception {
        Document doc = HtmlReporterTest.parse(write(FindingFixtures.report()));

        List<Element> checks = rows(doc, "misconfig-findings");
        assertThat(checks).extracting(r -> r.getAttribute("data-id"))
                .containsExactly("CIS-DI-0001", "DKL-DI-0001", "CIS-DI-0008", "CIS-DI-0009");
        assertThat(cells(checks.get(2))).containsExactly("MEDIUM", "CIS-DI-0008", "Confirm safety of setuid/setgid files",
                "/usr/local/bin/netdiag", "L4", "setuid file: /usr/local/bin/netdiag (mode 4755, owner root)",
                "Remove the setuid and setgid bits of files that do not need them (chmod u-s,g-s).");
        assertThat(cells(checks.get(1)).get(3)).isEqualTo("Dockerfile:5");
        assertThat(cells(checks.get(0)).get(3)).isEqualTo("image");
        Element link = (Element) checks.get(3).getElementsByTagName("a").item(0);
        assertThat(link.getAttribute("href")).isEqualTo("https://docs.docker.com/reference/dockerfile/#add");

        List<Element> licenses = rows(doc, "license-findings");
        assertThat(cells(licenses.getFirst())).containsExactly("HIGH", "fail", "restricted", "GPL-3.0-or-later", "tar",
                FindingFixtures.TAR.purl(), "L0", "/usr/share/doc/tar/copyright");
        assertThat(licenses).extracting(r -> r.getAttribute("data-policy")).containsExactly("fail", "warn", "allow", "warn");

        List<Element> malware = rows(doc, "malware-findings");
        assertThat(cells(malware.get(1))).containsExactly("LOW", "EICAR-Test-File", "hash", "/tmp/eicar.com", "L4",
                FindingFixtures.EICAR_SHA256);
        assertThat(cells(malware.get(0))).containsExactly("LOW", "Eicar-Signature", "clamav", "/tmp/eicar.com", "L4", "");
    }

    @Test
    void aKindWithoutFindingsHasNoSectionAndNoCount() throws Exception {
        Document doc = HtmlReporterTest.parse(write(FindingFixtures.inventory().withSecrets(List.of(FindingFixtures.RSA_KEY))));

        assertThat(doc.getElementById("secrets")).isNotNull();
        for (String id : List.of("misconfigurations", "licenses", "malware")) {
            assertThat(doc.getElementById(id)).as(id).isNull();
        }
        assertThat(HtmlReporterTest.byTag(doc, "li").stream().filter(li -> li.hasAttribute("data-kind")))
                .extracting(li -> li.getAttribute("data-kind")).containsExactly("secrets");
        Document none = HtmlReporterTest.parse(write(FindingFixtures.inventory()));
        assertThat(HtmlReporterTest.byTag(none, "ul").stream().filter(ul -> ul.getAttribute("class").contains("kinds"))).isEmpty();
    }

    @Test
    void hostileFieldsAreEscapedAndThePolicyStillHoldsOnlyThePagesOwnStyleAndScript() throws Exception {
        byte[] bytes = write(FindingFixtures.hostile());
        String html = new String(bytes, StandardCharsets.UTF_8);
        Document doc = HtmlReporterTest.parse(bytes);

        assertThat(doc.getElementsByTagName("script").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagName("img").getLength()).isZero();
        assertThat(doc.getElementsByTagName("em").getLength()).isZero();
        assertThat(html).doesNotContain("\u0001").doesNotContain("\u001b").doesNotContain("\u0007")
                .doesNotContain("href=\"javascript:");
        Element secret = rows(doc, "secret-findings").getFirst();
        assertThat(HtmlReporterTest.cell(secret, 4)).isEqualTo("/app/<img src=x onerror=alert(1)>.env");
        assertThat(secret.getElementsByTagName("code").item(0).getTextContent())
                .isEqualTo("TOKEN=abcd**** ]]> \uFFFD\uFFFD[31mred\nline2 </failure><script>alert('match')</script>");
        Element check = rows(doc, "misconfig-findings").getFirst();
        assertThat(check.getElementsByTagName("a").getLength()).as("no link for a javascript: reference").isZero();
        assertThat(check.getElementsByTagName("li").item(0).getTextContent())
                .isEqualTo("<script>alert('evidence')</script>");
        String csp = HtmlReporterTest.meta(doc, "http-equiv", "Content-Security-Policy").getAttribute("content");
        String style = doc.getElementsByTagName("style").item(0).getTextContent();
        String script = doc.getElementsByTagName("script").item(0).getTextContent();
        assertThat(csp).startsWith("default-src 'none';")
                .contains("style-src '" + HtmlReporterTest.sha256(style) + "'")
                .contains("script-src '" + HtmlReporterTest.sha256(script) + "'")
                .doesNotContain("unsafe-inline");
    }

    @Test
    void onlyTheMaskedLinesOfTheSecretsAreWritten() throws Exception {
        byte[] bytes = write(FindingFixtures.report());
        String html = new String(bytes, StandardCharsets.UTF_8);

        for (String raw : FindingFixtures.RAW_SECRETS) {
            assertThat(html).doesNotContain(raw);
        }
        List<String> codes = HtmlReporterTest.byTag(HtmlReporterTest.parse(bytes), "code").stream()
                .map(Element::getTextContent).toList();
        for (SecretFinding s : FindingFixtures.SECRETS) {
            assertThat(codes).contains(s.match());
        }
    }

    private static List<Element> rows(Document doc, String tableId) {
        Element table = doc.getElementById(tableId);
        assertThat(table).as(tableId).isNotNull();
        Element body = (Element) table.getElementsByTagName("tbody").item(0);
        return HtmlReporterTest.byTag(body, "tr");
    }

    private static List<String> cells(Element row) {
        return HtmlReporterTest.byTag(row, "td").stream().map(Element::getTextContent).toList();
    }

    private static byte[] write(ScanReport report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HtmlReporter().write(report, out);
        return out.toByteArray();
    }
}
