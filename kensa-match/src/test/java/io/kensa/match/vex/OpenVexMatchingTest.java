package io.kensa.match.vex;

import com.github.packageurl.PackageURL;
import io.kensa.core.Package;
import io.kensa.core.vuln.VulnerabilityFinding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.kensa.match.testing.TestFindings.apk;
import static io.kensa.match.testing.TestFindings.deb;
import static io.kensa.match.testing.TestFindings.finding;
import static io.kensa.match.testing.TestFindings.goModule;
import static io.kensa.match.testing.TestFindings.libssl3;
import static io.kensa.match.testing.TestFindings.openssl;
import static org.assertj.core.api.Assertions.assertThat;

/** Real OpenVEX statements (Trivy's, Inspektor Gadget's, Rancher's) against findings carrying their purls and ids. */
class OpenVexMatchingTest {
    private static final String TRIVY_BIN = "usr/local/bin/trivy";
    private static final Package TRIVY = goModule("github.com/aquasecurity/trivy", "v0.53.0", TRIVY_BIN);
    private static final Package HELM_IN_TRIVY = goModule("helm.sh/helm/v3", "v3.14.0", TRIVY_BIN);
    private static final Package HELM_BINARY = goModule("helm.sh/helm/v3", "v3.14.0", "usr/local/bin/helm");

    private static VexDecision decide(VexDocument doc, ScanSubject subject, VulnerabilityFinding f, Package p) {
        return new VexMatcher(List.of(doc), subject).decide(f, p);
    }

    @Test
    void trivysStatementCoversHelmInsideTheTrivyBinaryOnly() {
        VexDocument trivy = VexResources.corpus("openvex/aquasecurity-trivy.openvex.json");
        ScanSubject image = ScanSubject.ofInventory(List.of(TRIVY, HELM_IN_TRIVY, HELM_BINARY));
        VulnerabilityFinding f = finding("CVE-2024-26147", HELM_IN_TRIVY, HELM_BINARY)
                .aliases("GHSA-r53h-jv2g-vpx6").build();

        VexDecision inTrivy = decide(trivy, image, f, HELM_IN_TRIVY);
        assertThat(inTrivy).isNotNull();
        assertThat(inTrivy.suppresses()).isTrue();
        assertThat(inTrivy.reason()).isEqualTo("VEX not_affected (vulnerable_code_not_in_execute_path) by Aqua Security ("
                + trivy.source() + ")");
        // the same module compiled into another binary is not Trivy's to speak for
        assertThat(decide(trivy, image, f, HELM_BINARY)).isNull();
    }

    @Test
    void aStatementNamingAnAliasOfTheFindingApplies() {
        VexDocument trivy = VexResources.corpus("openvex/aquasecurity-trivy.openvex.json");
        ScanSubject image = ScanSubject.ofInventory(List.of(TRIVY, HELM_IN_TRIVY));
        // the finding under its GHSA id; the statement is GO-2024-2575 with the CVE and the GHSA as aliases
        VulnerabilityFinding byGhsa = finding("GHSA-r53h-jv2g-vpx6", HELM_IN_TRIVY).aliases("CVE-2024-26147").build();
        VulnerabilityFinding byGoId = finding("GO-2024-2575", HELM_IN_TRIVY).build();
        VulnerabilityFinding other = finding("CVE-2024-25620", HELM_IN_TRIVY).build();

        assertThat(decide(trivy, image, byGhsa, HELM_IN_TRIVY).suppresses()).isTrue();
        assertThat(decide(trivy, image, byGoId, HELM_IN_TRIVY).suppresses()).isTrue();
        assertThat(decide(trivy, image, other, HELM_IN_TRIVY)).isNull();
    }

    @Test
    void aComponentStatementDoesNotApplyWhenItsProductIsNotInTheInventory() {
        VexDocument trivy = VexResources.corpus("openvex/aquasecurity-trivy.openvex.json");
        // a `go build` of a checkout records the main module as (devel): Kensa lists no trivy package then
        ScanSubject noTrivy = ScanSubject.ofInventory(List.of(HELM_IN_TRIVY));
        VulnerabilityFinding f = finding("CVE-2024-26147", HELM_IN_TRIVY).build();

        assertThat(decide(trivy, noTrivy, f, HELM_IN_TRIVY)).isNull();
    }

