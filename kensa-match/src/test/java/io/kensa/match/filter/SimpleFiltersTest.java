package io.kensa.match.filter;

import io.kensa.core.KensaException;
import io.kensa.core.vuln.Severity;
import io.kensa.core.vuln.SuppressedFinding;
import io.kensa.core.vuln.VulnerabilityFinding;
import io.kensa.core.vuln.VulnerabilityStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.kensa.match.testing.TestFindings.finding;
import static io.kensa.match.testing.TestFindings.jar;
import static io.kensa.match.testing.TestFindings.libssl3;
import static io.kensa.match.testing.TestFindings.log4shellKev;
import static io.kensa.match.testing.TestFindings.openssl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The filters that decide on a finding's own fields: severity, status, EPSS, KEV. */
class SimpleFiltersTest {
    private static final VulnerabilityFinding CRITICAL_LOG4SHELL = finding("CVE-2021-44228",
            jar("org.apache.logging.log4j", "log4j-core", "2.14.1", "app/lib/log4j-core-2.14.1.jar"))
            .aliases("GHSA-jfh8-c2jp-5v3q").severity(Severity.CRITICAL).fixedIn("2.15.0").epss(0.97565)
            .kev(log4shellKev()).build();
    private static final VulnerabilityFinding HIGH_FIXED = finding("CVE-2023-5363", openssl(), libssl3())
            .severity(Severity.HIGH).fixedIn("3.0.11-1~deb12u2").epss(0.00062).build();
    private static final VulnerabilityFinding LOW_WONT_FIX = finding("CVE-2010-0928", openssl())
            .severity(Severity.LOW).status(VulnerabilityStatus.WILL_NOT_FIX).build();
    private static final VulnerabilityFinding UNKNOWN_AFFECTED = finding("CVE-2024-2511", openssl())
            .severity(Severity.UNKNOWN).status(VulnerabilityStatus.AFFECTED).epss(0.0011).build();
    private static final List<VulnerabilityFinding> ALL = List.of(CRITICAL_LOG4SHELL, HIGH_FIXED, LOW_WONT_FIX,
            UNKNOWN_AFFECTED);

    @Test
    void severityKeepsTheListedSeveritiesOnly() {
        FilterStep step = new SeverityFilter(FilterOptions.parseSeverities("high,CRITICAL")).apply(ALL);

        assertThat(step.kept()).containsExactly(CRITICAL_LOG4SHELL, HIGH_FIXED);
        assertThat(step.suppressed()).extracting(s -> s.finding().id(), SuppressedFinding::filter,
                SuppressedFinding::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CVE-2010-0928", "severity",
                        "severity LOW not in --severity CRITICAL,HIGH"),
                org.assertj.core.groups.Tuple.tuple("CVE-2024-2511", "severity",
                        "severity UNKNOWN not in --severity CRITICAL,HIGH"));
    }

    @Test
    void unknownIsKeptOnlyWhenNamed() {
        FilterStep step = new SeverityFilter(Set.of(Severity.UNKNOWN, Severity.CRITICAL)).apply(ALL);

        assertThat(step.kept()).containsExactly(CRITICAL_LOG4SHELL, UNKNOWN_AFFECTED);
    }

    @Test
    void aMisspeltSeverityOrStatusIsAnErrorNotUnknown() {
        assertThatThrownBy(() -> FilterOptions.parseSeverities("HIGH,CRTICAL")).isInstanceOf(KensaException.class)
                .hasMessage("--severity: unknown severity 'CRTICAL' (UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL)");
        assertThatThrownBy(() -> FilterOptions.parseStatuses("wont_fix")).isInstanceOf(KensaException.class)
                .hasMessageStartingWith("--ignore-status: unknown status 'wont_fix'");
        assertThat(FilterOptions.parseStatuses("will_not_fix, end_of_life"))
                .containsExactlyInAnyOrder(VulnerabilityStatus.WILL_NOT_FIX, VulnerabilityStatus.END_OF_LIFE);
    }

    @Test
    void ignoreUnfixedTakesOutEveryFindingWithoutAFix() {
        FilterStep step = new StatusFilter(true, Set.of()).apply(ALL);

        assertThat(step.kept()).containsExactly(CRITICAL_LOG4SHELL, HIGH_FIXED);
        assertThat(step.suppressed()).extracting(SuppressedFinding::filter).containsOnly("status");
        assertThat(step.suppressed()).extracting(SuppressedFinding::reason).containsExactly(
                "no fixed version (status will_not_fix) and --ignore-unfixed",
                "no fixed version (status affected) and --ignore-unfixed");
    }

    @Test
    void ignoreStatusTakesOutTheNamedStatusesOnly() {
        FilterStep step = new StatusFilter(false, FilterOptions.parseStatuses("will_not_fix")).apply(ALL);

        assertThat(step.kept()).containsExactly(CRITICAL_LOG4SHELL, HIGH_FIXED, UNKNOWN_AFFECTED);
        assertThat(step.suppressed()).singleElement().satisfies(s -> {
            assertThat(s.finding()).isEqualTo(LOW_WONT_FIX);
            assertThat(s.reason()).isEqualTo("status will_not_fix in --ignore-status");
        });
    }

    @Test
    void minEpssKeepsScoresAtOrAboveAndTakesOutUnscoredFindingsSayingSo() {
        FilterStep step = new EpssFilter(0.0011).apply(ALL);

        assertThat(step.kept()).containsExactly(CRITICAL_LOG4SHELL, UNKNOWN_AFFECTED);
        assertThat(step.suppressed()).extracting(SuppressedFinding::filter).containsOnly("epss");
        assertThat(step.suppressed()).extracting(SuppressedFinding::reason).containsExactly(
                "EPSS 0.00062 below --min-epss 0.0011",
                "no EPSS score, and --min-epss 0.0011 keeps only scored findings");
    }

    @Test
    void minEpssOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> FilterOptions.none().withMinEpss(1.5)).isInstanceOf(KensaException.class)
                .hasMessage("--min-epss must be between 0 and 1 (a probability), not 1.5");
    }

    @Test
    void kevOnlyKeepsKnownExploitedFindingsOnly() {
        FilterStep step = new KevOnlyFilter().apply(ALL);

        assertThat(step.kept()).containsExactly(CRITICAL_LOG4SHELL);
        assertThat(step.suppressed()).hasSize(3).allSatisfy(s -> {
            assertThat(s.filter()).isEqualTo("kev");
            assertThat(s.reason()).isEqualTo("not in the CISA KEV catalog (--kev-only)");
        });
    }
}
