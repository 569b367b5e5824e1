package io.kensa.match.filter;

import io.kensa.core.KensaException;
import io.kensa.core.Package;
import io.kensa.core.vuln.Severity;
import io.kensa.core.vuln.VulnerabilityFinding;
import io.kensa.match.vex.ScanSubject;
import io.kensa.match.vex.VexDocuments;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.kensa.match.filter.FindingFiltersTest.CLOCK;
import static io.kensa.match.filter.FindingFiltersTest.HELM;
import static io.kensa.match.filter.FindingFiltersTest.TRIVY;
import static io.kensa.match.testing.TestFindings.finding;
import static io.kensa.match.testing.TestFindings.jar;
import static io.kensa.match.testing.TestFindings.log4shellKev;
import static io.kensa.match.testing.TestFindings.openssl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gate sees only what survives the filters: VEX and ignore rules apply before --exit-code and --fail-on-kev. */
class GateTest {
    private static final Package LOG4J = jar("org.apache.logging.log4j", "log4j-core", "2.14.1",
            "app/lib/log4j-core-2.14.1.jar");
    private static final VulnerabilityFinding HELM_FINDING = finding("CVE-2024-26147", HELM)
            .aliases("GHSA-r53h-jv2g-vpx6").severity(Severity.HIGH).fixedIn("v3.14.2").build();
    private static final VulnerabilityFinding OPENSSL_FINDING = finding("CVE-2023-5678", openssl())
            .severity(Severity.MEDIUM).fixedIn("3.0.13-1~deb12u1").build();
    private static final VulnerabilityFinding LOG4SHELL = finding("CVE-2021-44228", LOG4J)
            .aliases("GHSA-jfh8-c2jp-5v3q").severity(Severity.CRITICAL).fixedIn("2.15.0").kev(log4shellKev()).build();
    private static final ScanSubject SUBJECT = ScanSubject.ofInventory(List.of(TRIVY, HELM, openssl(), LOG4J));

    private static FilterOptions vexAndIgnore(String ignoreYaml) {
        return FilterOptions.none()
                .withVexDocuments(List.of(VexDocuments.read(
                        Corpus.root().resolve("advisories/vex/openvex/aquasecurity-trivy.openvex.json"))))
                .withIgnoreRules(IgnoreFile.parse(ignoreYaml, ".kensaignore"));
    }

    private static GateDecision gate(Gate gate, List<VulnerabilityFinding> findings, FilterOptions options) {
        return gate.decide(FindingFilters.apply(findings, SUBJECT, options, CLOCK).kept());
    }

    @Test
    void findingsSuppressedByVexOrTheIgnoreFileDoNotTriggerTheExitCode() {
        FilterOptions options = vexAndIgnore("vulnerabilities:\n  - id: CVE-2023-5678\n    reason: accepted\n");

        GateDecision unfiltered = gate(new Gate(4, false), List.of(HELM_FINDING, OPENSSL_FINDING), FilterOptions.none());
        GateDecision filtered = gate(new Gate(4, false), List.of(HELM_FINDING, OPENSSL_FINDING), options);

        assertThat(unfiltered.exitCode()).isEqualTo(4);
        assertThat(unfiltered.reason()).isEqualTo("2 findings remain after the filters (--exit-code 4)");
        assertThat(filtered.exitCode()).isZero();
        assertThat(filtered.fired()).isFalse();
        assertThat(filtered.reason()).isNull();
    }

    @Test
    void oneSurvivingFindingTriggersTheExitCode() {
        FilterOptions options = vexAndIgnore("vulnerabilities:\n  - id: CVE-2023-5678\n");

        GateDecision d = gate(new Gate(1, false), List.of(HELM_FINDING, OPENSSL_FINDING, LOG4SHELL), options);

        assertThat(d.exitCode()).isEqualTo(1);
        assertThat(d.reason()).isEqualTo("1 finding remains after the filters (--exit-code 1)");
    }

    @Test
    void withoutExitCodeFindingsNeverFail() {
        assertThat(new Gate(0, false).decide(List.of(HELM_FINDING, LOG4SHELL)).exitCode()).isZero();
    }

    @Test
    void failOnKevFiresOnAKeptKevFindingWithOneOrTheExitCode() {
        List<VulnerabilityFinding> findings = List.of(OPENSSL_FINDING, LOG4SHELL);

        GateDecision alone = gate(new Gate(0, true), findings, FilterOptions.none());
        GateDecision withExitCode = gate(new Gate(3, true), findings, FilterOptions.none());
        GateDecision noKev = gate(new Gate(0, true), List.of(OPENSSL_FINDING), FilterOptions.none());

        assertThat(alone.exitCode()).isEqualTo(Gate.DEFAULT_KEV_EXIT_CODE).isEqualTo(1);
        assertThat(alone.reason()).isEqualTo(
                "1 known exploited (CISA KEV) vulnerability remains: CVE-2021-44228 (--fail-on-kev)");
        assertThat(withExitCode.exitCode()).isEqualTo(3);
        assertThat(withExitCode.reason()).isEqualTo("2 findings remain after the filters (--exit-code 3); 1 known "
                + "exploited (CISA KEV) vulnerability remains: CVE-2021-44228 (--fail-on-kev)");
        assertThat(noKev.exitCode()).isZero();
    }

    @Test
    void aKevFindingTheIgnoreFileTakesOutDoesNotFailOnKev() {
        FilterOptions options = vexAndIgnore("""
                vulnerabilities:
                  - id: GHSA-jfh8-c2jp-5v3q
                    paths: ["app/lib/**"]
                    reason: JndiLookup.class removed from the jar
                """);

        GateDecision d = gate(new Gate(0, true), List.of(LOG4SHELL, HELM_FINDING), options);

        assertThat(d.exitCode()).isZero();
    }

    @Test
    void anExitCodeOutsideZeroTo255IsRefused() {
        assertThatThrownBy(() -> new Gate(256, false)).isInstanceOf(KensaException.class)
                .hasMessage("--exit-code must be between 0 and 255, not 256");
        assertThatThrownBy(() -> new Gate(-1, true)).isInstanceOf(KensaException.class);
    }
}
