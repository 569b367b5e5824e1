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

    @Test
    void plainExpressionsAreRecognisedAndEverythingElseIsLeftToTheParser() {
        PlainLicenseExpression plain = new PlainLicenseExpression(id -> java.util.Set.of("MIT", "BSD-3-Clause",
                "GPL-2.0-or-later", "LGPL-2.1-or-later", "GPL-3.0-or-later", "GCC-exception-3.1", "Apache-2.0",
                "LGPL-2.1").contains(id));
        assertThat(plain.certainlyValid("GPL-2.0-or-later AND LGPL-2.1-or-later")).isTrue();
        assertThat(plain.certainlyValid("GPL-3.0-or-later WITH GCC-exception-3.1")).isTrue();
        assertThat(plain.certainlyValid("(MIT OR Apache-2.0) AND (BSD-3-Clause OR LicenseRef-acme)")).isTrue();
        assertThat(plain.certainlyValid("LGPL-2.1+ OR MIT")).isTrue();
        // not certain: left to the SPDX parser
        assertThat(plain.certainlyValid("MIT and BSD-3-Clause")).isTrue();
        assertThat(plain.certainlyValid("MIT And BSD-3-Clause")).isFalse();
        assertThat(plain.certainlyValid("MIT WITH Apache-2.0")).isFalse();
        assertThat(plain.certainlyValid("GCC-exception-3.1")).isFalse();
        assertThat(plain.certainlyValid("MIT AND")).isFalse();
        assertThat(plain.certainlyValid("(MIT OR Apache-2.0")).isFalse();
        assertThat(plain.certainlyValid("MIT Apache-2.0")).isFalse();
        assertThat(plain.certainlyValid("Unknown-1.0 AND MIT")).isFalse();
        assertThat(plain.certainlyValid("(".repeat(100) + "MIT" + ")".repeat(100))).isFalse();
    }

    @Test
    void theFastExpressionPathAgreesWithTheSpdxParser() {
        SpdxExpressions parser = new SpdxExpressions();
        CycloneDxLicenses licenses = new CycloneDxLicenses(parser);
        for (String text : List.of("GPL-2.0-or-later AND LGPL-2.1-or-later", "GPL-3.0-or-later WITH GCC-exception-3.1",
                "(MIT OR Apache-2.0) AND BSD-3-Clause", "LicenseRef-acme", "BSD-3-Clause or GPL-2.0-only")) {
            assertThat(licenses.of(List.of(text)).getExpression().getValue()).as(text).isEqualTo(text);
            assertThat(parser.parse(text)).as("the SPDX parser accepts " + text).isPresent();
        }
    }

    @Test
    void shapesNoExpressionCanHaveAreCertainlyInvalid() {
        assertThat(PlainLicenseExpression.certainlyInvalid("MPL-2.0 GPL-2.0-or-later")).isTrue();
        assertThat(PlainLicenseExpression.certainlyInvalid("MIT AND")).isTrue();
        assertThat(PlainLicenseExpression.certainlyInvalid("(MIT OR BSD")).isTrue();
        assertThat(PlainLicenseExpression.certainlyInvalid("AND MIT")).isTrue();
        // shapes that may be valid, whatever the ids and the operators' case, are not called invalid
        assertThat(PlainLicenseExpression.certainlyInvalid("Some-New-Id-1.0 AND MIT")).isFalse();
        assertThat(PlainLicenseExpression.certainlyInvalid("MIT And BSD-3-Clause")).isFalse();
        assertThat(PlainLicenseExpression.certainlyInvalid("GPL-2.0-only WITH Linux-syscall-note")).isFalse();
        // and the SPDX parser agrees that the "certainly invalid" one is not an expression
        assertThat(new SpdxExpressions().parse("MPL-2.0 GPL-2.0-or-later")).isEmpty();
        LicenseChoice juxtaposed = new CycloneDxLicenses(new SpdxExpressions()).of(List.of("MPL-2.0 GPL-2.0-or-later"));
        assertThat(juxtaposed.getLicenses()).singleElement().satisfies(l -> assertThat(l.getName()).isEqualTo("MPL-2.0 GPL-2.0-or-later"));
    }
}
