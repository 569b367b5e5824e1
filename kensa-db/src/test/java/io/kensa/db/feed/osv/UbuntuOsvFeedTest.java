package io.kensa.db.feed.osv;

import io.kensa.core.vuln.Severity;
import io.kensa.db.build.BuildResult;
import io.kensa.db.build.DatabaseBuilder;
import io.kensa.db.build.FeedReport;
import io.kensa.db.cvss.CvssVectors;
import io.kensa.db.feed.FeedRegistry;
import io.kensa.db.model.AffectedPackage;
import io.kensa.db.model.AffectedRange;
import io.kensa.db.model.VulnerabilityRecord;
import io.kensa.db.store.KensaDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ubuntu's OSV feed (osv.dev's {@code Ubuntu/all.zip}), which the corpus lacks: a zip of real records of
 * Canonical's feed in its three shapes (test resources {@code osv/ubuntu/}, see their README).
 */
class UbuntuOsvFeedTest {
    static final List<String> RECORDS = List.of("UBUNTU-CVE-2025-0395.json", "USN-7259-1.json",
            "UBUNTU-CVE-2025-0665.json", "CVE-2024-0727.json");

    @TempDir
    Path dir;
    FeedReport report;
    KensaDatabase db;

    @BeforeEach
    void build() throws IOException {
        Path zip = dir.resolve("feeds").resolve(OsvSource.UBUNTU.path());
        Files.createDirectories(zip.getParent());
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : RECORDS) {
                out.putNextEntry(new ZipEntry(name));
                try (InputStream in = UbuntuOsvFeedTest.class.getResourceAsStream("ubuntu/" + name)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        BuildResult built = new DatabaseBuilder(FeedRegistry.defaults()).build(zip.getParent().getParent().getParent(),
                dir.resolve("kensa.db"));
        report = built.feeds().getFirst();
        assertThat(built.feeds()).hasSize(1);
        db = KensaDatabase.open(built.output());
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        db.close();
    }

    private List<AffectedPackage> rows(String namespace, String pkg, String id) {
        return db.advisories(namespace, pkg).stream().filter(a -> a.vulnerabilityId().equals(id)).toList();
    }

    @Test
    void theFeedLoadsEveryRecord() {
        assertThat(report.id()).isEqualTo("osv-ubuntu");
        assertThat(report.source()).isEqualTo("osv/Ubuntu/all.zip");
        assertThat(report.records()).isEqualTo(4);
        assertThat(report.warningCount()).isZero();
        assertThat(report.snapshot()).as("USN-7259-1's modified, the newest").isEqualTo(Instant.parse("2026-04-27T14:11:39Z"));
    }

    @Test
    void releasesAndTheirProStreamAreNamespaces() {
        assertThat(rows("ubuntu:22.04", "glibc", "UBUNTU-CVE-2025-0395")).singleElement().satisfies(a -> {
            assertThat(a.ranges()).containsExactly(AffectedRange.fixedIn("2.35-0ubuntu3.9"));
            assertThat(a.versions()).hasSize(10).startsWith("2.34-0ubuntu3");
            assertThat(a.severity()).as("the record's Ubuntu priority").isEqualTo(Severity.MEDIUM);
            assertThat(a.feed()).isEqualTo("osv-ubuntu");
        });
        assertThat(rows("ubuntu:22.04", "glibc", "USN-7259-1")).singleElement()
                .satisfies(a -> assertThat(a.ranges()).containsExactly(AffectedRange.fixedIn("2.35-0ubuntu3.9")));
        // Ubuntu Pro's ESM fixes of a release past standard support
        assertThat(db.advisories("ubuntu:18.04", "glibc")).extracting(AffectedPackage::vulnerabilityId)
                .containsExactly("UBUNTU-CVE-2025-0395", "USN-7259-1");
        assertThat(rows("ubuntu:14.04", "eglibc", "UBUNTU-CVE-2025-0395")).singleElement()
                .satisfies(a -> assertThat(a.ranges()).containsExactly(AffectedRange.fixedIn("2.19-0ubuntu6.15+esm4")));
        assertThat(rows("ubuntu:14.04", "openssl", "CVE-2024-0727")).singleElement().satisfies(a -> {
            assertThat(a.ranges()).as("no fix").containsExactly(AffectedRange.allVersions());
            assertThat(a.versions()).containsExactly("1.0.1f-1ubuntu2.27+esm7", "1.0.1f-1ubuntu2.27+esm9");
            assertThat(a.severity()).isNull();
        });
        assertThat(rows("ubuntu:16.04", "openssl", "CVE-2024-0727")).singleElement().satisfies(a -> {
            assertThat(a.ranges()).containsExactly(AffectedRange.fixedIn("1.0.2g-1ubuntu4.20+esm11"));
            assertThat(a.severity()).as("ubuntu_priority").isEqualTo(Severity.LOW);
        });
        // interim releases
        assertThat(rows("ubuntu:24.10", "curl", "UBUNTU-CVE-2025-0665")).singleElement().satisfies(a -> {
            assertThat(a.ranges()).containsExactly(AffectedRange.fixedIn("8.9.1-2ubuntu2.2"));
            assertThat(a.severity()).isEqualTo(Severity.LOW);
        });
        assertThat(rows("ubuntu:25.04", "curl", "UBUNTU-CVE-2025-0665")).hasSize(1);
        assertThat(db.advisories("ubuntu:24.04", "glibc")).hasSize(1);
    }

    @Test
    void recordsCarryPriorityScoresAndReferences() {
        VulnerabilityRecord v = db.vulnerabilities(List.of("UBUNTU-CVE-2025-0395")).get("UBUNTU-CVE-2025-0395").getFirst();
        assertThat(v.feed()).isEqualTo("osv-ubuntu");
        assertThat(v.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(v.cvss()).containsExactly(
                CvssVectors.score("ubuntu", "CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H").orElseThrow());
        assertThat(v.title()).isNull();
        assertThat(v.description()).startsWith("When the assert() function in the GNU C Library");
        assertThat(v.urls()).hasSize(8).startsWith("https://ubuntu.com/security/notices/USN-7259-1",
                "https://ubuntu.com/security/notices/USN-7259-2", "https://ubuntu.com/security/notices/USN-7259-3",
                "https://ubuntu.com/security/CVE-2025-0395");
        assertThat(v.modified()).isEqualTo(Instant.parse("2026-02-06T17:50:35Z"));
        VulnerabilityRecord usn = db.vulnerabilities(List.of("USN-7259-1")).get("USN-7259-1").getFirst();
        assertThat(usn.title()).isEqualTo("glibc vulnerability");
        assertThat(usn.severity()).isNull();
    }

    @Test
    void onlyTheRenditionOfOneUpstreamIdIsAnAlias() {
        // UBUNTU-CVE-2025-0395 is Ubuntu's record of CVE-2025-0395 (upstream, its id with a prefix)
        assertThat(db.aliases("UBUNTU-CVE-2025-0395")).containsExactly("CVE-2025-0395");
        assertThat(db.aliases("CVE-2025-0395")).containsExactly("UBUNTU-CVE-2025-0395");
        // a notice is not the vulnerability it fixes, and "related" is never an alias
        assertThat(db.aliases("USN-7259-1")).isEmpty();
        assertThat(db.aliases("UBUNTU-CVE-2025-0665")).isEmpty();
        assertThat(db.aliases("CVE-2024-0727")).isEmpty();
    }
}
