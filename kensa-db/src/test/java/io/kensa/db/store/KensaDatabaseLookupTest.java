package io.kensa.db.store;

import io.kensa.core.KensaException;
import io.kensa.core.vuln.CvssScore;
import io.kensa.core.vuln.Severity;
import io.kensa.core.vuln.VulnerabilityStatus;
import io.kensa.db.cvss.CvssVectors;
import io.kensa.db.model.AffectedPackage;
import io.kensa.db.model.AffectedRange;
import io.kensa.db.model.RangeEvent;
import io.kensa.db.model.VulnerabilityRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The matchers' lookups: what the writer stored comes back whole, by (namespace, package), by id, by alias. */
class KensaDatabaseLookupTest {
    @TempDir
    Path dir;
    Path file;

    // as the corpus' feeds state them (GHSA-jfh8-c2jp-5v3q, PYSEC-2021-142, Debian's CVE-2021-37219)
    static final AffectedPackage LOG4J_213 = new AffectedPackage("maven", "org.apache.logging.log4j:log4j-core",
            "GHSA-jfh8-c2jp-5v3q", "osv-maven",
            List.of(new AffectedRange("ECOSYSTEM", List.of(RangeEvent.introduced("2.13.0"), RangeEvent.fixed("2.15.0")))),
            List.of(), null, null);
    static final AffectedPackage LOG4J_20 = new AffectedPackage("maven", "org.apache.logging.log4j:log4j-core",
            "GHSA-jfh8-c2jp-5v3q", "osv-maven",
            List.of(new AffectedRange("ECOSYSTEM", List.of(RangeEvent.introduced("2.0-beta9"), RangeEvent.fixed("2.3.1")))),
            List.of(), null, null);
    static final AffectedPackage EVERY_KIND = new AffectedPackage("golang", "stdlib", "GO-2022-0969", "osv-go",
            List.of(new AffectedRange("SEMVER", List.of(RangeEvent.introduced("0"), RangeEvent.fixed("1.18.6"),
                    RangeEvent.introduced("1.19.0"), RangeEvent.lastAffected("1.19.0"), RangeEvent.limit("1.20.0")))),
            List.of("1.19.0"), null, null);
    static final AffectedPackage PYYAML = new AffectedPackage("pypi", "PyYAML", "PYSEC-2021-142", "osv-pypi",
            List.of(AffectedRange.fixedIn("5.4")), List.of("5.1", "5.3.1"), null, null);
    static final AffectedPackage CONSUL = new AffectedPackage("debian:11", "consul", "CVE-2021-37219", "osv-debian",
            List.of(AffectedRange.allVersions()), List.of(), VulnerabilityStatus.END_OF_LIFE, Severity.LOW);