    @Test
    void trivysImageStatementsCoverTheAlpinePackagesOfThatImageOnly() {
        VexDocument oci = VexResources.vexHub("pkg/oci/ghcr.io/aquasecurity/trivy/oci.openvex.json");
        Package busybox = apk("busybox", "1.36.1-r29", "busybox");
        VulnerabilityFinding f = finding("CVE-2023-42363", busybox).build();
        String digest = "sha256:1d6f5f3f5bd2d8d3e2c0b3a1b5f1f2b0c7c8d0e6a9f4c3b2a1d0e9f8c7b6a5d4";

        for (PackageURL trivyImage : List.of(OciPurls.forImage("ghcr.io", "aquasecurity/trivy", digest, "amd64"),
                OciPurls.forImage("docker.io", "aquasec/trivy", digest, "amd64"),
                OciPurls.forImage("public.ecr.aws", "aquasecurity/trivy", null, null))) {
            VexDecision d = decide(oci, new ScanSubject(List.of(trivyImage), List.of(busybox)), f, busybox);
            assertThat(d).as(trivyImage.canonicalize()).isNotNull();
            assertThat(d.reason()).isEqualTo("VEX not_affected (vulnerable_code_cannot_be_controlled_by_adversary) by "
                    + "Aqua Security (pkg/oci/ghcr.io/aquasecurity/trivy/oci.openvex.json)");
        }
        PackageURL alpine = OciPurls.forImage("docker.io", "alpine", digest, "amd64");
        assertThat(alpine.canonicalize()).contains("repository_url=index.docker.io%2Flibrary%2Falpine");
        assertThat(decide(oci, new ScanSubject(List.of(alpine), List.of(busybox)), f, busybox)).isNull();
        assertThat(decide(oci, ScanSubject.ofInventory(List.of(busybox)), f, busybox)).isNull();
    }

    @Test
    void aVersionedProductCoversThatVersionOnly() {
        VexDocument gadget = VexResources.corpus("openvex/inspektor-gadget-golang.vex.json");
        Package v41 = goModule("github.com/inspektor-gadget/inspektor-gadget", "v0.41.0", "usr/bin/ig");
        Package v43 = goModule("github.com/inspektor-gadget/inspektor-gadget", "v0.43.0", "usr/bin/ig");
        ScanSubject subject = ScanSubject.ofInventory(List.of(v41, v43));

        assertThat(decide(gadget, subject, finding("CVE-2025-54388", v41).build(), v41).suppresses()).isTrue();
        assertThat(decide(gadget, subject, finding("CVE-2025-54388", v43).build(), v43)).isNull();
    }

    @Test
    void aVersionedSubcomponentWithIncompatibleSuffixMatchesItsVersionOnly() {
        VexDocument k3s = VexResources.corpus("openvex/k3s-io-helm-set-status-scan.openvex.json");
        String bin = "usr/local/bin/helm-set-status";
        Package plugin = goModule("github.com/k3s-io/helm-set-status", "v0.3.0", bin);
        Package cli23 = goModule("github.com/docker/cli", "v23.0.1+incompatible", bin);
        Package cli24 = goModule("github.com/docker/cli", "v24.0.9+incompatible", bin);
        ScanSubject subject = ScanSubject.ofInventory(List.of(plugin, cli23, cli24));

        VexDecision d = decide(k3s, subject, finding("CVE-2025-15558", cli23).build(), cli23);
        assertThat(d.reason()).isEqualTo("VEX not_affected (vulnerable_code_not_present) by Rancher Security team ("
                + k3s.source() + ")");
        assertThat(decide(k3s, subject, finding("CVE-2025-15558", cli24).build(), cli24)).isNull();
    }

    @Test
    void affectedAndUnderInvestigationStatementsDoNotSuppress() {
        VexDocument doc = VexResources.resource("openvex-statuses.json");
        ScanSubject subject = ScanSubject.ofInventory(List.of(openssl(), libssl3()));

        VexDecision affected = decide(doc, subject, finding("CVE-2023-5678", openssl()).build(), openssl());
        assertThat(affected.statement().status()).isEqualTo(VexStatus.AFFECTED);
        assertThat(affected.suppresses()).isFalse();
        assertThat(affected.statement().detail()).isEqualTo("Update openssl and libssl3 to 3.0.13-1~deb12u1");
        VexDecision investigating = decide(doc, subject, finding("CVE-2024-0727", openssl()).build(), openssl());
        assertThat(investigating.statement().status()).isEqualTo(VexStatus.UNDER_INVESTIGATION);
        assertThat(investigating.suppresses()).isFalse();
    }

    @Test
    void notAffectedAndFixedSuppressWhereTheirPurlsAgree() {
        VexDocument doc = VexResources.resource("openvex-statuses.json");
        Package libssl3Arm = new Package("deb", "libssl3", "3.0.11-1~deb12u2", "arm64", libssl3().source(), List.of(),
                null, null, "pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=arm64&distro=debian-12", null,
                List.of("var/lib/dpkg/status"));
        Package libssl3Fixed = deb("libssl3", "3.0.13-1~deb12u1", "openssl");
        ScanSubject subject = ScanSubject.ofInventory(List.of(openssl(), libssl3(), libssl3Arm, libssl3Fixed));

        VulnerabilityFinding poly1305 = finding("CVE-2023-6129", openssl(), libssl3()).build();
        assertThat(decide(doc, subject, poly1305, openssl()).reason()).isEqualTo(
                "VEX not_affected (vulnerable_code_not_present) by Kensa tests <tests@kensa.invalid> ("
                        + doc.source() + ")");
        assertThat(decide(doc, subject, poly1305, libssl3()).suppresses()).isTrue();
        // the statement names amd64: the arm64 build is not covered
        assertThat(decide(doc, subject, finding("CVE-2023-6129", libssl3Arm).build(), libssl3Arm)).isNull();

        assertThat(decide(doc, subject, finding("CVE-2023-6237", libssl3Fixed).build(), libssl3Fixed).reason())
                .startsWith("VEX fixed by Kensa tests");
        assertThat(decide(doc, subject, finding("CVE-2023-6237", libssl3()).build(), libssl3())).isNull();
    }

