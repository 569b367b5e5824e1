package io.kensa.report.vuln;

import io.kensa.core.vuln.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VulnHelpersTest {

    @Test
    void severityCountsPrintEverySeverityMostSevereFirst() {
        SeverityCounts counts = SeverityCounts.of(VulnFixtures.FINDINGS);

        assertThat(counts.summaryLine()).isEqualTo("Total: 12 (CRITICAL: 4, HIGH: 3, MEDIUM: 1, LOW: 4, UNKNOWN: 0)");
        assertThat(counts.count(Severity.UNKNOWN)).isZero();
        assertThat(SeverityCounts.of(List.of()).summaryLine())
                .isEqualTo("Total: 0 (CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0)");
    }

    @Test
    void highestCvssIsTheHighestBaseScoreOfAnyVersion() {
        assertThat(HighestCvss.of(List.of(VulnFixtures.LOG4J_44832))).hasValueSatisfying(c -> {
            assertThat(c.version()).isEqualTo("2.0");
            assertThat(c.baseScore()).isEqualTo(8.5);
        });
        assertThat(HighestCvss.of(List.of(VulnFixtures.LOG4SHELL)).map(c -> HighestCvss.format(c.baseScore())))
                .hasValue("10.0");
    }

    @Test
    void advisoryIdsAreTypedAndLinkedOnlyWhereThePageIsKnown() {
        assertThat(AdvisoryIds.type("CVE-2021-44228")).isEqualTo("cve");
        assertThat(AdvisoryIds.type("GHSA-jfh8-c2jp-5v3q")).isEqualTo("ghsa");
        assertThat(AdvisoryIds.type("RUSTSEC-2021-0097")).isEqualTo("rustsec");
        assertThat(AdvisoryIds.url("CVE-2021-44228")).hasValue("https://nvd.nist.gov/vuln/detail/CVE-2021-44228");
        assertThat(AdvisoryIds.url("GHSA-jfh8-c2jp-5v3q")).hasValue("https://github.com/advisories/GHSA-jfh8-c2jp-5v3q");
        assertThat(AdvisoryIds.url("DSA-4963-1")).hasValue("https://osv.dev/vulnerability/DSA-4963-1");
        assertThat(AdvisoryIds.url("JVNDB-2021-005429")).isEmpty();
        assertThat(AdvisoryIds.url("CVE-2021-1\"><script>")).isEmpty();
    }

    @Test
    void onlyHttpLinksAreLinks() {
        assertThat(WebLinks.http("https://security-tracker.debian.org/tracker/CVE-2021-3711")).isPresent();
        assertThat(WebLinks.http("javascript:alert(1)")).isEmpty();
        assertThat(WebLinks.http("JaVaScRiPt:alert(1)")).isEmpty();
        assertThat(WebLinks.http("data:text/html,<script>")).isEmpty();
        assertThat(WebLinks.http("https://exa mple.com/")).isEmpty();
        assertThat(WebLinks.http(null)).isEmpty();
    }

    @Test
    void remediationSaysWhatToDo() {
        assertThat(Remediation.of(VulnFixtures.LOG4SHELL)).isEqualTo("Upgrade org.apache.logging.log4j:log4j-core to 2.15.0 or later.");
        assertThat(Remediation.of(VulnFixtures.CURL_22922)).isEqualTo("No fixed version yet.");
    }

    @Test
    void clippingNeverSplitsASurrogatePair() {
        assertThat(Texts.clip("ab\uD83D\uDE00cd", 4)).isEqualTo("ab…");
        assertThat(Texts.clip("abcdef", 4)).isEqualTo("abc…");
        assertThat(Texts.clip("abc", 4)).isEqualTo("abc");
    }
}
