package io.kensa.report.findings;

import io.kensa.core.license.LicenseFinding;
import io.kensa.core.secret.SecretFinding;
import io.kensa.core.vuln.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FindingHelpersTest {

    @Test
    void layersAreNamedByTheirPlaceInTheImage() {
        LayerLabels labels = LayerLabels.of(FindingFixtures.report());

        assertThat(labels.label(FindingFixtures.L0)).isEqualTo("L0");
        assertThat(labels.label(FindingFixtures.L4)).isEqualTo("L4");
        assertThat(labels.label(FindingFixtures.L2, true)).isEqualTo("L2, deleted");
        assertThat(labels.label("sha256:" + "ab12".repeat(16))).as("not one of the image's").isEqualTo("ab12ab12ab12");
        assertThat(labels.label(null)).isEmpty();
        assertThat(labels.label(null, true)).isEqualTo("deleted");
    }

    @Test
    void placesHaveTheLineOnlyWhenItIsKnown() {
        assertThat(Places.of("/app/.env", 3)).isEqualTo("/app/.env:3");
        assertThat(Places.of("/app/.env", 0)).isEqualTo("/app/.env");
        assertThat(Places.of(null, 5)).isEmpty();
    }

    @Test
    void secretsAreMostSevereFirstThenByPathAndLineAndAMissingSeverityIsUnknown() {
        SecretFinding noSeverity = new SecretFinding("x", null, null, null, "/a", 1, null, false, "x=****", false);
        List<SecretFinding> sorted = java.util.stream.Stream.concat(FindingFixtures.SECRETS.stream(),
                java.util.stream.Stream.of(noSeverity)).sorted(FindingOrders.SECRETS).toList();

        assertThat(sorted).startsWith(FindingFixtures.GITHUB_PAT, FindingFixtures.AWS_KEY_ID, FindingFixtures.AWS_SECRET,
                FindingFixtures.CONFIG_ENV, FindingFixtures.RSA_KEY, FindingFixtures.DB_PASSWORD,
                FindingFixtures.SLACK_WEBHOOK, FindingFixtures.AWS_EXAMPLE_KEY_ID, FindingFixtures.AWS_EXAMPLE_SECRET)
                .endsWith(noSeverity);
    }

    @Test
    void amongLicensesOfOneSeverityWhatThePolicyFailsComesFirst() {
        LicenseFinding allow = new LicenseFinding(null, "a", "MIT", "notice", Severity.HIGH, null, null, "allow");
        LicenseFinding other = new LicenseFinding(null, "b", "MIT", "notice", Severity.HIGH, null, null, null);
        LicenseFinding warn = new LicenseFinding(null, "c", "MIT", "notice", Severity.HIGH, null, null, "warn");
        LicenseFinding fail = new LicenseFinding(null, "d", "MIT", "notice", Severity.HIGH, null, null, "FAIL");

        assertThat(java.util.stream.Stream.of(allow, other, warn, fail).sorted(FindingOrders.LICENSES))
                .containsExactly(fail, warn, other, allow);
    }
}
