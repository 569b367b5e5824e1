package io.kensa.report.vuln;

import io.kensa.core.vuln.VulnerabilityFinding;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.kensa.report.vuln.VulnFixtures.CURL_22898;
import static io.kensa.report.vuln.VulnFixtures.CURL_22922;
import static io.kensa.report.vuln.VulnFixtures.CURL_22923;
import static io.kensa.report.vuln.VulnFixtures.CURL_22924;
import static io.kensa.report.vuln.VulnFixtures.LODASH_8203;
import static io.kensa.report.vuln.VulnFixtures.LOG4J_45046;
import static io.kensa.report.vuln.VulnFixtures.LOG4SHELL;
import static io.kensa.report.vuln.VulnFixtures.OPENSSL_3711_LIBSSL;
import static io.kensa.report.vuln.VulnFixtures.OPENSSL_3711_OPENSSL;
import static io.kensa.report.vuln.VulnFixtures.OPENSSL_3712;
import static io.kensa.report.vuln.VulnFixtures.PATH_TO_REGEXP_52798;
import static org.assertj.core.api.Assertions.assertThat;

class FindingOrderTest {

    @Test
    void severityFirstThenKevThenEpssDescendingThenId() {
        List<VulnerabilityFinding> shuffled = new ArrayList<>(VulnFixtures.FINDINGS);
        Collections.shuffle(shuffled, new Random(44228));

        assertThat(shuffled.stream().sorted(FindingOrder.MOST_URGENT_FIRST).toList())
                .containsExactlyElementsOf(VulnFixtures.MOST_URGENT_FIRST);
    }

    @Test
    void aKnownExploitedVulnerabilityComesBeforeAHigherScoredOneOfTheSameSeverity() {
        // CVE-2021-3711 has an EPSS score and a 9.8 base score; CVE-2021-45046 (9.0) is in CISA KEV
        assertThat(FindingOrder.MOST_URGENT_FIRST.compare(LOG4J_45046, OPENSSL_3711_LIBSSL)).isNegative();
        assertThat(FindingOrder.MOST_URGENT_FIRST.compare(LOG4SHELL, LOG4J_45046)).as("both KEV, no EPSS: by id")
                .isNegative();
    }

    @Test
    void higherEpssFirstEvenWhenItsIdSortsLater() {
        // all LOW: CVE-2021-22924 (EPSS 0.00833) before CVE-2021-22922 (0.00624)
        assertThat(FindingOrder.MOST_URGENT_FIRST.compare(CURL_22924, CURL_22922)).isNegative();
        assertThat(FindingOrder.MOST_URGENT_FIRST.compare(CURL_22898, CURL_22924)).isNegative();
        assertThat(FindingOrder.MOST_URGENT_FIRST.compare(LODASH_8203, OPENSSL_3712)).as("0.05363 > 0.02314")
                .isNegative();
    }

    @Test
    void noEpssScoreSortsAfterAnyScore() {
        assertThat(FindingOrder.MOST_URGENT_FIRST.compare(OPENSSL_3712, PATH_TO_REGEXP_52798)).isNegative();
    }

    @Test
    void equalEpssFallsBackToTheIdAndOneVulnerabilityInTwoPackagesToThePackageName() {
        assertThat(FindingOrder.MOST_URGENT_FIRST.compare(CURL_22922, CURL_22923)).isNegative();
        assertThat(FindingOrder.MOST_URGENT_FIRST.compare(OPENSSL_3711_LIBSSL, OPENSSL_3711_OPENSSL)).isNegative();
        assertThat(FindingOrder.MOST_URGENT_FIRST.compare(OPENSSL_3711_LIBSSL, OPENSSL_3711_LIBSSL)).isZero();
    }
}
