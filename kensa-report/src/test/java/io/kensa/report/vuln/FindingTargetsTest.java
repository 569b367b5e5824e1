package io.kensa.report.vuln;

import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.kensa.report.vuln.VulnFixtures.CURL_22898;
import static io.kensa.report.vuln.VulnFixtures.CURL_22922;
import static io.kensa.report.vuln.VulnFixtures.CURL_22923;
import static io.kensa.report.vuln.VulnFixtures.CURL_22924;
import static io.kensa.report.vuln.VulnFixtures.LODASH_8203;
import static io.kensa.report.vuln.VulnFixtures.LOG4J_44832;
import static io.kensa.report.vuln.VulnFixtures.LOG4J_45046;
import static io.kensa.report.vuln.VulnFixtures.LOG4J_IN_WAR;
import static io.kensa.report.vuln.VulnFixtures.LOG4J_JAR;
import static io.kensa.report.vuln.VulnFixtures.LOG4SHELL;
import static io.kensa.report.vuln.VulnFixtures.OPENSSL_3711_LIBSSL;
import static io.kensa.report.vuln.VulnFixtures.OPENSSL_3711_OPENSSL;
import static io.kensa.report.vuln.VulnFixtures.OPENSSL_3712;
import static io.kensa.report.vuln.VulnFixtures.PATH_TO_REGEXP_52798;
import static org.assertj.core.api.Assertions.assertThat;

class FindingTargetsTest {

    @Test
    void theOsFirstThenTheApplicationTargetsByName() {
        List<FindingTargets.Target> targets = FindingTargets.of(VulnFixtures.report());

        assertThat(targets).extracting(FindingTargets.Target::name)
                .containsExactly(VulnFixtures.OS_TARGET, "Java", "Node.js", VulnFixtures.WAR);
        assertThat(targets).extracting(FindingTargets.Target::os).containsExactly(true, false, false, false);
    }

    @Test
    void eachTargetListsItsFindingsMostUrgentFirst() {
        List<FindingTargets.Target> targets = FindingTargets.of(VulnFixtures.report());

        assertThat(targets.get(0).findings()).containsExactly(OPENSSL_3711_LIBSSL, OPENSSL_3711_OPENSSL, OPENSSL_3712,
                CURL_22898, CURL_22924, CURL_22922, CURL_22923);
        assertThat(targets.get(1).findings()).containsExactly(LOG4SHELL, LOG4J_45046, LOG4J_44832);
        assertThat(targets.get(2).findings()).containsExactly(LODASH_8203, PATH_TO_REGEXP_52798);
        assertThat(targets.get(3).findings()).containsExactly(LOG4SHELL, LOG4J_45046, LOG4J_44832);
    }

    @Test
    void aPackageFoundInTwoPlacesIsInBothTargetsWithItsOwnInstance() {
        List<FindingTargets.Target> targets = FindingTargets.of(VulnFixtures.report());

        assertThat(targets.get(1).rows().getFirst().pkg()).isEqualTo(LOG4J_JAR);
        assertThat(targets.get(3).rows().getFirst().pkg()).isEqualTo(LOG4J_IN_WAR);
    }

    @Test
    void suppressedFindingsStayInTheirTarget() {
        List<FindingTargets.Target> targets = FindingTargets.of(VulnFixtures.report());

        assertThat(targets.get(0).suppressed()).extracting(r -> r.suppressed().filter()).containsExactly("ignore-file");
        assertThat(targets.get(2).suppressed()).extracting(r -> r.suppressed().finding().id())
                .containsExactly("CVE-2021-23337");
        assertThat(targets.get(1).suppressed()).isEmpty();
    }

    @Test
    void aTargetWithoutFindingsIsStillListed() {
        List<FindingTargets.Target> targets = FindingTargets.of(VulnFixtures.noFindings());

        assertThat(targets).extracting(FindingTargets.Target::name)
                .containsExactly(VulnFixtures.OS_TARGET, "Java", "Node.js", VulnFixtures.WAR);
        assertThat(targets).allSatisfy(t -> assertThat(t.rows()).isEmpty());
    }

    @Test
    void aLockFileOrBinaryHoldingSeveralPackagesIsItsOwnTarget() {
        Package a = Package.application("golang", "golang.org/x/net", "v0.17.0", List.of(), "usr/local/bin/app", "buildinfo");
        Package b = Package.application("golang", "stdlib", "1.21.3", List.of(), "usr/local/bin/app", "buildinfo");
        Package lone = Package.application("golang", "github.com/x/y", "v1.0.0", List.of(), "usr/bin/other", "buildinfo");
        ScanReport report = new ScanReport(VulnFixtures.CREATED_AT, VulnFixtures.debian11(), List.of(),
                List.of(a, b, lone), List.of());

        assertThat(FindingTargets.of(report)).extracting(FindingTargets.Target::name)
                .containsExactly("Go", "usr/local/bin/app");
    }

    @Test
    void withoutADetectedOsTheArtifactNamesTheOsPackages() {
        ScanReport report = new ScanReport(VulnFixtures.CREATED_AT,
                new io.kensa.core.Artifact("/srv/rootfs", "rootfs", null, List.of(), null, null), List.of(),
                List.of(VulnFixtures.CURL), List.of());

        assertThat(FindingTargets.of(report)).extracting(FindingTargets.Target::name)
                .containsExactly("/srv/rootfs (OS packages)");
    }
}
