package io.kensa.db.feed.cwe;

import io.kensa.core.KensaException;
import io.kensa.db.build.FeedReport;
import io.kensa.db.feed.FeedRegistry;
import io.kensa.db.feed.StoredRows;
import io.kensa.db.store.KensaDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static io.kensa.db.feed.FeedTesting.advisories;
import static io.kensa.db.feed.FeedTesting.build;
import static io.kensa.db.feed.FeedTesting.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MITRE's CWE CSV downloads of the corpus: views 1000 (938 weaknesses) and 699 (399, all also in 1000). */
class CweFeedTest {
    @TempDir
    Path dir;

    /** The first lines of the corpus' 1000.csv, whole rows (fields hold quoted commas and newlines). */
    private static String corpusCsvHead(int rows) throws IOException {
        try (ZipFile zip = new ZipFile(advisories().resolve("cwe/1000.csv.zip").toFile());
             InputStream in = zip.getInputStream(zip.getEntry("1000.csv"))) {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // each row of MITRE's file ends with "::," or "," and a newline outside quotes: cut at the start of a row
            int at = 0;
            for (int i = 0; i <= rows; i++) {
                at = all.indexOf("\n", at) + 1;
                while (at < all.length() && !Character.isDigit(all.charAt(at))) {
                    at = all.indexOf("\n", at) + 1;
                }
            }
            return all.substring(0, at);
        }
    }