    static final VulnerabilityRecord GHSA = new VulnerabilityRecord("GHSA-jfh8-c2jp-5v3q", "osv-maven", "en",
            "Remote code injection in Log4j", "Apache Log4j2 ...", Severity.CRITICAL,
            List.of(CvssVectors.score("ghsa", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H").orElseThrow()),
            List.of("CWE-502", "CWE-917"), Instant.parse("2021-12-10T00:40:56Z"), Instant.parse("2024-07-25T20:12:08Z"),
            List.of("https://nvd.nist.gov/vuln/detail/CVE-2021-44228", "https://github.com/advisories/GHSA-jfh8-c2jp-5v3q"));
    static final VulnerabilityRecord CVE_DEBIAN = new VulnerabilityRecord("CVE-2021-44228", "osv-debian", "en", null,
            "Apache Log4j2 2.0-beta9 ...", null, List.of(), List.of(), null, null, List.of());
    static final VulnerabilityRecord CVE_NVD = new VulnerabilityRecord("CVE-2021-44228", "nvd", "en", null,
            "Apache Log4j2 2.0-beta9 through 2.15.0 ...", null,
            List.of(new CvssScore("nvd", "2.0", "AV:N/AC:M/Au:N/C:C/I:C/A:C", 9.3, Severity.HIGH)), List.of("CWE-502"),
            null, null, List.of("https://logging.apache.org/log4j/2.x/security.html"));

    @BeforeEach
    void write() throws Exception {
        file = dir.resolve("kensa.db");
        try (DatabaseWriter w = DatabaseWriter.create(file)) {
            for (AffectedPackage a : List.of(LOG4J_213, EVERY_KIND, PYYAML, CONSUL, LOG4J_20)) {
                w.addAdvisory(a);
            }
            w.addVulnerability(GHSA);
            w.addVulnerability(CVE_NVD);
            w.addVulnerability(CVE_DEBIAN);
            w.addAlias("GHSA-jfh8-c2jp-5v3q", "CVE-2021-44228");
            w.addAlias("CVE-2021-44228", "DLA-2842-1-not-really");
            w.finish(Instant.parse("2026-11-23T00:00:00Z"));
        }
    }

    @Test
    void advisoriesComeBackAsWrittenInWriteOrder() {
        try (KensaDatabase db = KensaDatabase.open(file)) {
            assertThat(db.advisories("maven", "org.apache.logging.log4j:log4j-core")).containsExactly(LOG4J_213, LOG4J_20);
            assertThat(db.advisories("golang", "stdlib")).containsExactly(EVERY_KIND);
            assertThat(db.advisories("debian:11", "consul")).containsExactly(CONSUL);
            // the same query again, on the kept statement
            assertThat(db.advisories("debian:11", "consul")).containsExactly(CONSUL);
            assertThat(db.advisories("debian:12", "consul")).isEmpty();
            assertThat(db.advisories("maven", "log4j-core")).isEmpty();
            assertThat(db.advisories(null, "consul")).isEmpty();
            assertThat(db.advisories("debian:11", null)).isEmpty();
        }
    }

    @Test
    void packageNamesAreLookedUpAsStored() {
        AffectedPackage stored = new AffectedPackage("pypi", "pyyaml", PYYAML.vulnerabilityId(), PYYAML.feed(),
                PYYAML.ranges(), PYYAML.versions(), null, null);
        try (KensaDatabase db = KensaDatabase.open(file)) {
            assertThat(db.advisories("pypi", "PyYAML")).containsExactly(stored);
            assertThat(db.advisories("pypi", "pyyaml")).containsExactly(stored);
            assertThat(db.advisories("pypi", "PyYaml")).containsExactly(stored);
            assertThat(db.advisories("maven", "ORG.apache.logging.log4j:log4j-core")).as("Maven names are exact").isEmpty();
        }
    }

    @Test
    void vulnerabilitiesByIdOneRecordPerFeed() {
        try (KensaDatabase db = KensaDatabase.open(file)) {
            Map<String, List<VulnerabilityRecord>> found = db.vulnerabilities(List.of("CVE-2021-44228",
                    "GHSA-jfh8-c2jp-5v3q", "CVE-0000-0000", "CVE-2021-44228"));
            assertThat(found.keySet()).containsExactly("CVE-2021-44228", "GHSA-jfh8-c2jp-5v3q");
            assertThat(found.get("CVE-2021-44228")).containsExactly(CVE_NVD, CVE_DEBIAN);
            assertThat(found.get("GHSA-jfh8-c2jp-5v3q")).containsExactly(GHSA);
            assertThat(db.vulnerabilities(List.of())).isEmpty();
        }
    }

    @Test
    void aliasesAreDirectAndBothWays() {
        try (KensaDatabase db = KensaDatabase.open(file)) {
            assertThat(db.aliases("GHSA-jfh8-c2jp-5v3q")).containsExactly("CVE-2021-44228");
            assertThat(db.aliases("CVE-2021-44228")).containsExactly("DLA-2842-1-not-really", "GHSA-jfh8-c2jp-5v3q");
            assertThat(db.aliases("DLA-2842-1-not-really")).as("not transitive").isEqualTo(Set.of("CVE-2021-44228"));
            assertThat(db.aliases("CVE-0000-0000")).isEmpty();
            assertThat(db.aliases((String) null)).isEmpty();
        }
    }

    @Test
    void aDamagedRowIsOneLine() throws Exception {
        Path damaged = Files.copy(file, dir.resolve("damaged.db"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + damaged); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE advisories SET affected = 'ECOSYSTEM' || char(31) || 'q1' WHERE package = 'consul'");
            s.executeUpdate("UPDATE vulnerabilities SET cvss = 'nvd' || char(31) || '3.1' WHERE feed = 'nvd'");
        }
        try (KensaDatabase db = KensaDatabase.open(damaged)) {
            assertThatThrownBy(() -> db.advisories("debian:11", "consul")).isInstanceOf(KensaException.class)
                    .hasMessageStartingWith(damaged + ": corrupt Kensa database (unreadable advisories of debian:11 consul: ")
                    .hasMessageNotContaining("\n");
            assertThatThrownBy(() -> db.vulnerabilities(List.of("CVE-2021-44228"))).isInstanceOf(KensaException.class)
                    .hasMessageStartingWith(damaged + ": corrupt Kensa database (unreadable vulnerabilities: ")
                    .hasMessageNotContaining("\n");
            assertThat(db.advisories("golang", "stdlib")).containsExactly(EVERY_KIND);
        }
    }
}
