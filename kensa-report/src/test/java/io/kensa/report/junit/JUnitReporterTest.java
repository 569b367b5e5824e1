package io.kensa.report.junit;

import io.kensa.core.ScanReport;
import io.kensa.report.vuln.VulnFixtures;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JUnitReporterTest {

    @Test
    void formatName() {
        assertThat(new JUnitReporter().format()).isEqualTo("junit");
    }

    @Test
    void oneSuitePerTargetOneFailedCasePerFindingAndCountsThatAddUp() throws Exception {
        Document doc = parse(write(VulnFixtures.report()));
        Element root = doc.getDocumentElement();

        assertThat(root.getTagName()).isEqualTo("testsuites");
        List<Element> suites = children(root, "testsuite");
        assertThat(suites).extracting(s -> s.getAttribute("name"))
                .containsExactly(VulnFixtures.OS_TARGET, "Java", "Node.js", VulnFixtures.WAR);
        assertThat(suites).extracting(s -> s.getAttribute("failures")).containsExactly("7", "3", "2", "3");
        assertThat(suites).extracting(s -> s.getAttribute("skipped")).containsExactly("1", "0", "1", "0");
        int failures = 0;
        int skipped = 0;
        for (Element suite : suites) {
            List<Element> cases = children(suite, "testcase");
            int failed = (int) cases.stream().filter(c -> !children(c, "failure").isEmpty()).count();
            int skip = (int) cases.stream().filter(c -> !children(c, "skipped").isEmpty()).count();
            assertThat(suite.getAttribute("tests")).isEqualTo(Integer.toString(cases.size()));
            assertThat(suite.getAttribute("failures")).isEqualTo(Integer.toString(failed));
            assertThat(suite.getAttribute("skipped")).isEqualTo(Integer.toString(skip));
            assertThat(suite.getAttribute("errors")).isEqualTo("0");
            assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-11-02T10:15:30");
            failures += failed;
            skipped += skip;
        }
        assertThat(failures).isEqualTo(15);
        assertThat(skipped).isEqualTo(2);
        assertThat(root.getAttribute("tests")).isEqualTo("17");
        assertThat(root.getAttribute("failures")).isEqualTo("15");
        assertThat(root.getAttribute("skipped")).isEqualTo("2");
    }

    @Test
    void aFailedCaseNamesThePackageTheVulnerabilityAndWhatToDo() throws Exception {
        Document doc = parse(write(VulnFixtures.report()));
        Element os = children(doc.getDocumentElement(), "testsuite").getFirst();
        List<Element> cases = children(os, "testcase");

        assertThat(cases).extracting(c -> c.getAttribute("name")).startsWith("[CRITICAL] CVE-2021-3711",
                "[CRITICAL] CVE-2021-3711", "[HIGH] CVE-2021-3712", "[LOW] CVE-2021-22898");
        Element first = cases.getFirst();
        assertThat(first.getAttribute("classname")).isEqualTo("libssl1.1-1.1.1k-1");
        assertThat(first.getAttribute("file")).isEqualTo("var/lib/dpkg/status");
        Element failure = children(first, "failure").getFirst();
        assertThat(failure.getAttribute("type")).isEqualTo("CRITICAL");
        assertThat(failure.getAttribute("message")).as("no title: the id").isEqualTo("CVE-2021-3711");
        assertThat(failure.getTextContent()).contains("Fixed version: 1.1.1k-1+deb11u1")
                .contains("Remediation: Upgrade libssl1.1 to 1.1.1k-1+deb11u1 or later.")
                .contains("EPSS: 0.01659")
                .contains("Link: https://security-tracker.debian.org/tracker/CVE-2021-3711");
        Element skipped = cases.getLast();
        assertThat(skipped.getAttribute("classname")).isEqualTo("libcurl4-7.74.0-1.3+deb11u1");
        assertThat(children(skipped, "skipped").getFirst().getAttribute("message"))
                .isEqualTo("ignore-file: .kensaignore: CVE-2021-22922 (accepted risk, expires 2027-01-01)");
    }

    @Test
    void noFindingsGiveSuitesWithNoFailures() throws Exception {
        Document doc = parse(write(VulnFixtures.noFindings()));

        assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("0");
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        List<Element> suites = children(doc.getDocumentElement(), "testsuite");
        assertThat(suites).hasSize(4).allSatisfy(s -> {
            assertThat(s.getAttribute("tests")).isEqualTo("0");
            assertThat(children(s, "testcase")).isEmpty();
        });
    }

    @Test
    void everythingIsEscapedAndCharactersXmlCannotCarryAreReplaced() throws Exception {
        byte[] out = write(VulnFixtures.hostile());
        String xml = new String(out, StandardCharsets.UTF_8);

        Document doc = parse(out);
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(doc.getElementsByTagName("img").getLength()).isZero();
        assertThat(doc.getElementsByTagName("b").getLength()).isZero();
        Element testcase = (Element) doc.getElementsByTagName("testcase").item(0);
        assertThat(testcase.getAttribute("classname")).isEqualTo("<script>alert(\"pkg\")</script>-1.0.0\"&'");
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).startsWith("<img src=x onerror=alert(1)> ]]> & \"quoted\" \uFFFD\uFFFD[31mred");
        assertThat(failure.getTextContent()).contains("</failure><script>alert('desc')</script>")
                .doesNotContain("javascript:");
        assertThat(xml).doesNotContain("\u0001").doesNotContain("\u001b").doesNotContain("<script>");
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(1);
        Element skipped = (Element) doc.getElementsByTagName("skipped").item(0);
        assertThat(skipped.getAttribute("message")).isEqualTo("vex: <b>not_affected</b> & \"reason\"");
    }

    private static byte[] write(ScanReport report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JUnitReporter().write(report, out);
        return out.toByteArray();
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
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