    private static byte[] zip(String name, String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void theCorpusViewsGiveEveryWeaknessNameOnce() throws Exception {
        Path db = dir.resolve("kensa.db");
        FeedReport feed = build(new CweFeed(), advisories(), db);
        assertThat(feed.id()).isEqualTo("cwe");
        assertThat(feed.records()).isEqualTo(938); // 699's 399 are all in 1000
        assertThat(feed.warningCount()).isZero();
        // the downloads carry no date: the newest file's modification time stands for it
        Instant m1000 = Files.getLastModifiedTime(advisories().resolve("cwe/1000.csv.zip")).toInstant();
        Instant m699 = Files.getLastModifiedTime(advisories().resolve("cwe/699.csv.zip")).toInstant();
        assertThat(feed.snapshot()).isEqualTo(m1000.isAfter(m699) ? m1000 : m699);
        try (StoredRows rows = new StoredRows(db)) {
            assertThat(rows.count("cwe")).isEqualTo(938);
        }
        try (KensaDatabase open = KensaDatabase.open(db)) {
            assertThat(open.enrichment().cweNames(List.of("CWE-79", "CWE-22", "CWE-502", "CWE-323", "CWE-99999",
                    "NVD-CWE-Other"))).containsOnly(
                    Map.entry("CWE-79", "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')"),
                    Map.entry("CWE-22", "Improper Limitation of a Pathname to a Restricted Directory ('Path Traversal')"),
                    Map.entry("CWE-502", "Deserialization of Untrusted Data"),
                    // a name with a comma, in a quoted field
                    Map.entry("CWE-323", "Reusing a Nonce, Key Pair in Encryption"));
        }
    }

    @Test
    void aBareCsvIsReadToo() throws Exception {
        Path feeds = dir.resolve("feeds");
        write(feeds, "cwe/1000.csv", corpusCsvHead(3).getBytes(StandardCharsets.UTF_8));
        FeedReport feed = build(new CweFeed(), feeds, dir.resolve("kensa.db"));
        assertThat(feed.records()).isEqualTo(3);
        assertThat(feed.warningCount()).isZero();
        try (KensaDatabase open = KensaDatabase.open(dir.resolve("kensa.db"))) {
            assertThat(open.enrichment().cweNames(List.of("CWE-5", "CWE-6", "CWE-7"))).containsOnly(
                    Map.entry("CWE-5", "J2EE Misconfiguration: Data Transmission Without Encryption"),
                    Map.entry("CWE-6", "J2EE Misconfiguration: Insufficient Session-ID Length"),
                    Map.entry("CWE-7", "J2EE Misconfiguration: Missing Custom Error Page"));
        }
    }

    @Test
    void malformedRowsAreSkippedWithACountedWarning() throws Exception {
        String head = corpusCsvHead(2);
        String csv = head
                + "CWE-79x,\"A name\",Base,Draft,\"d\",,,,,,,,,,,,,,,,,,,\n"
                + "80,\"\",Base,Draft,\"d\",,,,,,,,,,,,,,,,,,,\n"
                + "CWE-81,\"Improper Neutralization of Script in an Error Message Web Page\",Variant,Draft,,,,,,,,,,,,,,,,,,,,\n";
        Path feeds = dir.resolve("feeds");
        write(feeds, "cwe/1000.csv.zip", zip("1000.csv", csv));
        FeedReport feed = build(new CweFeed(), feeds, dir.resolve("kensa.db"));
        long headLines = head.chars().filter(c -> c == '\n').count();
        assertThat(feed.records()).isEqualTo(3);
        assertThat(feed.firstWarnings()).containsExactly(
                "cwe/1000.csv.zip!1000.csv line " + (headLines + 1) + ": not a CWE id: 'CWE-79x'",
                "cwe/1000.csv.zip!1000.csv line " + (headLines + 2) + ": CWE-80 has no name");
        try (KensaDatabase open = KensaDatabase.open(dir.resolve("kensa.db"))) {
            assertThat(open.enrichment().cweNames(List.of("CWE-81"))).containsEntry("CWE-81",
                    "Improper Neutralization of Script in an Error Message Web Page");
        }
    }

    @Test
    void anEntryOverTheSizeLimitIsAWarningNotALoad() throws Exception {
        Path feeds = dir.resolve("feeds");
        String small = corpusCsvHead(2);
        String large = corpusCsvHead(40);
        int limit = small.getBytes(StandardCharsets.UTF_8).length;
        write(feeds, "cwe/1000.csv.zip", zip("1000.csv", large));
        write(feeds, "cwe/699.csv.zip", zip("699.csv", small));
        FeedReport feed = build(new CweFeed(limit), feeds, dir.resolve("kensa.db"));
        assertThat(feed.records()).isEqualTo(2);
        assertThat(feed.firstWarnings()).containsExactly("cwe/1000.csv.zip!1000.csv: larger than " + limit
                + " bytes uncompressed (" + large.getBytes(StandardCharsets.UTF_8).length + "); skipped");
    }

    @Test
    void aMalformedFileFailsTheBuildWithOneLine() throws Exception {
        Path feeds = dir.resolve("feeds");
        Path db = dir.resolve("kensa.db");
        write(feeds, "cwe/1000.csv.zip", corpusCsvHead(2).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> build(new CweFeed(), feeds, db)).isInstanceOf(KensaException.class)
                .hasMessageStartingWith("feed cwe: cwe/1000.csv.zip: not a zip archive (");

        write(feeds, "cwe/1000.csv.zip", zip("README.txt", "no CSV here"));
        assertThatThrownBy(() -> build(new CweFeed(), feeds, db)).isInstanceOf(KensaException.class)
                .hasMessage("feed cwe: cwe/1000.csv.zip: no .csv entry (not a CWE CSV download)");

        write(feeds, "cwe/1000.csv.zip", zip("1000.csv", "ID,Title\n79,XSS\n"));
        assertThatThrownBy(() -> build(new CweFeed(), feeds, db)).isInstanceOf(KensaException.class)
                .hasMessage("feed cwe: cwe/1000.csv.zip!1000.csv: not a CWE CSV (no CWE-ID and Name columns)");

        write(feeds, "cwe/1000.csv.zip", zip("1000.csv", "CWE-ID,Name\n79,\"Improper Neutralization\n"));
        assertThatThrownBy(() -> build(new CweFeed(), feeds, db)).isInstanceOf(KensaException.class)
                .hasMessageStartingWith("feed cwe: cwe/1000.csv.zip!1000.csv: not valid CSV (")
                .hasMessageNotContaining("\n");
        assertThat(db).doesNotExist();
    }

    @Test
    void theFeedIsRegistered() {
        assertThat(FeedRegistry.defaults().get("cwe")).isInstanceOf(CweFeed.class);
        assertThat(new CweFeed().presentIn(advisories())).isTrue();
        assertThat(new CweFeed().presentIn(dir)).isFalse();
    }
}
