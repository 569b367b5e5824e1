package io.kensa.match.filter;

import io.kensa.core.Package;
import io.kensa.core.vuln.Severity;
import io.kensa.core.vuln.SuppressedFinding;
import io.kensa.core.vuln.VulnerabilityFinding;
import io.kensa.core.vuln.VulnerabilityStatus;
import io.kensa.match.vex.ScanSubject;
import io.kensa.match.vex.VexDocument;
import io.kensa.match.vex.VexDocuments;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static io.kensa.match.testing.TestFindings.finding;
import static io.kensa.match.testing.TestFindings.goModule;
import static io.kensa.match.testing.TestFindings.jar;
import static io.kensa.match.testing.TestFindings.log4shellKev;
import static io.kensa.match.testing.TestFindings.openssl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The filters together, in the issue's order, each suppressed finding naming the first filter that took it out. */
class FindingFiltersTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    static final String TRIVY_BIN = "usr/local/bin/trivy";
    static final Package TRIVY = goModule("github.com/aquasecurity/trivy", "v0.53.0", TRIVY_BIN);
    static final Package HELM = goModule("helm.sh/helm/v3", "v3.14.0", TRIVY_BIN);
    static final Package CIRCL = goModule("github.com/cloudflare/circl", "v1.3.3", TRIVY_BIN);

    static VexDocument trivyVex() {
        return VexDocuments.read(Corpus.root().resolve("advisories/vex/openvex/aquasecurity-trivy.openvex.json"));
    }

    @Test
    void aFindingRemovedBySeverityIsNotAlsoReportedByVex() {
        // Trivy's VEX says CVE-2024-26147 does not affect helm inside trivy; the finding is LOW, and --severity
        // takes it out first
        VulnerabilityFinding helm = finding("CVE-2024-26147", HELM).aliases("GHSA-r53h-jv2g-vpx6")
                .severity(Severity.LOW).fixedIn("v3.14.2").build();
        VulnerabilityFinding circl = finding("CVE-2023-1732", CIRCL).aliases("GHSA-2q89-485c-9j2x")
                .severity(Severity.MEDIUM).fixedIn("v1.3.3").build();
        FilterOptions options = FilterOptions.none().withSeverities(Set.of(Severity.MEDIUM, Severity.HIGH))
                .withVexDocuments(List.of(trivyVex()));

        FilterOutcome out = FindingFilters.apply(List.of(helm, circl),
                ScanSubject.ofInventory(List.of(TRIVY, HELM, CIRCL)), options, CLOCK);

        assertThat(out.kept()).isEmpty();
        assertThat(out.suppressed()).extracting(s -> s.finding().id(), SuppressedFinding::filter).containsExactly(
                tuple("CVE-2024-26147", "severity"),
                tuple("CVE-2023-1732", "vex"));
        assertThat(out.suppressed().get(1).reason()).isEqualTo(
                "VEX not_affected (vulnerable_code_not_present) by Aqua Security ("
                        + Corpus.root().resolve("advisories/vex/openvex/aquasecurity-trivy.openvex.json") + ")");
    }

    @Test
    void everyFilterInTheIssuesOrder() {
        Package log4jJar = jar("org.apache.logging.log4j", "log4j-core", "2.14.1", "app/lib/log4j-core-2.14.1.jar");
        VulnerabilityFinding low = finding("CVE-2010-0928", openssl()).severity(Severity.LOW)
                .status(VulnerabilityStatus.WILL_NOT_FIX).build();
        VulnerabilityFinding unfixed = finding("CVE-2024-2511", openssl()).severity(Severity.HIGH)
                .status(VulnerabilityStatus.AFFECTED).epss(0.9).kev(log4shellKev()).build();
        VulnerabilityFinding ignored = finding("CVE-2023-5678", openssl()).severity(Severity.HIGH)
                .fixedIn("3.0.13-1~deb12u1").epss(0.9).build();
        VulnerabilityFinding vexed = finding("CVE-2024-26147", HELM).severity(Severity.HIGH).fixedIn("v3.14.2")
                .epss(0.9).build();
        VulnerabilityFinding lowEpss = finding("CVE-2023-6237", openssl()).severity(Severity.HIGH)
                .fixedIn("3.0.13-1~deb12u1").epss(0.00045).build();
        VulnerabilityFinding notKev = finding("CVE-2022-22965",
                jar("org.springframework", "spring-beans", "5.3.17", "app/lib/spring-beans-5.3.17.jar"))
                .severity(Severity.CRITICAL).fixedIn("5.3.18").epss(0.97).build();
        VulnerabilityFinding survivor = finding("CVE-2021-44228", log4jJar).severity(Severity.CRITICAL)
                .fixedIn("2.15.0").epss(0.97565).kev(log4shellKev()).build();
        FilterOptions options = FilterOptions.none()
                .withSeverities(FilterOptions.parseSeverities("HIGH,CRITICAL"))
                .withIgnoreUnfixed(true)
                .withIgnoreRules(IgnoreFile.parse("vulnerabilities:\n  - id: CVE-2023-5678\n", ".kensaignore"))
                .withVexDocuments(List.of(trivyVex()))
                .withMinEpss(0.01)
                .withKevOnly(true);
        List<VulnerabilityFinding> all = List.of(low, unfixed, ignored, vexed, lowEpss, notKev, survivor);

        FilterOutcome out = FindingFilters.apply(all, ScanSubject.ofInventory(List.of(TRIVY, HELM, openssl(),
                log4jJar)), options, CLOCK);

        assertThat(out.kept()).containsExactly(survivor);
        assertThat(out.suppressed()).extracting(s -> s.finding().id(), SuppressedFinding::filter).containsExactly(
                tuple("CVE-2010-0928", "severity"),
                tuple("CVE-2024-2511", "status"),
                tuple("CVE-2023-5678", "ignore-file"),
                tuple("CVE-2024-26147", "vex"),
                tuple("CVE-2023-6237", "epss"),
                tuple("CVE-2022-22965", "kev"));
        assertThat(out.unusedIgnoreRules()).isEmpty();
        assertThat(FindingFilters.chain(options, ScanSubject.ofInventory(List.of()), java.time.LocalDate.now(CLOCK)))
                .extracting(FindingFilter::name)
                .containsExactly("severity", "status", "ignore-file", "vex", "epss", "kev");
    }

    @Test
    void withoutOptionsEveryFindingIsKept() {
        List<VulnerabilityFinding> all = List.of(finding("CVE-2023-5678", openssl()).build(),
                finding("CVE-2024-26147", HELM).build());

        FilterOutcome out = FindingFilters.apply(all, FilterOptions.none(), CLOCK);

        assertThat(out.kept()).isEqualTo(all);
        assertThat(out.suppressed()).isEmpty();
        assertThat(FindingFilters.chain(FilterOptions.none(), ScanSubject.ofInventory(List.of()),
                java.time.LocalDate.now(CLOCK))).isEmpty();
    }

    @Test
    void unusedAndExpiredIgnoreEntriesAreInTheOutcome() {
        IgnoreRules rules = IgnoreFile.parse("""
                vulnerabilities:
                  - id: CVE-2023-5678
                    reason: below our risk threshold
                  - id: CVE-2019-1547
                  - id: CVE-2024-0727
                    expires: 2026-05-31
                """, ".kensaignore");
        VulnerabilityFinding f = finding("CVE-2023-5678", openssl()).build();
        VulnerabilityFinding g = finding("CVE-2024-0727", openssl()).build();
        // --severity takes the CVE-2023-5678 finding out first: its entry still names a finding of the scan
        FilterOptions options = FilterOptions.none().withSeverities(Set.of(Severity.CRITICAL)).withIgnoreRules(rules);

        FilterOutcome out = FindingFilters.apply(List.of(f, g), options, CLOCK);

        assertThat(out.unusedIgnoreRules()).extracting(IgnoreRule::id).containsExactly("CVE-2019-1547");
        assertThat(out.expiredIgnoreRules()).extracting(IgnoreRule::id).containsExactly("CVE-2024-0727");
    }
}