    @Test
    void aProductNamedOnlyByCpeIsLeftOutWithAWarning() {
        VexDocument doc = VexResources.resource("openvex-statuses.json");

        assertThat(doc.statements()).hasSize(4);
        assertThat(doc.warnings()).anySatisfy(w -> assertThat(w)
                .contains("product not named by a package URL (left out)")
                .contains("cpe:2.3:a:openssl:openssl:3.0.11"));
        assertThat(decide(doc, ScanSubject.ofInventory(List.of(openssl())), finding("CVE-2023-5363", openssl()).build(),
                openssl())).isNull();
    }

    @Test
    void theLatestStatementDecides() {
        // the specification's example: under_investigation on 2023-01-08, then fixed with the document's 2023-01-09
        VexDocument doc = VexResources.resource("openvex-spec-update.json");
        Package armGit = new Package("apk", "git", "2.39.0-r1", "armv7", null, List.of(), null, null,
                "pkg:apk/wolfi/git@2.39.0-r1?arch=armv7", null, List.of("lib/apk/db/installed"));
        Package x86Git = new Package("apk", "git", "2.39.0-r1", "x86_64", null, List.of(), null, null,
                "pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64", null, List.of("lib/apk/db/installed"));
        ScanSubject subject = ScanSubject.ofInventory(List.of(armGit, x86Git));

        VexDecision d = decide(doc, subject, finding("CVE-2023-12345", armGit).build(), armGit);
        assertThat(d.statement().status()).isEqualTo(VexStatus.FIXED);
        assertThat(d.reason()).isEqualTo("VEX fixed by Wolfi J Inkinson (" + doc.source() + ")");
        assertThat(decide(doc, subject, finding("CVE-2023-12345", x86Git).build(), x86Git)).isNull();
    }

    @Test
    void statementsOfTheSameTimeThatDisagreeKeepTheFinding() {
        VexDocument doc = VexResources.inline("""
                {
                  "@context": "https://openvex.dev/ns/v0.2.0",
                  "@id": "https://openvex.dev/docs/public/vex-conflict",
                  "author": "Kensa tests",
                  "timestamp": "2024-02-01T10:00:00Z",
                  "version": 1,
                  "statements": [
                    {"vulnerability": {"name": "CVE-2023-5678"}, "products": [{"@id": "pkg:deb/debian/openssl"}],
                     "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path"},
                    {"vulnerability": {"name": "CVE-2023-5678"}, "products": [{"@id": "pkg:deb/debian/openssl"}],
                     "status": "affected"}
                  ]
                }
                """);
        VexDecision d = decide(doc, ScanSubject.ofInventory(List.of(openssl())),
                finding("CVE-2023-5678", openssl()).build(), openssl());

        assertThat(d.statement().status()).isEqualTo(VexStatus.AFFECTED);
        assertThat(d.suppresses()).isFalse();
    }

    @Test
    void theFirstDocumentThatSpeaksOfAFindingDecides() {
        VexDocument affected = VexResources.resource("openvex-statuses.json");
        VexDocument notAffected = VexResources.inline("""
                {
                  "@context": "https://openvex.dev/ns/v0.2.0",
                  "@id": "https://openvex.dev/docs/public/vex-later",
                  "author": "Another team",
                  "timestamp": "2025-01-01T00:00:00Z",
                  "version": 1,
                  "statements": [
                    {"vulnerability": {"name": "CVE-2023-5678"}, "products": [{"@id": "pkg:deb/debian/openssl"}],
                     "status": "not_affected", "justification": "inline_mitigations_already_exist"}
                  ]
                }
                """);
        ScanSubject subject = ScanSubject.ofInventory(List.of(openssl()));
        VulnerabilityFinding f = finding("CVE-2023-5678", openssl()).build();

        assertThat(new VexMatcher(List.of(affected, notAffected), subject).decide(f, openssl()).suppresses()).isFalse();
        assertThat(new VexMatcher(List.of(notAffected, affected), subject).decide(f, openssl()).reason())
                .isEqualTo("VEX not_affected (inline_mitigations_already_exist) by Another team (inline.json)");
    }
}
