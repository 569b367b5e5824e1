package io.kensa.analyze.license;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SpdxLicensesTest {
    private final SpdxLicenses licenses = SpdxLicenses.bundled();

    /** license/declarations.tsv: real declarations read from the corpus images' package metadata. */
    static Stream<Arguments> corpusDeclarations() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = SpdxLicensesTest.class.getResourceAsStream("/license/declarations.tsv")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                assertThat(f).as("declared, expected, where: %s", line).hasSize(3);
                rows.add(Arguments.of(f[0], f[1], f[2]));
            }
        }
        assertThat(rows).as("real declarations in the table").hasSizeGreaterThanOrEqualTo(60);
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} → {1} ({2})")
    @MethodSource("corpusDeclarations")
    void normalisesRealDeclarations(String declared, String expected, String where) {
        assertThat(licenses.normalize(declared)).isEqualTo(expected);
        // the result is a fixed point: normalising an SPDX expression again changes nothing
        assertThat(licenses.normalize(expected)).isEqualTo(expected);
        // and every license in it is a current SPDX id or a LicenseRef
        licenses.parse(expected).orElseThrow().forEachLicense(l -> {
            if (!l.isRef()) {
                assertThat(licenses.list().license(l.id())).as(l.id()).hasValueSatisfying(listed -> {
                    assertThat(listed.id()).isEqualTo(l.id());
                    assertThat(listed.deprecated()).as("%s is deprecated", l.id()).isFalse();
                });
            }
        });
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            mit                                             | MIT
            apache-2.0                                      | Apache-2.0
            (mit or apache-2.0)                             | MIT OR Apache-2.0
            MIT or Apache-2.0                               | MIT OR Apache-2.0
            Apache License 2.0                              | Apache-2.0
            Apache 2                                        | Apache-2.0
            Apache-2                                        | Apache-2.0
            GPL-2.0+                                        | GPL-2.0-or-later
            GPL-2.0                                         | GPL-2.0-only
            LGPL 2.1                                        | LGPL-2.1-only
            GNU General Public License v2 or later          | GPL-2.0-or-later
            GPL version 2 or later                          | GPL-2.0-or-later
            Eclipse Public License 1.0                      | EPL-1.0
            Eclipse Public License - v 1.0                  | EPL-1.0
            Eclipse Public License v2.0                     | EPL-2.0
            CDDL+GPL License                                | CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0
            GPL-2.0-with-classpath-exception                | GPL-2.0-only WITH Classpath-exception-2.0
            GPL-2.0 WITH Classpath-exception-2.0            | GPL-2.0-only WITH Classpath-exception-2.0
            GPL-2+ and LGPL-2.1                             | GPL-2.0-or-later AND LGPL-2.1-only
            GPLv2+ and LGPLv2+                              | GPL-2.0-or-later AND LGPL-2.0-or-later
            Apache-2.0+                                     | Apache-2.0+
            https://opensource.org/licenses/MIT             | MIT
            http://www.opensource.org/licenses/mit-license.php | MIT
            https://www.apache.org/licenses/LICENSE-2.0.html | Apache-2.0
            http://www.eclipse.org/legal/epl-v10.html       | EPL-1.0
            https://www.gnu.org/licenses/old-licenses/gpl-2.0.html | GPL-2.0-only
            LicenseRef-Proprietary                          | LicenseRef-Proprietary
            Proprietary, see LICENSE.txt                    | LicenseRef-Proprietary-see-LICENSE.txt
            UNLICENSED                                      | LicenseRef-UNLICENSED
            """)
    void normalisesNamesIdsUrlsAndCompounds(String declared, String expected) {
        assertThat(licenses.normalize(declared)).isEqualTo(expected);
    }

    @Test
    void declarationsThatSayNothingGiveNothing() {
        assertThat(licenses.normalize((String) null)).isNull();
        assertThat(licenses.normalize("  ")).isNull();
        assertThat(licenses.normalize("NOASSERTION")).isNull();
        assertThat(licenses.normalize("NONE")).isNull();
        assertThat(licenses.normalize("UNKNOWN")).isNull();
        assertThat(licenses.normalize(List.of("MIT", "mit", "UNKNOWN", "Expat"))).containsExactly("MIT");
    }

    @Test
    void unknownWordsAreNeverGuessed() {
        // a sentence that says "and" is one unknown license, not two made-up ones
        assertThat(licenses.normalize("Free for non-commercial use and evaluation"))
                .isEqualTo("LicenseRef-Free-for-non-commercial-use-and-evaluation");
        // a family without a version names no license: it stays the family
        assertThat(licenses.normalize("GPL")).isEqualTo("LicenseRef-GPL");
        assertThat(licenses.normalize("Apache")).isEqualTo("LicenseRef-Apache");
        // a version the family never had is not rounded to one it has
        assertThat(licenses.normalize("GPLv2.1")).startsWith("LicenseRef-");
        assertThat(licenses.normalize("BSD-5-clause")).isEqualTo("LicenseRef-BSD-5-clause");
    }

    @Test
    void licenseRefsHoldOnlyCharactersSpdxAllowsAndStayShort() {
        String ref = licenses.normalize("Ünïcödé «license» with / odd; chars & a very long tail " + "x".repeat(500));
        assertThat(ref).startsWith("LicenseRef-").matches("LicenseRef-[A-Za-z0-9.-]+");
        assertThat(ref.length()).isLessThanOrEqualTo("LicenseRef-".length() + 64);
    }

    @Test
    void hostileDeclarationsCostLittleAndNeverThrow() {
        assertThat(licenses.normalize("(".repeat(10_000) + "MIT" + ")".repeat(10_000))).startsWith("LicenseRef-");
        assertThat(licenses.normalize("MIT AND ".repeat(5_000) + "MIT")).startsWith("LicenseRef-");
        assertThat(licenses.normalize("MIT AND ".repeat(20) + "MIT")).isEqualTo("MIT");
        assertThat(licenses.normalize("AND OR WITH")).startsWith("LicenseRef-");
        assertThat(licenses.normalize("MIT WITH")).startsWith("LicenseRef-");
        assertThat(licenses.normalize("(MIT OR Apache-2.0) WITH Classpath-exception-2.0")).startsWith("LicenseRef-");
    }

    @Test
    void everyAliasMeansListedLicenses() {
        LicenseNames names = new LicenseNames(licenses.list());
        assertThat(names.aliases()).hasSizeGreaterThan(20);
        names.aliases().forEach((key, expression) -> {
            LicenseExpression e = licenses.parse(expression).orElseThrow();
            assertThat(e.toString()).as("alias %s", key).isEqualTo(expression);
            e.forEachLicense(l -> assertThat(l.isRef() || licenses.list().license(l.id()).isPresent())
                    .as("%s in alias %s", l.id(), key).isTrue());
        });
    }

    @Test
    void theBundledListIsTheSpdxLicenseList() {
        SpdxLicenseList list = licenses.list();
        assertThat(list.version()).matches("3\\.\\d+(\\.\\d+)?");
        assertThat(list.licenses()).hasSizeGreaterThan(600);
        assertThat(list.license("apache-2.0")).hasValueSatisfying(l -> {
            assertThat(l.id()).isEqualTo("Apache-2.0");
            assertThat(l.name()).isEqualTo("Apache License 2.0");
            assertThat(l.deprecated()).isFalse();
        });
        assertThat(list.license("GPL-2.0")).hasValueSatisfying(l -> assertThat(l.deprecated()).isTrue());
        assertThat(list.exceptionId("classpath-exception-2.0")).contains("Classpath-exception-2.0");
        assertThat(list.text("MIT")).hasValueSatisfying(t -> assertThat(t.text()).contains("Permission is hereby "
                + "granted, free of charge"));
    }
}
