package io.kensa.db.feed.amazon;

import io.kensa.core.KensaException;
import io.kensa.core.vuln.Severity;
import io.kensa.db.build.FeedReport;
import io.kensa.db.feed.FeedTesting;
import io.kensa.db.feed.StoredRows;
import io.kensa.db.model.AffectedPackage;
import io.kensa.db.store.StoredAdvisories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static io.kensa.db.feed.FeedTesting.build;
import static io.kensa.db.feed.amazon.AmazonAlasFeedTest.row;
import static io.kensa.db.feed.amazon.AmazonAlasFeedTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The repositories' own {@code updateinfo.xml}, written for these tests in the yum/createrepo updateinfo format
 * with the content of real ALAS of the corpus; hostile and malformed documents.
 */
class UpdateInfoXmlTest {
    private static final String FEED = "amazon-alas";
    private static final String HEAD = "<?xml version=\"1.0\" ?>\n<updates>\n";
    private static final String UPDATE = """
              <update author="linux-security@amazon.com" from="linux-security@amazon.com" status="final" type="security" version="1.4">
                <id>%s</id>
                <title>t</title>
                <issued date="2024-01-03 23:20:00" />
                <severity>low</severity>
                <description>%s</description>
                <references><reference href="https://x" id="CVE-2024-0001" title="" type="cve" /></references>
                <pkglist><collection short="amazon-linux-2023"><name>Amazon Linux 2023</name>
                  <package arch="x86_64" epoch="0" name="%s" release="1.amzn2023" version="1.0"><filename>f</filename></package>
                </collection></pkglist>
              </update>
            """;

    @TempDir
    Path dir;

    private Path feeds() throws Exception {
        return FeedTesting.copyTree(FeedTesting.resource("feeds/amazon-native"), dir.resolve("feeds"));
    }

