package io.kensa.match.filter;

import io.kensa.core.Artifact;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import io.kensa.core.license.LicenseFinding;
import io.kensa.core.malware.MalwareFinding;
import io.kensa.core.misconfig.MisconfigFinding;
import io.kensa.core.secret.SecretFinding;
import io.kensa.core.vuln.Severity;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** --severity and the ignore file's per-scanner lists, then the gate, for secrets, checks, licenses and malware. */
class ScannerFindingFiltersTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private static final String LAYER = "sha256:" + "a".repeat(64);
    private static final SecretFinding AWS = new SecretFinding("aws-access-key-id", "AWS", Severity.CRITICAL,
            "AWS Access Key ID", "/root/.aws/credentials", 3, LAYER, false, "aws_access_key_id = AKIA****", false);
    private static final SecretFinding FIXTURE = new SecretFinding("github-pat", "GitHub", Severity.CRITICAL,
            "GitHub Personal Access Token", "/opt/fixtures/tokens.yml", 1, LAYER, true, "token: ghp_****", false);
    private static final MisconfigFinding ROOT = new MisconfigFinding("CIS-DI-0001", "image", Severity.MEDIUM,
            "Create a user for the container", "CIS 4.1", "Add USER", List.of("no USER"), null, 0, null);
    private static final MisconfigFinding HEALTH = new MisconfigFinding("CIS-DI-0006", "image", Severity.LOW,
            "Add HEALTHCHECK instruction to the container image", "CIS 4.6", "Add HEALTHCHECK", List.of(), null, 0,
            null);
    private static final Package LIBFOO = new Package("deb", "libfoo", "1.0-1", "amd64", null, List.of("LGPL-2.1"),
            null, null, "pkg:deb/debian/libfoo@1.0-1?arch=amd64", LAYER, List.of("var/lib/dpkg/status"));
    private static final LicenseFinding LGPL = new LicenseFinding(LIBFOO.purl(), "libfoo", "LGPL-2.1-only",
            "restricted", Severity.HIGH, LAYER, "usr/share/doc/libfoo/copyright", "fail");
    private static final MalwareFinding EICAR = new MalwareFinding("/tmp/eicar.com", LAYER, "hash",
            "EICAR-Test-File", Severity.LOW, "275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f",
            false);

    private static ScanReport report() {
        return new ScanReport(Instant.EPOCH, new Artifact("img", "image", null, List.of(), null, null), List.of(),
                List.of(LIBFOO), List.of(), List.of(), List.of(), List.of(AWS, FIXTURE), List.of(ROOT, HEALTH),
                List.of(LGPL), List.of(EICAR));
    }

    @Test
    void withoutFiltersEverythingIsKept() {
        ScannerFindingFilters.Outcome out = ScannerFindingFilters.apply(report(), FilterOptions.none(), CLOCK);

        assertThat(out.report().secrets()).containsExactly(AWS, FIXTURE);
        assertThat(out.report().misconfigurations()).containsExactly(ROOT, HEALTH);
        assertThat(out.report().licenses()).containsExactly(LGPL);
        assertThat(out.report().malware()).containsExactly(EICAR);
        assertThat(out.hidden()).isEmpty();
    }

    @Test
    void severityAppliesToEveryKind() {
        FilterOptions options = FilterOptions.none().withSeverities(Set.of(Severity.HIGH, Severity.CRITICAL));

        ScannerFindingFilters.Outcome out = ScannerFindingFilters.apply(report(), options, CLOCK);

        assertThat(out.report().secrets()).containsExactly(AWS, FIXTURE);
        assertThat(out.report().misconfigurations()).isEmpty();
        assertThat(out.report().licenses()).containsExactly(LGPL);
        assertThat(out.report().malware()).isEmpty();
        assertThat(out.hidden()).containsExactlyInAnyOrderEntriesOf(
                Map.of("misconfiguration: severity", 2, "malware: severity", 1));
    }

    @Test
    void theIgnoreFileListsApplyToTheirOwnKindByIdPathAndPackage() {
        IgnoreRules rules = IgnoreFile.parse("""
                vulnerabilities:
                  - id: CIS-DI-0001
                secrets:
                  - id: github-pat
                    paths: ["opt/fixtures/**"]
                  - id: aws-access-key-id
                    paths: ["srv/**"]
                misconfigurations:
                  - id: cis-di-0006
                    reason: the orchestrator probes it
                licenses:
                  - id: restricted
                    packages: [libfoo]
                malware:
                  - id: EICAR-Test-File
                    expires: 2026-01-01
                """, ".kensaignore");

        ScannerFindingFilters.Outcome out = ScannerFindingFilters.apply(report(),
                FilterOptions.none().withIgnoreRules(rules), CLOCK);

        assertThat(out.report().secrets()).as("the AWS entry names another path").containsExactly(AWS);
        assertThat(out.report().misconfigurations())
                .as("a vulnerabilities entry never takes out a check; ids match in any case").containsExactly(ROOT);
        assertThat(out.report().licenses()).as("a category names the license").isEmpty();
        assertThat(out.report().malware()).as("an expired entry no longer applies").containsExactly(EICAR);
        assertThat(out.usedRules()).extracting(IgnoreRule::id)
                .containsExactlyInAnyOrder("github-pat", "cis-di-0006", "restricted");
        assertThat(out.hidden()).containsEntry("secret: ignore-file", 1).containsEntry("license: ignore-file", 1);
    }

    @Test
    void theGateFiresOnWhatSurvivesOfEveryKind() {
        Gate gate = new Gate(5, false);

        GateDecision nothing = gate.decide(List.of(), Map.of("secret", 0, "malware finding", 0));
        GateDecision some = gate.decide(List.of(), Map.of("secret", 2));

        assertThat(nothing.fired()).isFalse();
        assertThat(some.exitCode()).isEqualTo(5);
        assertThat(some.reason()).isEqualTo("2 secrets remain after the filters (--exit-code 5)");
        assertThat(new Gate(0, false).decide(List.of(), Map.of("secret", 2)).fired())
                .as("no --exit-code: the gate never fires").isFalse();
    }

    @Test
    void anUnknownListInTheIgnoreFileIsOneLine() {
        assertThatThrownBy(() -> IgnoreFile.parse("secret:\n  - id: x\n", ".kensaignore"))
                .hasMessage("ignore file .kensaignore: unknown top-level key 'secret' (expected any of: "
                        + "vulnerabilities, secrets, misconfigurations, licenses, malware)");
    }
}
