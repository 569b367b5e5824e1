package io.kensa.report.sbom;

import io.kensa.core.Package;
import io.kensa.core.license.LicenseFinding;
import io.kensa.core.vuln.Severity;
import io.kensa.report.findings.FindingFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PackageLicensesTest {
    private static final String L2 = FindingFixtures.L2;
    private static final Package LODASH_15 = Package.application("npm", "lodash", "4.17.15", List.of("MIT"),
            "app/node_modules/lodash/package.json", "package.json").withPurl("pkg:npm/lodash@4.17.15").withLayer(L2);
    private static final Package LODASH_21 = Package.application("npm", "lodash", "4.17.21", List.of("MIT"),
            "app/node_modules/x/node_modules/lodash/package.json", "package.json").withPurl("pkg:npm/lodash@4.17.21")
            .withLayer(L2);

    @Test
    void findingsMeetTheirPackageByPurlAndTheRestStayUnclaimed() {
        LicenseFinding mit = finding("pkg:npm/lodash@4.17.15", "lodash", "MIT");
        LicenseFinding other = finding("pkg:npm/minimist@1.2.0", "minimist", "MIT");
        PackageLicenses licenses = new PackageLicenses(List.of(mit, other));

        assertThat(licenses.of(LODASH_15)).containsExactly(mit);
        assertThat(licenses.of(LODASH_21)).as("another version is another package").isEmpty();
        assertThat(licenses.unclaimed()).containsExactly(other);
    }

    @Test
    void aFindingWithoutPurlMeetsThePackageOfItsNameInItsLayer() {
        LicenseFinding noPurl = finding(null, "lodash", "MIT");
        LicenseFinding otherLayer = new LicenseFinding(null, "lodash", "ISC", "notice", Severity.LOW, FindingFixtures.L4,
                null, "allow");
        PackageLicenses licenses = new PackageLicenses(List.of(noPurl, otherLayer));

        assertThat(licenses.of(LODASH_15)).containsExactly(noPurl);
        assertThat(licenses.unclaimed()).containsExactly(otherLayer);
    }

    @Test
    void licensesAndPropertiesTakeEachValueOnce() {
        LicenseFinding mit = finding("pkg:npm/lodash@4.17.15", "lodash", "MIT");
        LicenseFinding again = finding("pkg:npm/lodash@4.17.15", "lodash", "MIT");
        LicenseFinding isc = new LicenseFinding("pkg:npm/lodash@4.17.15", "lodash", "ISC", "notice", Severity.LOW, L2,
                null, "warn");

        assertThat(PackageLicenses.licenses(List.of(mit, again, isc))).containsExactly("MIT", "ISC");
        assertThat(PackageLicenses.properties(List.of(mit, again, isc))).extracting(p -> p.name() + "=" + p.value())
                .containsExactly("kensa:license:category=notice", "kensa:license:severity=LOW",
                        "kensa:license:policy=allow", "kensa:license:policy=warn");
    }

    private static LicenseFinding finding(String purl, String name, String license) {
        return new LicenseFinding(purl, name, license, "notice", Severity.LOW, L2, "/app/node_modules/lodash/package.json",
                "allow");
    }
}
