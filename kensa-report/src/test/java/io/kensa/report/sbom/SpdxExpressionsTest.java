package io.kensa.report.sbom;

import org.junit.jupiter.api.Test;
import org.spdx.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class SpdxExpressionsTest {
    private final SpdxExpressions expressions = new SpdxExpressions();

    @Test
    void aListedIdIsAListedIdSpelledAsTheListSpellsIt() {
        assertThat(expressions.parse("GPL-2.0-or-later")).contains(new SpdxExpression("GPL-2.0-or-later", true));
        assertThat(expressions.parse(" mit ")).contains(new SpdxExpression("MIT", true));
    }

    @Test
    void compoundExpressionsAreExpressionsButNotListedIds() {
        assertThat(expressions.parse("MIT AND BSD-3-Clause")).contains(new SpdxExpression("MIT AND BSD-3-Clause", false));
        assertThat(expressions.parse("Apache-2.0 WITH LLVM-exception"))
                .contains(new SpdxExpression("Apache-2.0 WITH LLVM-exception", false));
        assertThat(expressions.parse("(MIT OR GPL-2.0-only) AND Zlib")).hasValueSatisfying(e -> assertThat(e.listedId()).isFalse());
        assertThat(expressions.parse("LicenseRef-Proprietary")).hasValueSatisfying(e -> assertThat(e.listedId()).isFalse());
    }

    @Test
    void freeTextPlaceholdersAndBrokenSyntaxAreNotExpressions() {
        assertThat(expressions.parse("GPLv2+")).isEmpty();
        assertThat(expressions.parse("BSD-like")).isEmpty();
        assertThat(expressions.parse("public-domain")).isEmpty();
        assertThat(expressions.parse("MIT AND")).isEmpty();
        assertThat(expressions.parse("NONE")).isEmpty();
        assertThat(expressions.parse("NOASSERTION")).isEmpty();
        assertThat(expressions.parse("  ")).isEmpty();
        assertThat(expressions.parse(null)).isEmpty();
    }

    @Test
    void theSpdxLibraryIsKeptOffTheNetwork() {
        assertThat(Configuration.getInstance().getProperty("org.spdx.useJARLicenseInfoOnly")).isEqualTo("true");
    }
}