    @Test
    void securityUpdatesOfEachReleaseAreRead() throws Exception {
        Path db = dir.resolve("k.db");
        FeedReport report = build(new AmazonAlasFeed(), feeds(), db);
        assertThat(report.records()).as("the bugfix update is passed over").isEqualTo(3);
        assertThat(report.warningCount()).isZero();
        assertThat(report.snapshot()).isEqualTo(Instant.parse("2024-01-18T02:18:00Z"));
        try (StoredAdvisories s = new StoredAdvisories(db); StoredRows r = new StoredRows(db)) {
            assertThat(s.where(FEED, "vuln_id = 'CVE-2023-5981'")).containsExactlyInAnyOrderElementsOf(
                    rows("amazon:2023", "CVE-2023-5981", "3.8.0-377.amzn2023.0.3", Severity.MEDIUM, "gnutls",
                            "gnutls-devel"));
            assertThat(s.where(FEED, "vuln_id = 'CVE-2024-20952'")).containsExactlyInAnyOrder(
                    row("amazon:2023", "java-17-amazon-corretto", "CVE-2024-20952", "1:17.0.10+7-1.amzn2023.1",
                            Severity.HIGH),
                    row("amazon:2023", "java-17-amazon-corretto-headless", "CVE-2024-20952", "1:17.0.10+7-1.amzn2023.1",
                            Severity.HIGH));
            assertThat(s.where(FEED, "vuln_id = 'ALAS2-2018-996'")).extracting(AffectedPackage::namespace,
                    AffectedPackage::packageName).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("amazon:2", "stunnel"),
                    org.assertj.core.groups.Tuple.tuple("amazon:2", "amazon-efs-utils"));
            assertThat(s.where(FEED, "package = 'foo'")).isEmpty();
            assertThat(r.vulnerabilities(FEED).get("CVE-2024-20918").description()).isEqualTo("Vulnerability in the"
                    + " Oracle Java SE, Oracle GraalVM for JDK, Oracle GraalVM Enterprise Edition product of Oracle"
                    + " Java SE (component: Hotspot).");
            assertThat(r.vulnerabilities(FEED).get("ALAS2023-2024-483").modified())
                    .isEqualTo(Instant.parse("2024-01-18T02:18:00Z"));
        }
    }

    @Test
    void theXmlAndTheJsonRenditionGiveTheSameRowsAndTheXmlWins() throws Exception {
        Path feeds = feeds();
        Path xmlOnly = dir.resolve("xml.db");
        build(new AmazonAlasFeed(), feeds, xmlOnly);
        Path jsonOnly = dir.resolve("json.db");
        build(new AmazonAlasFeed(), FeedTesting.advisories(), jsonOnly);
        String gnutls = "vuln_id = 'CVE-2023-5981' AND package IN ('gnutls', 'gnutls-devel')";
        try (StoredAdvisories a = new StoredAdvisories(xmlOnly); StoredAdvisories b = new StoredAdvisories(jsonOnly)) {
            assertThat(a.where(FEED, gnutls)).containsExactlyInAnyOrderElementsOf(b.where(FEED, gnutls)).hasSize(2);
        }
        // both forms in one folder: ALAS2023-2024-483 is taken from the XML (two CVEs there, nine in the JSON)
        Files.copy(FeedTesting.advisories().resolve("amazon/alas-al2-al2023.zip"), feeds.resolve("amazon/alas.zip"));
        Path both = dir.resolve("both.db");
        FeedReport report = build(new AmazonAlasFeed(), feeds, both);
        assertThat(report.records()).isEqualTo(2434);
        try (StoredAdvisories s = new StoredAdvisories(both)) {
            assertThat(s.count("SELECT count(DISTINCT vuln_id) FROM advisories WHERE package = 'java-17-amazon-corretto'"
                    + " AND affected LIKE '%1:17.0.10+7-1.amzn2023.1%'")).isEqualTo(2);
        }
    }

    @Test
    void aGzippedUpdateInfoAsRepodataNamesItIsRead() throws Exception {
        Path repodata = Files.createDirectories(dir.resolve("feeds/amazon/2023/repodata"));
        byte[] xml = Files.readAllBytes(FeedTesting.resource("feeds/amazon-native/amazon/2023/updateinfo.xml"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(
                repodata.resolve("5e2a3f5bc1e4b2b0d9e46ad55f11ccd0-updateinfo.xml.gz")))) {
            out.write(xml);
        }
        FeedReport report = build(new AmazonAlasFeed(), dir.resolve("feeds"), dir.resolve("k.db"));
        assertThat(report.records()).isEqualTo(2);
    }

    @Test
    void anEntityDeclarationIsRefusedAndNothingExternalIsRead() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOPSECRET");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE updates [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<updates>" + UPDATE.formatted("ALAS2023-2024-1", "&x;", "foo") + "</updates>\n";
        write("amazon/updateinfo.xml", xxe);
        assertThatThrownBy(() -> build(new AmazonAlasFeed(), dir.resolve("feeds"), dir.resolve("k.db")))
                .isInstanceOf(KensaException.class)
                .hasMessage("feed amazon-alas: amazon/updateinfo.xml: declares a DTD, which updateinfo.xml never does"
                        + " (refused: entities are not read)");
        String billionLaughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE updates [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n"
                + "<updates>" + UPDATE.formatted("ALAS2023-2024-1", "&c;", "foo") + "</updates>\n";
        write("amazon/updateinfo.xml", billionLaughs);
        assertThatThrownBy(() -> build(new AmazonAlasFeed(), dir.resolve("feeds"), dir.resolve("k.db")))
                .isInstanceOf(KensaException.class)
                .hasMessageStartingWith("feed amazon-alas: amazon/updateinfo.xml: declares a DTD");
        // an entity used without a declaration is refused too (the parser does not replace it)
        write("amazon/updateinfo.xml", HEAD + UPDATE.formatted("ALAS2023-2024-1", "&c;", "foo") + "</updates>\n");
        assertThatThrownBy(() -> build(new AmazonAlasFeed(), dir.resolve("feeds"), dir.resolve("k.db")))
                .isInstanceOf(KensaException.class)
                .hasMessage("feed amazon-alas: amazon/updateinfo.xml: refers to an entity 'c' (refused)");
        assertThat(dir.resolve("k.db")).doesNotExist();
    }

    @Test
    void aDocumentThatIsNotUpdateinfoFailsWithOneLine() throws Exception {
        write("amazon/updateinfo.xml", HEAD + UPDATE.formatted("ALAS2023-2024-1", "d", "foo"));
        assertThatThrownBy(() -> build(new AmazonAlasFeed(), dir.resolve("feeds"), dir.resolve("k.db")))
                .isInstanceOf(KensaException.class)
                .hasMessageStartingWith("feed amazon-alas: amazon/updateinfo.xml: not well-formed XML at line ")
                .hasMessageNotContaining("\n");
        write("amazon/updateinfo.xml", "<?xml version=\"1.0\"?><repomd><data type=\"primary\"/></repomd>");
        assertThatThrownBy(() -> build(new AmazonAlasFeed(), dir.resolve("feeds"), dir.resolve("k.db")))
                .isInstanceOf(KensaException.class).hasMessage("feed amazon-alas: amazon/updateinfo.xml: not an"
                        + " updateinfo document (root element <repomd>, expected <updates>)");
        Files.delete(dir.resolve("feeds/amazon/updateinfo.xml"));
        write("amazon/updateinfo.xml.gz", HEAD);
        assertThatThrownBy(() -> build(new AmazonAlasFeed(), dir.resolve("feeds"), dir.resolve("k.db")))
                .isInstanceOf(KensaException.class)
                .hasMessageStartingWith("feed amazon-alas: amazon/updateinfo.xml.gz: not a gzip file");
    }

    @Test
    void malformedUpdatesAreSkippedWithAWarning() throws Exception {
        String doc = HEAD
                + UPDATE.formatted("ALAS2023-2024-1", "d", "good")
                + UPDATE.formatted("", "d", "foo")
                + UPDATE.formatted("ALAS2DOCKER-2024-001", "d", "docker")
                + UPDATE.formatted("ALAS2023-2024-2", "d", "bad name")
                + UPDATE.formatted("ALAS2023-2024-3", "x".repeat(UpdateInfoXml.MAX_TEXT + 1), "foo")
                + "</updates>\n";
        write("amazon/updateinfo.xml", doc);
        Path db = dir.resolve("k.db");
        FeedReport report = build(new AmazonAlasFeed(), dir.resolve("feeds"), db);
        assertThat(report.records()).isEqualTo(1);
        assertThat(report.firstWarnings()).containsExactly(
                "amazon/updateinfo.xml update 2: no <id>, skipped",
                "amazon/updateinfo.xml ALAS2DOCKER-2024-001: 'ALAS2DOCKER-2024-001' is not an ALAS id of an Amazon"
                        + " Linux core repository (ALAS-, ALAS2-, ALAS2022-, ALAS2023-), skipped",
                "amazon/updateinfo.xml ALAS2023-2024-2: package without a valid name ('bad name')",
                "amazon/updateinfo.xml ALAS2023-2024-2: no usable package in the package list, skipped",
                "amazon/updateinfo.xml update 5 (ALAS2023-2024-3): <description> longer than " + UpdateInfoXml.MAX_TEXT
                        + " characters, skipped");
        try (StoredAdvisories s = new StoredAdvisories(db)) {
            assertThat(s.where(FEED, "1 = 1")).containsExactly(
                    row("amazon:2023", "good", "CVE-2024-0001", "1.0-1.amzn2023", Severity.LOW));
        }
    }

    @Test
    void deepNestingAndOversizedFilesAreRefused() throws Exception {
        String deep = HEAD + "<update>" + "<x>".repeat(40) + "</x>".repeat(40) + "</update></updates>";
        write("amazon/updateinfo.xml", deep);
        assertThatThrownBy(() -> build(new AmazonAlasFeed(), dir.resolve("feeds"), dir.resolve("k.db")))
                .isInstanceOf(KensaException.class).hasMessage("feed amazon-alas: amazon/updateinfo.xml: nested deeper"
                        + " than " + UpdateInfoXml.MAX_DEPTH + " elements");
        String big = HEAD + UPDATE.formatted("ALAS2023-2024-1", "d", "good").repeat(100) + "</updates>\n";
        write("amazon/updateinfo.xml", big);
        assertThatThrownBy(() -> build(new AmazonAlasFeed(10_000), dir.resolve("feeds"), dir.resolve("k.db")))
                .isInstanceOf(KensaException.class)
                .hasMessage("feed amazon-alas: amazon/updateinfo.xml: larger than 10000 bytes (uncompressed); refused");
        assertThat(build(new AmazonAlasFeed(big.length()), dir.resolve("feeds"), dir.resolve("k.db")).records())
                .as("within the bound").isEqualTo(1);
    }

    @Test
    void malformedJsonAdvisoriesAreWarningsAndADamagedArchiveFailsTheBuild() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("2023/core/2024/ALAS2023-2024-1.json", "{\"ID\": ".getBytes(StandardCharsets.UTF_8));
        entries.put("2023/core/2024/ALAS2023-2024-2.json", "{\"Title\": \"no id\"}".getBytes(StandardCharsets.UTF_8));
        entries.put("2023/core/2024/ALAS2023-2024-3.json", ("{\"ID\": \"ALAS2023-2024-3\", \"Type\": \"security\","
                + " \"Pkglist\": {\"Collection\": {\"Package\": [{\"Name\": \"foo\", \"Epoch\": \"x\","
                + " \"Version\": \"1\", \"Release\": \"1\"}]}}}").getBytes(StandardCharsets.UTF_8));
        entries.put("2023/core/2024/ALAS2023-2024-4.json", ("{\"ID\": \"ALAS2023-2024-4\", \"Severity\": \"Critical\","
                + " \"References\": {\"Reference\": [{\"ID\": \"CVE-2024-9999\", \"Type\": \"cve\", \"Href\": \"h\"}]},"
                + " \"Pkglist\": {\"Collection\": [{\"Package\": [{\"Name\": \"bar\", \"Epoch\": \"2\","
                + " \"Version\": \"1.0\", \"Release\": \"3.amzn2023\"}]}]}}").getBytes(StandardCharsets.UTF_8));
        Path feeds = dir.resolve("feeds");
        FeedTesting.zip(feeds.resolve("amazon/alas.zip"), entries);
        Path db = dir.resolve("k.db");
        FeedReport report = build(new AmazonAlasFeed(), feeds, db);
        assertThat(report.records()).isEqualTo(1);
        String zip = "amazon/alas.zip!2023/core/2024/";
        assertThat(report.firstWarnings()).hasSize(4);
        assertThat(report.firstWarnings().getFirst()).startsWith(zip + "ALAS2023-2024-1.json: not JSON (");
        assertThat(report.firstWarnings().subList(1, 4)).containsExactly(
                zip + "ALAS2023-2024-2.json: no ID, skipped",
                zip + "ALAS2023-2024-3.json: package foo with epoch 'x'",
                zip + "ALAS2023-2024-3.json: no usable package in the package list, skipped");
        try (StoredAdvisories s = new StoredAdvisories(db)) {
            assertThat(s.where(FEED, "1 = 1")).containsExactly(
                    row("amazon:2023", "bar", "CVE-2024-9999", "2:1.0-3.amzn2023", Severity.CRITICAL));
        }
        Files.writeString(feeds.resolve("amazon/alas.zip"), "PK\u0003\u0004 truncated");
        assertThatThrownBy(() -> build(new AmazonAlasFeed(), feeds, dir.resolve("k2.db")))
                .isInstanceOf(KensaException.class)
                .hasMessageStartingWith("feed amazon-alas: amazon/alas.zip: not a zip archive")
                .hasMessageNotContaining("\n");
    }

    @Test
    void namespacesAndPagesFollowTheIdPrefix() {
        assertThat(AlasAdvisories.namespace("ALAS2023-2024-463")).isEqualTo("amazon:2023");
        assertThat(AlasAdvisories.namespace("ALAS2022-2022-001")).isEqualTo("amazon:2022");
        assertThat(AlasAdvisories.namespace("ALAS2-2023-2029")).isEqualTo("amazon:2");
        assertThat(AlasAdvisories.namespace("ALAS-2023-1700")).isEqualTo("amazon:1");
        assertThat(AlasAdvisories.namespace("ALASKERNEL-5.10-2022-005")).isNull();
        assertThat(AlasAdvisories.namespace("ALAS2ECS-2026-100")).isNull();
        assertThat(AlasAdvisories.page("ALAS2-2023-2029")).isEqualTo("https://alas.aws.amazon.com/AL2/ALAS-2023-2029.html");
        assertThat(AlasAdvisories.page("ALAS-2023-1700")).isEqualTo("https://alas.aws.amazon.com/ALAS-2023-1700.html");
        assertThat(new Alas.Package("a", "0", "1", "2", "x").evr()).isEqualTo("1-2");
        assertThat(new Alas.Package("a", null, "1", "2", "x").evr()).isEqualTo("1-2");
        assertThat(new Alas.Package("a", "32", "1", "2", "x").evr()).isEqualTo("32:1-2");
    }

    private void write(String relative, String content) throws Exception {
        Path p = dir.resolve("feeds").resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }
}
