package io.kensa.report.html;

import io.kensa.core.ScanReport;
import io.kensa.report.vuln.VulnFixtures;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReporterTest {

    @Test
    void formatName() {
        assertThat(new HtmlReporter().format()).isEqualTo("html");
    }

    @Test
    void aSelfContainedPage() throws Exception {
        Document doc = parse(write(VulnFixtures.report()));

        for (String external : List.of("link", "img", "iframe", "object", "embed", "base", "form")) {
            assertThat(doc.getElementsByTagName(external).getLength()).as(external).isZero();
        }
        for (Element e : all(doc)) {
            assertThat(e.hasAttribute("src")).as(e.getTagName()).isFalse();
            assertThat(e.hasAttribute("style")).as(e.getTagName()).isFalse();
            if (e.hasAttribute("href")) {
                assertThat(e.getTagName()).isEqualTo("a");
            }
        }
        String style = doc.getElementsByTagName("style").item(0).getTextContent();
        assertThat(style).doesNotContain("url(").doesNotContain("@import").doesNotContain("@font-face");
        assertThat(doc.getElementsByTagName("script").getLength()).isEqualTo(1);
    }

    @Test
    void theContentSecurityPolicyAllowsOnlyThePagesOwnStyleAndScript() throws Exception {
        Document doc = parse(write(VulnFixtures.report()));
        String csp = meta(doc, "http-equiv", "Content-Security-Policy").getAttribute("content");

        String script = doc.getElementsByTagName("script").item(0).getTextContent();
        String style = doc.getElementsByTagName("style").item(0).getTextContent();
        assertThat(csp).startsWith("default-src 'none';")
                .contains("script-src '" + sha256(script) + "'")
                .contains("style-src '" + sha256(style) + "'")
                .doesNotContain("unsafe-inline");
    }

    @Test
    void theSummaryCountsBySeverityAndThePackages() throws Exception {
        Document doc = parse(write(VulnFixtures.report()));

        List<String> counts = new ArrayList<>();
        for (Element li : byTag(doc, "li")) {
            if (li.hasAttribute("data-severity")) {
                counts.add(li.getAttribute("data-severity") + "=" + li.getElementsByTagName("strong").item(0).getTextContent());
            }
            if (li.getAttribute("data-count").equals("kev")) {
                assertThat(li.getElementsByTagName("strong").item(0).getTextContent()).isEqualTo("2");
            }
            if (li.getAttribute("data-count").equals("suppressed")) {
                assertThat(li.getElementsByTagName("strong").item(0).getTextContent()).isEqualTo("2");
            }
        }
        assertThat(counts).containsExactly("CRITICAL=4", "HIGH=3", "MEDIUM=1", "LOW=4", "UNKNOWN=0");
        assertThat(doc.getElementById("inventory").getTextContent()).isEqualTo("9 packages in 2 layers");
    }

    @Test
    void theFindingsTableHasOneRowPerFindingPerTargetMostUrgentFirstInEachTarget() throws Exception {
        Document doc = parse(write(VulnFixtures.report()));
        Element table = doc.getElementById("findings");

        List<Element> rows = byTag(table, "tr").stream().filter(r -> r.getAttribute("class").equals("finding")).toList();
        assertThat(rows).hasSize(15);
        assertThat(rows.subList(0, 7)).extracting(r -> r.getAttribute("data-id")).containsExactly("CVE-2021-3711",
                "CVE-2021-3711", "CVE-2021-3712", "CVE-2021-22898", "CVE-2021-22924", "CVE-2021-22922", "CVE-2021-22923");
        assertThat(rows).extracting(r -> cell(r, 8)).startsWith(VulnFixtures.OS_TARGET).endsWith(VulnFixtures.WAR);
        Element log4shell = rows.get(7);
        assertThat(cell(log4shell, 0)).isEqualTo("CRITICAL");
        assertThat(cell(log4shell, 2)).isEqualTo("org.apache.logging.log4j:log4j-core");
        assertThat(cell(log4shell, 4)).isEqualTo("2.15.0");
        assertThat(cell(log4shell, 7)).isEqualTo("KEV");
        Element link = (Element) log4shell.getElementsByTagName("a").item(0);
        assertThat(link.getAttribute("href")).isEqualTo("https://github.com/advisories/GHSA-jfh8-c2jp-5v3q");
        assertThat(link.getAttribute("rel")).isEqualTo("noopener noreferrer");
        assertThat(cell(rows.get(0), 6)).isEqualTo("0.01659");
        assertThat(((Element) rows.get(0).getElementsByTagName("td").item(6)).getAttribute("data-sort")).isEqualTo("0.01659");
        List<Element> headers = byTag(table, "th");
        assertThat(headers).extracting(Node::getTextContent).containsExactly("Severity", "ID", "Package", "Installed",
                "Fixed", "Status", "EPSS", "KEV", "Target", "Title");
        assertThat(table.getAttribute("class")).isEqualTo("sortable");
    }

    @Test
    void suppressedFindingsAreListedWithFilterAndReason() throws Exception {
        Document doc = parse(write(VulnFixtures.report()));

        List<Element> rows = byTag(doc.getElementById("suppressed-findings"), "tr").stream()
                .filter(r -> r.getAttribute("class").equals("suppressed")).toList();
        assertThat(rows).hasSize(2);
        assertThat(cell(rows.get(0), 0)).isEqualTo("CVE-2021-23337");
        assertThat(cell(rows.get(0), 4)).isEqualTo("vex");
        assertThat(cell(rows.get(0), 5)).isEqualTo("VEX not_affected: vulnerable_code_not_in_execute_path");
        assertThat(cell(rows.get(1), 1)).isEqualTo("libcurl4");
    }

    @Test
    void noFindingsStillGiveAPageThatSaysSo() throws Exception {
        Document doc = parse(write(VulnFixtures.noFindings()));

        assertThat(doc.getElementById("findings")).isNull();
        assertThat(doc.getElementById("vulnerabilities").getTextContent()).contains("No vulnerability findings");
        assertThat(doc.getElementById("suppressed")).isNull();
        assertThat(doc.getElementById("inventory").getTextContent()).isEqualTo("9 packages in 2 layers");
    }

    @Test
    void markupFromTheReportComesOutInert() throws Exception {
        byte[] out = write(VulnFixtures.hostile());
        String html = new String(out, StandardCharsets.UTF_8);
        Document doc = parse(out);

        assertThat(doc.getElementsByTagName("script").getLength()).as("only the page's own").isEqualTo(1);
        assertThat(doc.getElementsByTagName("script").item(0).getTextContent()).isEqualTo(HtmlReporter.SCRIPT);
        for (String injected : List.of("img", "b", "i", "a")) {
            assertThat(doc.getElementsByTagName(injected).getLength()).as(injected).isZero();
        }
        for (Element e : all(doc)) {
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                assertThat(attributes.item(i).getNodeName()).doesNotStartWith("on");
            }
        }
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img").doesNotContain("javascript:")
                .doesNotContain("\u0001").doesNotContain("\u001b");
        assertThat(doc.getElementsByTagName("h1").item(0).getTextContent())
                .isEqualTo("evil<img src=x onerror=alert(2)>:latest");
        Element row = byTag(doc.getElementById("findings"), "tr").stream()
                .filter(r -> r.getAttribute("class").equals("finding")).findFirst().orElseThrow();
        assertThat(cell(row, 2)).isEqualTo("<script>alert(\"pkg\")</script>");
        assertThat(cell(row, 9)).startsWith("<img src=x onerror=alert(1)> ]]> & \"quoted\" \uFFFD\uFFFD[31mred");
        assertThat(cell(row, 1)).as("no link for a javascript: URL").isEqualTo("CVE-2021-44228");
        assertThat(doc.getElementById("warnings").getTextContent()).contains("warning <script>alert(4)</script>");
        assertThat(html).contains("&lt;script&gt;alert(&quot;pkg&quot;)&lt;/script&gt;");
    }

    @Test
    void theEscaperReplacesEveryMarkupCharacter() {
        assertThat(HtmlWriter.escape("<a href='x'>\"&\"</a>"))
                .isEqualTo("&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;");
    }

    private static byte[] write(ScanReport report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HtmlReporter().write(report, out);
        return out.toByteArray();
    }

    static Document parse(byte[] html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(html));
        // id attributes as ids, for getElementById
        for (Element e : all(doc)) {
            if (e.hasAttribute("id")) {
                e.setIdAttribute("id", true);
            }
        }
        return doc;
    }

    static List<Element> all(Document doc) {
        return byTag(doc.getDocumentElement(), "*");
    }

    static List<Element> byTag(Document doc, String tag) {
        return byTag(doc.getDocumentElement(), tag);
    }

    static List<Element> byTag(Element root, String tag) {
        List<Element> out = new ArrayList<>();
        if (tag.equals("*")) {
            out.add(root);
        }
        NodeList nodes = root.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    static Element meta(Document doc, String attribute, String value) {
        return byTag(doc, "meta").stream().filter(m -> m.getAttribute(attribute).equals(value)).findFirst().orElseThrow();
    }

    static String cell(Element row, int index) {
        return row.getElementsByTagName("td").item(index).getTextContent();
    }

    static String sha256(String content) throws Exception {
        return "sha256-" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    }
}
