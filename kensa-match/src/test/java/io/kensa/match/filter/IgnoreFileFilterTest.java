package io.kensa.match.filter;

import io.kensa.core.Package;
import io.kensa.core.vuln.SuppressedFinding;
import io.kensa.core.vuln.VulnerabilityFinding;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.kensa.match.testing.TestFindings.finding;
import static io.kensa.match.testing.TestFindings.jar;
import static io.kensa.match.testing.TestFindings.libssl3;
import static io.kensa.match.testing.TestFindings.openssl;
import static org.assertj.core.api.Assertions.assertThat;

/** The ignore file as a filter: what its rules take out, expiry, and the rules that took out nothing. */
class IgnoreFileFilterTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private static FilterStep apply(String yaml, LocalDate today, VulnerabilityFinding... findings) {
        return new IgnoreFileFilter(IgnoreFile.parse(yaml, ".kensaignore"), today).apply(List.of(findings));
    }

    @Test
    void aRuleNamesTheFindingByIdOrByAnyAlias() {
        VulnerabilityFinding byCve = finding("CVE-2021-44228",
                jar("org.apache.logging.log4j", "log4j-core", "2.14.1", "app/lib/log4j-core-2.14.1.jar"))
                .aliases("GHSA-jfh8-c2jp-5v3q").build();
        VulnerabilityFinding other = finding("CVE-2023-5678", openssl()).build();

        FilterStep step = apply("""
                vulnerabilities:
                  - id: ghsa-jfh8-c2jp-5v3q
                    reason: the JNDI lookup class is removed from the jar
                """, TODAY, byCve, other);

        assertThat(step.kept()).containsExactly(other);
        assertThat(step.suppressed()).singleElement().satisfies(s -> {
            assertThat(s.finding()).isEqualTo(byCve);
            assertThat(s.filter()).isEqualTo("ignore-file");
            assertThat(s.reason()).isEqualTo(".kensaignore: ghsa-jfh8-c2jp-5v3q (the JNDI lookup class is removed from "
                    + "the jar)");
        });
    }

    @Test
    void aVersionlessPurlMatchesEveryVersionAndOnlyThatPackage() {
        VulnerabilityFinding f = finding("CVE-2023-5678", openssl(), libssl3()).build();
        Package opensslBinary = openssl();

        FilterStep step = apply("""
                vulnerabilities:
                  - id: CVE-2023-5678
                    purls: [pkg:deb/debian/openssl]
                """, TODAY, f);

        // one finding per package name and version: the instances differ by package here, so the rule splits them
        assertThat(step.suppressed()).singleElement().satisfies(s ->
                assertThat(s.finding().packages()).containsExactly(opensslBinary));
        assertThat(step.kept()).singleElement().satisfies(k -> assertThat(k.packages()).containsExactly(libssl3()));
    }

    @Test
    void aPackageNameAlsoNamesTheBinariesOfThatSourcePackage() {
        VulnerabilityFinding onLibssl = finding("CVE-2023-5678", libssl3()).build();
        VulnerabilityFinding onLog4j = finding("CVE-2023-5678",
                jar("org.apache.logging.log4j", "log4j-core", "2.14.1", "app/lib/log4j-core-2.14.1.jar")).build();

        FilterStep step = apply("""
                vulnerabilities:
                  - id: CVE-2023-5678
                    packages: [openssl]
                """, TODAY, onLibssl, onLog4j);

        assertThat(step.suppressed()).extracting(SuppressedFinding::finding).containsExactly(onLibssl);
        assertThat(step.kept()).containsExactly(onLog4j);
    }

    @Test
    void aPathGlobTakesOutOnlyTheInstancesFoundThere() {
        Package inApp = jar("org.yaml", "snakeyaml", "1.33", "usr/lib/app/lib/snakeyaml-1.33.jar");
        Package nested = jar("org.yaml", "snakeyaml", "1.33", "usr/lib/app/app.war!/WEB-INF/lib/snakeyaml-1.33.jar");
        Package inTools = jar("org.yaml", "snakeyaml", "1.33", "opt/tools/snakeyaml-1.33.jar");
        VulnerabilityFinding f = finding("CVE-2022-1471", inApp, nested, inTools).build();

        FilterStep step = apply("""
                vulnerabilities:
                  - id: CVE-2022-1471
                    paths: ["/usr/lib/app/**"]
                    reason: SafeConstructor only
                """, TODAY, f);

        assertThat(step.suppressed()).singleElement().satisfies(s -> {
            assertThat(s.finding().packages()).containsExactly(inApp, nested);
            assertThat(s.reason()).isEqualTo(".kensaignore: CVE-2022-1471 (SafeConstructor only)");
        });
        assertThat(step.kept()).singleElement().satisfies(k -> {
            assertThat(k.packages()).containsExactly(inTools);
            assertThat(k.id()).isEqualTo("CVE-2022-1471");
        });
    }

    @Test
    void everyKindOfSelectorGivenMustMatch() {
        Package inApp = jar("org.yaml", "snakeyaml", "1.33", "usr/lib/app/lib/snakeyaml-1.33.jar");
        VulnerabilityFinding f = finding("CVE-2022-1471", inApp).build();

        FilterStep purlAndOtherPath = apply("""
                vulnerabilities:
                  - id: CVE-2022-1471
                    purls: [pkg:maven/org.yaml/snakeyaml]
                    paths: ["opt/**"]
                """, TODAY, f);
        FilterStep purlAndPath = apply("""
                vulnerabilities:
                  - id: CVE-2022-1471
                    purls: [pkg:maven/org.yaml/snakeyaml@1.32, pkg:maven/org.yaml/snakeyaml@1.33]
                    paths: ["usr/lib/*/lib/*.jar"]
                """, TODAY, f);

        assertThat(purlAndOtherPath.suppressed()).isEmpty();
        assertThat(purlAndPath.suppressed()).hasSize(1);
    }

    @Test
    void anEntryAppliesUntilItsExpiryDayAndNotAfter() {
        VulnerabilityFinding f = finding("CVE-2023-5678", openssl()).build();
        String yaml = """
                vulnerabilities:
                  - id: CVE-2023-5678
                    expires: 2026-06-01
                    reason: accepted until the 12.6 point release
                """;

        FilterStep onTheDay = apply(yaml, LocalDate.of(2026, 6, 1), f);
        FilterStep dayAfter = apply(yaml, LocalDate.of(2026, 6, 2), f);

        assertThat(onTheDay.suppressed()).singleElement().satisfies(s -> assertThat(s.reason())
                .isEqualTo(".kensaignore: CVE-2023-5678 (accepted until the 12.6 point release, expires 2026-06-01)"));
        assertThat(dayAfter.suppressed()).isEmpty();
        assertThat(dayAfter.kept()).containsExactly(f);
        IgnoreRules rules = IgnoreFile.parse(yaml, ".kensaignore");
        assertThat(rules.expired(LocalDate.of(2026, 6, 2))).extracting(IgnoreRule::id).containsExactly("CVE-2023-5678");
        assertThat(rules.expired(LocalDate.of(2026, 6, 1))).isEmpty();
    }

    @Test
    void rulesThatNameNoFindingAreUnused() {
        IgnoreRules rules = IgnoreFile.parse("""
                vulnerabilities:
                  - id: CVE-2023-5678
                  - id: CVE-2019-1547
                    reason: fixed long ago, entry left behind
                  - id: CVE-2023-5678
                    packages: [zlib]
                  - id: CVE-2022-0778
                    expires: 2024-01-01
                """, ".kensaignore");
        List<VulnerabilityFinding> findings = List.of(finding("CVE-2023-5678", openssl()).build());

        assertThat(rules.unused(findings, TODAY)).extracting(IgnoreRule::describe)
                .containsExactly("CVE-2019-1547 (entry 2)", "CVE-2023-5678 (entry 3; packages zlib)");
        assertThat(rules.expired(TODAY)).extracting(IgnoreRule::entry).containsExactly(4);
    }
}
