package io.kensa.match.vex;

import io.kensa.core.Package;
import io.kensa.core.vuln.VulnerabilityFinding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.kensa.match.testing.TestFindings.finding;
import static io.kensa.match.testing.TestFindings.jar;
import static io.kensa.match.testing.TestFindings.rpm;
import static org.assertj.core.api.Assertions.assertThat;

/** CycloneDX VEX (the CycloneDX examples' shapes) and CSAF VEX (Red Hat's shape) against findings. */
class CycloneDxAndCsafMatchingTest {
    private static VexDecision decide(VexDocument doc, VulnerabilityFinding f, Package p) {
        return new VexMatcher(List.of(doc), ScanSubject.ofInventory(f.packages())).decide(f, p);
    }

    @Test
    void aBomLinkToAPurlMatchesTheJarWhateverItsTypeQualifier() {
        VexDocument doc = VexResources.resource("cyclonedx-bom-examples-vex.json");
        Package databind = jar("com.fasterxml.jackson.core", "jackson-databind", "2.10.0", "app/lib/jackson-databind-2.10.0.jar");
        Package newer = jar("com.fasterxml.jackson.core", "jackson-databind", "2.12.0", "app/lib/jackson-databind-2.12.0.jar");

        assertThat(doc.format()).isEqualTo("cyclonedx");
        assertThat(doc.warnings()).isEmpty();
        VexDecision d = decide(doc, finding("CVE-2020-25649", databind).build(), databind);
        assertThat(d.reason()).isEqualTo("VEX not_affected (code_not_reachable) by " + doc.source());
        // the finding under its GHSA id, with the CVE as an alias
        assertThat(decide(doc, finding("GHSA-288c-cq4h-88gq", databind).aliases("CVE-2020-25649").build(), databind)
                .suppresses()).isTrue();
        assertThat(decide(doc, finding("CVE-2020-25649", newer).build(), newer)).isNull();
    }

    @Test
    void embeddedVexResolvesBomRefsToTheComponentsPurls() {
        VexDocument doc = VexResources.resource("cyclonedx-embedded-vex.json");
        Package log4j = jar("org.apache.logging.log4j", "log4j-core", "2.14.1", "app/lib/log4j-core-2.14.1.jar");
        Package databind = jar("com.fasterxml.jackson.core", "jackson-databind", "2.10.0", "app/lib/jackson-databind.jar");
        Package spring = jar("org.springframework", "spring-beans", "5.3.17", "app/lib/spring-beans-5.3.17.jar");

        VexDecision exploitable = decide(doc, finding("CVE-2021-44228", log4j).build(), log4j);
        assertThat(exploitable.statement().status()).isEqualTo(VexStatus.AFFECTED);
        assertThat(exploitable.suppresses()).isFalse();
        assertThat(decide(doc, finding("CVE-2020-36518", databind).build(), databind).reason())
                .isEqualTo("VEX not_affected (requires_configuration) by Acme Product Security (" + doc.source() + ")");
        VexDecision triage = decide(doc, finding("CVE-2022-22965", spring).build(), spring);
        assertThat(triage.statement().status()).isEqualTo(VexStatus.UNDER_INVESTIGATION);
        assertThat(triage.suppresses()).isFalse();
    }

    @Test
    void anExactAffectsVersionNarrowsAndARangeIsLeftOutWithAWarning() {
        VexDocument doc = VexResources.resource("cyclonedx-embedded-vex.json");
        Package yaml133 = jar("org.yaml", "snakeyaml", "1.33", "app/lib/snakeyaml-1.33.jar");
        Package yaml132 = jar("org.yaml", "snakeyaml", "1.32", "app/lib/snakeyaml-1.32.jar");

        assertThat(decide(doc, finding("CVE-2022-25857", yaml133).build(), yaml133).reason())
                .startsWith("VEX fixed by Acme Product Security");
        assertThat(decide(doc, finding("CVE-2022-25857", yaml132).build(), yaml132)).isNull();
        // "false_positive" for >=2.0 as a vers range: not evaluated, so not applied to 1.33 (nor to anything)
        assertThat(decide(doc, finding("CVE-2022-1471", yaml133).build(), yaml133)).isNull();
        assertThat(doc.warnings()).anySatisfy(w -> assertThat(w)
                .contains("affects version range not evaluated (left out)").contains("vers:maven/>=2.0"))
                .anySatisfy(w -> assertThat(w).contains("vulnerability whose affects[] name no package URL"));
    }

    @Test
    void csafProductIdsResolveThroughRelationshipsToComponentPurls() {
        VexDocument doc = VexResources.resource("csaf-redhat-vex.json");
        Package compat = rpm("compat-openssl10", "1", "1.0.2o-4.el8_6", "x86_64", "compat-openssl10");
        Package fixedLibs = rpm("openssl-libs", "1", "3.0.7-27.el9", "x86_64", "openssl");
        Package olderLibs = rpm("openssl-libs", "1", "3.0.7-24.el9", "x86_64", "openssl");
        Package ovmf = rpm("edk2-ovmf", null, "20231122-6.el9", "noarch", "edk2");

        assertThat(doc.format()).isEqualTo("csaf");
        assertThat(doc.id()).isEqualTo("CVE-2023-5678");
        assertThat(decide(doc, finding("CVE-2023-5678", compat).build(), compat).reason()).isEqualTo(
                "VEX not_affected (vulnerable_code_not_present) by Red Hat Product Security (" + doc.source() + ")");
        // fixed: the binary rpm is built from the source rpm the document names, same epoch and version
        assertThat(decide(doc, finding("CVE-2023-5678", fixedLibs).build(), fixedLibs).reason())
                .isEqualTo("VEX fixed by Red Hat Product Security (" + doc.source() + ")");
        assertThat(decide(doc, finding("CVE-2023-5678", olderLibs).build(), olderLibs)).isNull();
        VexDecision affected = decide(doc, finding("CVE-2023-5678", ovmf).build(), ovmf);
        assertThat(affected.statement().status()).isEqualTo(VexStatus.AFFECTED);
        assertThat(affected.suppresses()).isFalse();
    }

    @Test
    void csafProductsIdentifiedOnlyByCpeAreLeftOutAndSaidSo() {
        VexDocument doc = VexResources.resource("csaf-redhat-vex.json");

        assertThat(doc.statements()).hasSize(3);
        assertThat(doc.warnings()).containsExactly(doc.source() + ": product identified only by a CPE, which cannot "
                + "be matched to packages (left out) (vulnerability 0 (CVE-2023-5678): red_hat_enterprise_linux_6)");
    }
}
