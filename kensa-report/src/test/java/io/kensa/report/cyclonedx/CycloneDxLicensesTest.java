package io.kensa.report.cyclonedx;

import io.kensa.report.sbom.SpdxExpressions;
import org.cyclonedx.model.LicenseChoice;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CycloneDxLicensesTest {

    @Test
    void freeTextIsRecognisedWithoutTheParser() {
        assertThat(CycloneDxLicenses.mayBeExpression("GPLv2+")).isFalse();
        assertThat(CycloneDxLicenses.mayBeExpression("MIT BSD GPL2+")).isFalse();
        assertThat(CycloneDxLicenses.mayBeExpression("Public Domain")).isFalse();
        assertThat(CycloneDxLicenses.mayBeExpression("MIT AND BSD-3-Clause")).isTrue();
        assertThat(CycloneDxLicenses.mayBeExpression("(MIT OR Apache-2.0) and GPL-2.0-only")).isTrue();
        assertThat(CycloneDxLicenses.mayBeExpression("GPL-2.0-or-later WITH Classpath-exception-2.0")).isTrue();
        assertThat(CycloneDxLicenses.mayBeExpression("LicenseRef-acme")).isTrue();
        assertThat(CycloneDxLicenses.mayBeExpression("LGPL-2.1+")).isTrue();
    }

    @Test
    void choicesAreTheSameWithAndWithoutTheFastPaths() {
        CycloneDxLicenses licenses = new CycloneDxLicenses(new SpdxExpressions());
        LicenseChoice free = licenses.of(List.of("GPLv2+"));
        assertThat(free.getLicenses()).singleElement().satisfies(l -> {
            assertThat(l.getName()).isEqualTo("GPLv2+");
            assertThat(l.getId()).isNull();
        });
        LicenseChoice ids = licenses.of(List.of("mit", "Apache-2.0"));
        assertThat(ids.getLicenses()).extracting(org.cyclonedx.model.License::getId).containsExactly("MIT", "Apache-2.0");
        LicenseChoice expression = licenses.of(List.of("MIT AND BSD-3-Clause"));
        assertThat(expression.getExpression().getValue()).isEqualTo("MIT AND BSD-3-Clause");
    }
}
