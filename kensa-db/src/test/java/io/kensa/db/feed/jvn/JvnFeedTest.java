package io.kensa.db.feed.jvn;

import io.kensa.core.KensaException;
import io.kensa.core.vuln.CvssScore;
import io.kensa.core.vuln.Severity;
import io.kensa.db.build.FeedReport;
import io.kensa.db.feed.FeedRegistry;
import io.kensa.db.feed.StoredRows;
import io.kensa.db.model.VulnerabilityRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static io.kensa.db.feed.FeedTesting.advisories;
import static io.kensa.db.feed.FeedTesting.build;
import static io.kensa.db.feed.FeedTesting.gzipBomb;
import static io.kensa.db.feed.FeedTesting.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * JVN: the corpus' MyJVN getVulnOverviewList response (3 entries), and JVNDB RSS documents written as JVN's own
 * example of its feed shows them (MyJVN/np {@code examples/hnd/dataFeed_jvndb_rss_hnd.xml}: RSS 1.0 with the
 * mod_sec 3.0 elements of jvnrss_3.2.xsd; dates without seconds, reference URLs on their own indented line).
 */
class JvnFeedTest {
    private static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rdf:RDF
              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
              xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
              xmlns="http://purl.org/rss/1.0/"
              xmlns:rss="http://purl.org/rss/1.0/"
              xmlns:dc="http://purl.org/dc/elements/1.1/"
              xmlns:dcterms="http://purl.org/dc/terms/"
              xmlns:sec="http://jvn.jp/rss/mod_sec/3.0/"
              xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
              xsi:schemaLocation="http://purl.org/rss/1.0/ https://jvndb.jvn.jp/schema/jvnrss_3.2.xsd"
              xml:lang="%s"
            >
              <channel rdf:about="https://jvndb.jvn.jp/ja/rss/jvndb_new.rdf">
                <title>JVNDB RSS Feed - New Entry</title>
                <link>https://jvndb.jvn.jp/</link>
                <description>JVN iPedia 新着情報</description>
                <dc:creator></dc:creator>
                <dc:date>2025-04-13T12:00:23+09:00</dc:date>
                <dcterms:modified>2025-04-13T12:00:23+09:00</dcterms:modified>
                <items>
                  <rdf:Seq>
                    <rdf:li rdf:resource="https://jvndb.jvn.jp/ja/contents/2023/JVNDB-2023-028579.html" />
                    <rdf:li rdf:resource="https://jvndb.jvn.jp/ja/contents/2023/JVNDB-2023-028577.html" />
                  </rdf:Seq>
                </items>
              </channel>
            """;

    private static final String ITEMS = """
              <item rdf:about="https://jvndb.jvn.jp/ja/contents/2023/JVNDB-2023-028579.html">
                <title>Contiki-NG における再帰制御に関する脆弱性</title>
                <link>https://jvndb.jvn.jp/ja/contents/2023/JVNDB-2023-028579.html</link>
                <description>Contiki-NG には、再帰制御に関する脆弱性が存在します。</description>
                <sec:identifier>JVNDB-2023-028579</sec:identifier>
                <sec:references source="CVE" id="CVE-2023-29001">https://www.cve.org/CVERecord?id=CVE-2023-29001</sec:references>
                <sec:references source="NVD" id="CVE-2023-29001">https://nvd.nist.gov/vuln/detail/CVE-2023-29001</sec:references>
                <sec:references source="関連文書" id="github.com (GHSA-7p75-mf53-ffwm)">
                  https://github.com/contiki-ng/contiki-ng/security/advisories/GHSA-7p75-mf53-ffwm</sec:references>
                <sec:references title="不適切な再帰制御(CWE-674)" id="CWE-674">
                  https://cwe.mitre.org/data/definitions/674.html</sec:references>
                <sec:cpe version="2.2" vendor="Contiki-NG" product="Contiki-NG">cpe:/o:contiki-ng:contiki-ng</sec:cpe>
                <sec:cvss version="3.0" score="7.5" type="Base" severity="High"
                  vector="CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H" />
                <dc:date>2025-04-11T23:52+09:00</dc:date>
                <dcterms:issued>2025-04-11T23:52+09:00</dcterms:issued>
                <dcterms:modified>2025-04-11T23:52+09:00</dcterms:modified>
              </item>
              <item rdf:about="https://jvndb.jvn.jp/ja/contents/2023/JVNDB-2023-028577.html">
                <title>LG Electronics の LG Simple Editor における脆弱性</title>
                <link>https://jvndb.jvn.jp/ja/contents/2023/JVNDB-2023-028577.html</link>
                <description>LG Electronics の LG Simple Editor には、不特定の脆弱性が存在します。&lt;ul&gt;&lt;li&gt;CVE-2023-40500&lt;/li&gt;&lt;/ul&gt;</description>
                <sec:identifier>JVNDB-2023-028577</sec:identifier>
                <sec:references source="CVE" id="CVE-2023-40500">https://www.cve.org/CVERecord?id=CVE-2023-40500</sec:references>
                <sec:references source="NVD" id="CVE-2023-40500">https://nvd.nist.gov/vuln/detail/CVE-2023-40500</sec:references>
                <sec:references title="危険なメソッドや機能の公開(CWE-749)" id="CWE-749">
                  https://cwe.mitre.org/data/definitions/749.html</sec:references>
                <sec:references title="その他(CWE-Other)" id="CWE-Other">
                  https://www.ipa.go.jp/security/vuln/scap/cwe.html</sec:references>
                <sec:cvss version="3.0" score="9.8" type="Base" severity="Critical"
                  vector="CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" />
                <dc:date>2025-04-11T23:52+09:00</dc:date>
                <dcterms:issued>2025-04-11T23:52+09:00</dcterms:issued>
                <dcterms:modified>2025-04-11T23:52+09:00</dcterms:modified>
              </item>
            """;

    private static final String TAIL = "</rdf:RDF>\n";

    @TempDir
    Path dir;

    private static byte[] rss(String lang, String items) {
        return (HEAD.formatted(lang) + items + TAIL).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theCorpusMyJvnResponseGivesEachEntryUnderItsJvndbIdAndItsCves() throws Exception {
        Path db = dir.resolve("kensa.db");
        FeedReport feed = build(new JvnFeed(), advisories(), db);
        assertThat(feed.id()).isEqualTo("jvn");
        assertThat(feed.records()).isEqualTo(3);
        assertThat(feed.warningCount()).isZero();
        assertThat(feed.snapshot()).isEqualTo(Instant.parse("2018-03-13T02:57:52Z")); // the channel's 11:57:52+09:00
        try (StoredRows rows = new StoredRows(db)) {
            VulnerabilityRecord router = rows.vulnerability("JVNDB-2018-000024", "jvn", "ja").orElseThrow();
            assertThat(router.title()).isEqualTo("CG-WGR1200 における複数の脆弱性");
            assertThat(router.description()).startsWith("株式会社コレガが提供する CG-WGR1200 は無線 LAN ルータです。");
            assertThat(router.cvss()).containsExactly(
                    new CvssScore("jvn", "3.0", "CVSS:3.0/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 8.8, Severity.HIGH),
                    new CvssScore("jvn", "2.0", "AV:A/AC:L/Au:N/C:P/I:P/A:P", 5.8, Severity.MEDIUM));
            assertThat(router.severity()).isEqualTo(Severity.HIGH);
            assertThat(router.cwes()).containsExactly("CWE-19", "CWE-264", "CWE-78");
            assertThat(router.published()).isEqualTo(Instant.parse("2018-03-09T03:04:48Z"));
            assertThat(router.modified()).isEqualTo(Instant.parse("2018-03-09T03:04:48Z"));
            assertThat(router.urls()).startsWith("https://jvndb.jvn.jp/ja/contents/2018/JVNDB-2018-000024.html",
                    "https://cve.mitre.org/cgi-bin/cvename.cgi?name=CVE-2017-10852");
            assertThat(rows.aliases("JVNDB-2018-000024"))
                    .containsExactly("CVE-2017-10852", "CVE-2017-10853", "CVE-2017-10854");
            assertThat(rows.aliases("CVE-2017-10853")).containsExactly("JVNDB-2018-000024");

            // the CVE carries JVN's Japanese title, for a report in Japanese
            VulnerabilityRecord cve = rows.vulnerability("CVE-2017-10853", "jvn", "ja").orElseThrow();
            assertThat(cve.title()).isEqualTo(router.title());
            assertThat(cve.description()).isEqualTo(router.description());
            assertThat(cve.cvss()).isEqualTo(router.cvss());

            assertThat(rows.vulnerabilities("jvn").keySet()).containsExactlyInAnyOrder("JVNDB-2018-000022",
                    "JVNDB-2018-000023", "JVNDB-2018-000024", "CVE-2018-0546", "CVE-2018-0547", "CVE-2017-10852",
                    "CVE-2017-10853", "CVE-2017-10854");
            assertThat(rows.vulnerability("CVE-2018-0546", "jvn", "ja").orElseThrow().cvss().getLast().baseScore())
                    .isEqualTo(4.3);
        }
    }

    @Test
    void jvndbRssItemsAsJvnWritesThem() throws Exception {
        Path feeds = dir.resolve("feeds");
        write(feeds, "jvn/jvndb_new.rdf", rss("ja", ITEMS));
        Path db = dir.resolve("kensa.db");
        FeedReport feed = build(new JvnFeed(), feeds, db);
        assertThat(feed.records()).isEqualTo(2);
        assertThat(feed.warningCount()).isZero();
        assertThat(feed.snapshot()).isEqualTo(Instant.parse("2025-04-13T03:00:23Z"));
        try (StoredRows rows = new StoredRows(db)) {
            VulnerabilityRecord contiki = rows.vulnerability("JVNDB-2023-028579", "jvn", "ja").orElseThrow();
            assertThat(contiki.published()).isEqualTo(Instant.parse("2025-04-11T14:52:00Z"));
            assertThat(contiki.cvss()).containsExactly(
                    new CvssScore("jvn", "3.0", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 7.5, Severity.HIGH));
            assertThat(contiki.cwes()).containsExactly("CWE-674");
            assertThat(contiki.urls()).containsExactly(
                    "https://jvndb.jvn.jp/ja/contents/2023/JVNDB-2023-028579.html",
                    "https://www.cve.org/CVERecord?id=CVE-2023-29001",
                    "https://nvd.nist.gov/vuln/detail/CVE-2023-29001",
                    "https://github.com/contiki-ng/contiki-ng/security/advisories/GHSA-7p75-mf53-ffwm",
                    "https://cwe.mitre.org/data/definitions/674.html");
            // the CVE is named by both its CVE and its NVD reference: one alias
            assertThat(rows.aliases("JVNDB-2023-028579")).containsExactly("CVE-2023-29001");

            VulnerabilityRecord lg = rows.vulnerability("CVE-2023-40500", "jvn", "ja").orElseThrow();
            assertThat(lg.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(lg.cwes()).containsExactly("CWE-749"); // CWE-Other is not a CWE
            assertThat(lg.description()).endsWith("存在します。<ul><li>CVE-2023-40500</li></ul>");
        }
    }

    @Test
    void aDocumentWithoutAChannelDateIsDatedByItsNewestEntry() throws Exception {
        Path feeds = dir.resolve("feeds");
        String head = HEAD.formatted("ja");
        write(feeds, "jvn/jvndb.rdf", (head.substring(0, head.indexOf("  <channel")) + ITEMS + TAIL)
                .getBytes(StandardCharsets.UTF_8));
        FeedReport feed = build(new JvnFeed(), feeds, dir.resolve("kensa.db"));
        assertThat(feed.records()).isEqualTo(2);
        assertThat(feed.snapshot()).isEqualTo(Instant.parse("2025-04-11T14:52:00Z"));
    }

    @Test
    void theEnglishFeedIsStoredInEnglish() throws Exception {
        Path feeds = dir.resolve("feeds");
        write(feeds, "jvn/jvndb_en.rdf", rss("en", """
                  <item rdf:about="https://jvndb.jvn.jp/en/contents/2023/JVNDB-2023-028579.html">
                    <title>Uncontrolled recursion vulnerability in Contiki-NG</title>
                    <link>https://jvndb.jvn.jp/en/contents/2023/JVNDB-2023-028579.html</link>
                    <sec:identifier>JVNDB-2023-028579</sec:identifier>
                    <sec:references source="CVE" id="CVE-2023-29001">https://www.cve.org/CVERecord?id=CVE-2023-29001</sec:references>
                    <dcterms:modified>2025-04-11T23:52+09:00</dcterms:modified>
                  </item>
                """));
        write(feeds, "jvn/jvndb_ja.rdf", rss("ja", ITEMS));
        Path db = dir.resolve("kensa.db");
        FeedReport feed = build(new JvnFeed(), feeds, db);
        assertThat(feed.records()).isEqualTo(2); // the same JVNDB id in two languages
        try (StoredRows rows = new StoredRows(db)) {
            assertThat(rows.vulnerability("CVE-2023-29001", "jvn", "en").orElseThrow().title())
                    .isEqualTo("Uncontrolled recursion vulnerability in Contiki-NG");
            assertThat(rows.vulnerability("CVE-2023-29001", "jvn", "ja").orElseThrow().title())
                    .isEqualTo("Contiki-NG における再帰制御に関する脆弱性");
        }
    }

    @Test
    void malformedItemsAreSkippedWithACountedWarning() throws Exception {
        Path feeds = dir.resolve("feeds");
        write(feeds, "jvn/jvndb.rdf", rss("ja", ITEMS + """
                  <item rdf:about="https://jvndb.jvn.jp/ja/contents/2023/JVNDB-2023-000001.html">
                    <title>識別子のない項目</title>
                  </item>
                  <item rdf:about="https://jvndb.jvn.jp/ja/contents/2023/JVNDB-2023-000002.html">
                    <sec:identifier>JVN#12345678</sec:identifier>
                  </item>
                  <item rdf:about="https://jvndb.jvn.jp/ja/contents/2023/JVNDB-2023-000003.html">
                    <title>不正な日付とベクトル</title>
                    <sec:identifier>JVNDB-2023-000003</sec:identifier>
                    <sec:cvss version="3.0" score="5.3" type="Base" severity="Medium" vector="CVSS:3.0/AV:Q" />
                    <dcterms:issued>2023年4月11日</dcterms:issued>
                  </item>
                """));
        Path db = dir.resolve("kensa.db");
        FeedReport feed = build(new JvnFeed(), feeds, db);
        assertThat(feed.records()).isEqualTo(3);
        assertThat(feed.firstWarnings()).containsExactly(
                "jvn/jvndb.rdf item 3 (https://jvndb.jvn.jp/ja/contents/2023/JVNDB-2023-000001.html): no sec:identifier",
                "jvn/jvndb.rdf item 4 (https://jvndb.jvn.jp/ja/contents/2023/JVNDB-2023-000002.html):"
                        + " sec:identifier is not a JVNDB id: 'JVN#12345678'",
                "jvn/jvndb.rdf item 5 (JVNDB-2023-000003): sec:cvss vector 'CVSS:3.0/AV:Q' does not score;"
                        + " its published score is kept",
                "jvn/jvndb.rdf item 5 (JVNDB-2023-000003): dcterms:issued is not a date: '2023年4月11日'");
        try (StoredRows rows = new StoredRows(db)) {
            VulnerabilityRecord r = rows.vulnerability("JVNDB-2023-000003", "jvn", "ja").orElseThrow();
            assertThat(r.cvss()).containsExactly(new CvssScore("jvn", "3.0", "CVSS:3.0/AV:Q", 5.3, Severity.MEDIUM));
            assertThat(r.published()).isNull();
        }
    }

    @Test
    void aMalformedFileFailsTheBuildWithOneLine() throws Exception {
        Path feeds = dir.resolve("feeds");
        Path db = dir.resolve("kensa.db");
        write(feeds, "jvn/a.rdf", rss("ja", ITEMS.substring(0, ITEMS.length() / 2)));
        assertThatThrownBy(() -> build(new JvnFeed(), feeds, db)).isInstanceOf(KensaException.class)
                .hasMessageStartingWith("feed jvn: jvn/a.rdf: not well-formed XML (")
                .hasMessageNotContaining("\n");

        write(feeds, "jvn/a.rdf", """
                <?xml version="1.0" encoding="UTF-8"?>
                <VULDEF-Document version="3.2" xmlns="http://jvn.jp/vuldef/"><Vulinfo/></VULDEF-Document>
                """.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> build(new JvnFeed(), feeds, db)).isInstanceOf(KensaException.class)
                .hasMessage("feed jvn: jvn/a.rdf: not a JVNDB RSS document (root element <VULDEF-Document> in"
                        + " http://jvn.jp/vuldef/; expected rdf:RDF with RSS 1.0 items)");

        // a MyJVN error response: status_3.3's Status element with a non-zero retCd
        write(feeds, "jvn/a.rdf", rss("ja", """
                  <status:Status xmlns:status="http://jvndb.jvn.jp/myjvn/Status" version="3.3"
                    method="getVulnOverviewList" lang="ja" retCd="1" retMax="" errCd="WARN001"
                    errMsg="パラメータが不正です" totalRes="0" totalResRet="0" firstRes="0" feed="hnd"/>
                """));
        assertThatThrownBy(() -> build(new JvnFeed(), feeds, db)).isInstanceOf(KensaException.class)
                .hasMessage("feed jvn: jvn/a.rdf: a MyJVN error response (retCd 1, errCd WARN001: パラメータが不正です)");
        assertThat(db).doesNotExist();
    }

    @Test
    void externalEntitiesAreNeverResolved() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "the-secret-value");
        Path feeds = dir.resolve("feeds");
        String items = ITEMS.replace("<title>Contiki-NG における再帰制御に関する脆弱性</title>", "<title>&xxe;</title>");
        write(feeds, "jvn/a.rdf", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE rdf:RDF [\n"
                + "  <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n]>\n"
                + HEAD.formatted("ja").substring(HEAD.indexOf('\n') + 1) + items + TAIL).getBytes(StandardCharsets.UTF_8));
        Path db = dir.resolve("kensa.db");
        assertThatThrownBy(() -> build(new JvnFeed(), feeds, db)).isInstanceOf(KensaException.class)
                .hasMessage("feed jvn: jvn/a.rdf: has a DOCTYPE; refused (JVN feeds have none, and a DTD could"
                        + " declare external or expanding entities)")
                .hasMessageNotContaining("the-secret-value");
        assertThat(db).doesNotExist();

        // the same reference without a DOCTYPE: an entity reference, never expanded
        write(feeds, "jvn/a.rdf", rss("ja", items));
        assertThatThrownBy(() -> build(new JvnFeed(), feeds, db)).isInstanceOf(KensaException.class)
                .hasMessage("feed jvn: jvn/a.rdf: entity reference &xxe; refused (line 29)");
        assertThat(db).doesNotExist();
    }

    @Test
    void noExternalDtdOrEntityIsEverFetched() throws Exception {
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<!ENTITY xxe \"fetched\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Path feeds = dir.resolve("feeds");
            write(feeds, "jvn/a.rdf", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE rdf:RDF SYSTEM \""
                    + base + "/external.dtd\" [\n  <!ENTITY % remote SYSTEM \"" + base + "/param.dtd\">\n  %remote;\n]>\n"
                    + HEAD.formatted("ja").substring(HEAD.indexOf('\n') + 1) + ITEMS + TAIL).getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> build(new JvnFeed(), feeds, dir.resolve("kensa.db")))
                    .isInstanceOf(KensaException.class).hasMessageContaining("has a DOCTYPE; refused");
        } finally {
            server.stop(0);
        }
        assertThat(requests.get()).isZero();
    }

    @Test
    void anEntityExpansionBombIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE rdf:RDF [\n  <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("  <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        dtd.append("]>\n");
        Path feeds = dir.resolve("feeds");
        write(feeds, "jvn/a.rdf", ("<?xml version=\"1.0\"?>\n" + dtd + HEAD.formatted("ja").substring(HEAD.indexOf('\n') + 1)
                + ITEMS.replace("<title>Contiki-NG における再帰制御に関する脆弱性</title>", "<title>&lol9;</title>") + TAIL)
                .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> build(new JvnFeed(), feeds, dir.resolve("kensa.db"))).isInstanceOf(KensaException.class)
                .hasMessageContaining("has a DOCTYPE; refused");
    }

    @Test
    void depthTextAndSizeAreBounded() {
        Path feeds = dir.resolve("feeds");
        Path db = dir.resolve("kensa.db");
        write(feeds, "jvn/a.rdf", rss("ja", "<item>" + "<x>".repeat(40) + "</x>".repeat(40) + "</item>"));
        assertThatThrownBy(() -> build(new JvnFeed(), feeds, db)).isInstanceOf(KensaException.class)
                .hasMessageStartingWith("feed jvn: jvn/a.rdf: elements nested deeper than 32 (line ");

        write(feeds, "jvn/a.rdf", rss("ja", "<item><title>" + "脆".repeat(1_100_000) + "</title></item>"));
        assertThatThrownBy(() -> build(new JvnFeed(), feeds, db)).isInstanceOf(KensaException.class)
                .hasMessageStartingWith("feed jvn: jvn/a.rdf: an element's text is longer than 1048576 characters");

        write(feeds, "jvn/a.rdf.gz", gzipBomb(HEAD.formatted("ja"), (byte) ' ', 64L << 20, TAIL));
        try {
            Files.delete(feeds.resolve("jvn/a.rdf"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThatThrownBy(() -> build(new JvnFeed(1 << 20), feeds, db)).isInstanceOf(KensaException.class)
                .hasMessage("feed jvn: jvn/a.rdf.gz: larger than 1048576 bytes (uncompressed); refused");
        assertThat(db).doesNotExist();
    }

    @Test
    void theFeedIsRegistered() {
        assertThat(FeedRegistry.defaults().get("jvn")).isInstanceOf(JvnFeed.class);
        assertThat(new JvnFeed().presentIn(advisories())).isTrue();
        assertThat(new JvnFeed().presentIn(dir)).isFalse();
        assertThat(new JvnFeed().source()).isEqualTo("jvn/*.{rdf,xml}");
    }
}
