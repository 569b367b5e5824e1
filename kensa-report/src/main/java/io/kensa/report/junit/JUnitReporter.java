package io.kensa.report.junit;

import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import io.kensa.core.vuln.SuppressedFinding;
import io.kensa.core.vuln.VulnerabilityFinding;
import io.kensa.report.Reporter;
import io.kensa.report.markup.XmlChars;
import io.kensa.report.vuln.FindingTargets;
import io.kensa.report.vuln.Remediation;
import io.kensa.report.vuln.WebLinks;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The findings as JUnit XML ({@code --format junit}), the shape GitLab's and Jenkins' test report views read: one
 * {@code testsuite} per target ({@link FindingTargets}: the OS, then each application package location), one
 * {@code testcase} per finding in it, failed ({@code failure}, its type the severity); a suppressed finding is a
 * {@code skipped} test case with the filter and the reason. {@code tests}, {@code failures} and {@code skipped}
 * count them. Written with the JDK's XML stream writer: every text and attribute is escaped, and characters XML
 * cannot carry are replaced ({@link XmlChars}). Secrets, misconfigurations, licenses and malware follow, one
 * suite per kind ({@link FindingSuites}).
 */
public final class JUnitReporter implements Reporter {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @Override
    public String format() {
        return "junit";
    }

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(writer);
            write(report, xml);
            xml.flush();
            writer.write('\n');
            writer.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
    }

    private static void write(ScanReport report, XMLStreamWriter xml) throws XMLStreamException {
        List<FindingTargets.Target> targets = FindingTargets.of(report);
        List<FindingSuites.Suite> findingSuites = FindingSuites.of(report);
        int passed = findingSuites.stream().mapToInt(s -> s.cases().size() - s.failures()).sum();
        int failures = targets.stream().mapToInt(t -> t.rows().size()).sum()
                + findingSuites.stream().mapToInt(FindingSuites.Suite::failures).sum();
        int skipped = targets.stream().mapToInt(t -> t.suppressed().size()).sum();
        String timestamp = TIMESTAMP.format(report.createdAt().truncatedTo(ChronoUnit.SECONDS));

        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuites");
        attribute(xml, "name", "kensa " + report.artifact().name());
        attribute(xml, "tests", Integer.toString(failures + skipped + passed));
        attribute(xml, "failures", Integer.toString(failures));
        attribute(xml, "errors", "0");
        attribute(xml, "skipped", Integer.toString(skipped));
        attribute(xml, "time", "0");
        for (FindingTargets.Target target : targets) {
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            attribute(xml, "name", target.name());
            attribute(xml, "tests", Integer.toString(target.rows().size() + target.suppressed().size()));
            attribute(xml, "failures", Integer.toString(target.rows().size()));
            attribute(xml, "errors", "0");
            attribute(xml, "skipped", Integer.toString(target.suppressed().size()));
            attribute(xml, "time", "0");
            attribute(xml, "timestamp", timestamp);
            for (FindingTargets.Row row : target.rows()) {
                failedCase(xml, row.finding(), row.pkg());
            }
            for (FindingTargets.SuppressedRow row : target.suppressed()) {
                skippedCase(xml, row.suppressed(), row.pkg());
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
        }
        for (FindingSuites.Suite suite : findingSuites) {
            writeSuite(xml, suite, timestamp);
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    private static void writeSuite(XMLStreamWriter xml, FindingSuites.Suite suite, String timestamp)
            throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        attribute(xml, "name", suite.name());
        attribute(xml, "tests", Integer.toString(suite.cases().size()));
        attribute(xml, "failures", Integer.toString(suite.failures()));
        attribute(xml, "errors", "0");
        attribute(xml, "skipped", "0");
        attribute(xml, "time", "0");
        attribute(xml, "timestamp", timestamp);
        for (FindingSuites.Case c : suite.cases()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            attribute(xml, "classname", c.classname());
            attribute(xml, "name", c.name());
            if (c.file() != null) {
                attribute(xml, "file", c.file());
            }
            attribute(xml, "time", "0");
            if (c.failed()) {
                xml.writeCharacters("\n      ");
                xml.writeStartElement("failure");
                attribute(xml, "message", c.message());
                attribute(xml, "type", c.type());
                text(xml, c.details());
                xml.writeEndElement();
                xml.writeCharacters("\n    ");
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void failedCase(XMLStreamWriter xml, VulnerabilityFinding f, Package p) throws XMLStreamException {
        startCase(xml, f, p);
        xml.writeCharacters("\n      ");
        xml.writeStartElement("failure");
        attribute(xml, "message", f.title() == null || f.title().isBlank() ? f.id() : f.title());
        attribute(xml, "type", f.severity().name());
        text(xml, details(f, p));
        xml.writeEndElement();
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private static void skippedCase(XMLStreamWriter xml, SuppressedFinding s, Package p) throws XMLStreamException {
        startCase(xml, s.finding(), p);
        xml.writeCharacters("\n      ");
        xml.writeStartElement("skipped");
        attribute(xml, "message", s.filter() + ": " + s.reason());
        xml.writeEndElement();
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private static void startCase(XMLStreamWriter xml, VulnerabilityFinding f, Package p) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        attribute(xml, "classname", p.name() + "-" + f.installedVersion());
        attribute(xml, "name", "[" + f.severity().name() + "] " + f.id());
        if (!p.paths().isEmpty()) {
            attribute(xml, "file", p.paths().getFirst());
        }
        attribute(xml, "time", "0");
    }

    /** What a person reading the failed test wants: versions, status, what to do, the advisory, why it matched. */
    private static String details(VulnerabilityFinding f, Package p) {
        StringBuilder sb = new StringBuilder();
        sb.append("Package: ").append(p.name()).append(' ').append(f.installedVersion()).append('\n');
        if (p.purl() != null) {
            sb.append("Purl: ").append(p.purl()).append('\n');
        }
        sb.append("Severity: ").append(f.severity().name());
        if (f.severitySource() != null) {
            sb.append(" (").append(f.severitySource()).append(')');
        }
        sb.append('\n');
        if (f.status() != null) {
            sb.append("Status: ").append(f.status().wireName()).append('\n');
        }
        sb.append("Fixed version: ").append(f.fixedVersions().isEmpty() ? "none" : String.join(", ", f.fixedVersions()))
                .append('\n');
        sb.append("Remediation: ").append(Remediation.of(f)).append('\n');
        if (f.isKev()) {
            sb.append("Known exploited (CISA KEV), added ").append(f.kev().dateAdded()).append('\n');
        }
        if (f.epss() != null) {
            sb.append("EPSS: ").append(f.epss()).append('\n');
        }
        if (!f.aliases().isEmpty()) {
            sb.append("Aliases: ").append(String.join(", ", f.aliases())).append('\n');
        }
        WebLinks.http(f.primaryUrl()).ifPresent(url -> sb.append("Link: ").append(url).append('\n'));
        if (f.matchReason() != null) {
            sb.append("Matched: ").append(f.matchReason()).append('\n');
        }
        if (f.description() != null && !f.description().isBlank()) {
            sb.append('\n').append(f.description()).append('\n');
        }
        return sb.toString();
    }

    private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, XmlChars.clean(value));
    }

    private static void text(XMLStreamWriter xml, String value) throws XMLStreamException {
        xml.writeCharacters(XmlChars.clean(value));
    }
}
