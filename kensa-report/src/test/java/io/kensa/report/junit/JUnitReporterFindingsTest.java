package io.kensa.report.junit;

import io.kensa.core.ScanReport;
import io.kensa.core.secret.SecretFinding;
import io.kensa.report.findings.FindingFixtures;
import io.kensa.report.vuln.VulnFixtures;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JUnitReporterFindingsTest {

    @Test
    void oneSuitePerKindAfterTheVulnerabilityTargetsWithCountsThatAddUp() throws Exception {
        Document doc = JUnitReporterTest.parse(write(withVulnerabilities()));
        Element root = doc.getDocumentElement();
        List<Element> suites = children(root, "testsuite");

        assertThat(suites).extracting(s -> s.getAttribute("name")).containsExactly(VulnFixtures.OS_TARGET, "Java",
                "Node.js", VulnFixtures.WAR, "Secrets", "Misconfigurations", "Licenses", "Malware");
        Element secrets = suite(doc, "Secrets");
        assertThat(secrets.getAttribute("tests")).isEqualTo("9");
        assertThat(secrets.getAttribute("failures")).isEqualTo("9");
        Element licenses = suite(doc, "Licenses");
        assertThat(licenses.getAttribute("tests")).isEqualTo("4");
        assertThat(licenses.getAttribute("failures")).as("the license the policy allows passes").isEqualTo("3");
        int tests = 0;
        int failures = 0;
        for (Element suite : suites) {
            List<Element> cases = children(suite, "testcase");
            int failed = (int) cases.stream().filter(c -> !children(c, "failure").isEmpty()).count();
            assertThat(suite.getAttribute("tests")).isEqualTo(Integer.toString(cases.size()));
            assertThat(suite.getAttribute("failures")).isEqualTo(Integer.toString(failed));
            tests += cases.size();
            failures += failed;
        }
        assertThat(root.getAttribute("tests")).isEqualTo(Integer.toString(tests)).isEqualTo("36");
        assertThat(root.getAttribute("failures")).isEqualTo(Integer.toString(failures)).isEqualTo("33");
    }

    @Test
    void aSecretIsAFailedCaseWithItsFileLineLayerAndMaskedLine() throws Exception {
        Document doc = JUnitReporterTest.parse(write(FindingFixtures.report()));
        List<Element> cases = children(suite(doc, "Secrets"), "testcase");

        Element pat = cases.getFirst();
        assertThat(pat.getAttribute("classname")).isEqualTo("/app/config/settings.yml");
        assertThat(pat.getAttribute("name")).isEqualTo("[CRITICAL] github-pat line 4");
        assertThat(pat.getAttribute("file")).isEqualTo("/app/config/settings.yml");
        Element failure = children(pat, "failure").getFirst();
        assertThat(failure.getAttribute("message")).isEqualTo("GitHub Personal Access Token");
        assertThat(failure.getAttribute("type")).isEqualTo("CRITICAL");
        assertThat(failure.getTextContent()).contains("Rule: github-pat\n", "Category: GitHub\n",
                "Location: /app/config/settings.yml:4\n", "Layer: " + FindingFixtures.L2 + "\n",
                "Match: " + FindingFixtures.GITHUB_PAT.match() + "\n");
        Element key = cases.stream().filter(c -> c.getAttribute("name").contains("private-key")).findFirst().orElseThrow();
        assertThat(key.getTextContent()).contains("Deleted by a later layer: still in the image");
        Element env = cases.stream().filter(c -> c.getAttribute("classname").equals("config:Env")).findFirst().orElseThrow();
        assertThat(env.hasAttribute("file")).as("a config field is not a file").isFalse();
        assertThat(env.getTextContent()).contains("Layer: none (image config)");
        Element example = cases.stream().filter(c -> c.getAttribute("name").equals("[LOW] aws-access-key-id line 2"))
                .findFirst().orElseThrow();
        assertThat(example.getTextContent()).contains("Severity: LOW (a known example credential)");
    }

    @Test
    void misconfigurationsLicensesAndMalwareCarryTheirFields() throws Exception {
        Document doc = JUnitReporterTest.parse(write(FindingFixtures.report()));

        List<Element> checks = children(suite(doc, "Misconfigurations"), "testcase");
        assertThat(checks).extracting(c -> c.getAttribute("name")).containsExactly("[HIGH] CIS-DI-0001",
                "[HIGH] DKL-DI-0001 line 5", "[MEDIUM] CIS-DI-0008", "[LOW] CIS-DI-0009");
        assertThat(checks.getFirst().getAttribute("classname")).isEqualTo("image config");
        assertThat(checks.get(1).getAttribute("file")).isEqualTo("Dockerfile");
        assertThat(checks.get(2).getTextContent()).contains("Layer: " + FindingFixtures.L4,
                "Evidence: setuid file: /usr/local/bin/netdiag (mode 4755, owner root)", "Remedy: Remove the setuid",
                "Reference: CIS Docker Benchmark v1.6.0, 4.8");
        assertThat(children(checks.get(2), "failure").getFirst().getAttribute("message"))
                .isEqualTo("Confirm safety of setuid/setgid files");

        List<Element> licenses = children(suite(doc, "Licenses"), "testcase");
        Element tar = licenses.getFirst();
        assertThat(tar.getAttribute("classname")).isEqualTo("tar");
        assertThat(tar.getAttribute("name")).isEqualTo("[HIGH] GPL-3.0-or-later (restricted)");
        assertThat(children(tar, "failure").getFirst().getAttribute("message"))
                .isEqualTo("License GPL-3.0-or-later is restricted; policy: fail");
        assertThat(tar.getTextContent()).contains("Purl: " + FindingFixtures.TAR.purl(), "Layer: " + FindingFixtures.L0,
                "Path: /usr/share/doc/tar/copyright");
        Element zlib = licenses.stream().filter(c -> c.getAttribute("classname").equals("zlib1g")).findFirst().orElseThrow();
        assertThat(children(zlib, "failure")).isEmpty();

        List<Element> malware = children(suite(doc, "Malware"), "testcase");
        assertThat(malware).extracting(c -> c.getAttribute("name"))
                .containsExactly("[LOW] Eicar-Signature (clamav)", "[LOW] EICAR-Test-File (hash)");
        assertThat(malware.get(1).getAttribute("file")).isEqualTo("/tmp/eicar.com");
        assertThat(malware.get(1).getTextContent()).contains("Layer: " + FindingFixtures.L4,
                "SHA-256: " + FindingFixtures.EICAR_SHA256, "Engine: hash");
    }

    @Test
    void onlyTheMaskedLinesOfTheSecretsAreWritten() throws Exception {
        byte[] bytes = write(FindingFixtures.report());
        String xml = new String(bytes, StandardCharsets.UTF_8);

        for (String raw : FindingFixtures.RAW_SECRETS) {
            assertThat(xml).doesNotContain(raw);
        }
        String text = JUnitReporterTest.parse(bytes).getDocumentElement().getTextContent();
        for (SecretFinding s : FindingFixtures.SECRETS) {
            assertThat(text).contains("Match: " + s.match() + "\n");
        }
    }

    @Test
    void aKindWithoutFindingsHasNoSuite() throws Exception {
        Document doc = JUnitReporterTest.parse(write(FindingFixtures.inventory().withMalware(FindingFixtures.MALWARE)));

        assertThat(children(doc.getDocumentElement(), "testsuite")).extracting(s -> s.getAttribute("name"))
                .doesNotContain("Secrets", "Misconfigurations", "Licenses").contains("Malware");
    }

    @Test
    void hostileFieldsAreEscapedAndControlCharactersReplaced() throws Exception {
        byte[] bytes = write(FindingFixtures.hostile());
        String xml = new String(bytes, StandardCharsets.UTF_8);
        Document doc = JUnitReporterTest.parse(bytes);

        assertThat(xml).doesNotContain("\u0001").doesNotContain("\u001b").doesNotContain("\u0007")
                .doesNotContain("<script>");
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        Element secret = children(suite(doc, "Secrets"), "testcase").getFirst();
        assertThat(secret.getAttribute("classname")).isEqualTo("/app/<img src=x onerror=alert(1)>.env");
        assertThat(secret.getTextContent()).contains("]]> \uFFFD\uFFFD[31mred\nline2 </failure><script>alert('match')</script>");
    }

    private static ScanReport withVulnerabilities() {
        return VulnFixtures.report().withSecrets(FindingFixtures.SECRETS)
                .withMisconfigurations(FindingFixtures.MISCONFIGURATIONS).withLicenses(FindingFixtures.LICENSES)
                .withMalware(FindingFixtures.MALWARE);
    }

    private static Element suite(Document doc, String name) {
        return children(doc.getDocumentElement(), "testsuite").stream().filter(s -> s.getAttribute("name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no suite " + name));
    }

    private static byte[] write(ScanReport report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JUnitReporter().write(report, out);
        return out.toByteArray();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }
}
