package io.kensa.analyze.license;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LicenseCategoriesTest {
    private final LicenseCategories categories = LicenseCategories.bundled();
    private final SpdxLicenses licenses = SpdxLicenses.bundled();

    private LicenseCategory of(String expression) {
        return categories.of(licenses.parse(expression).orElseThrow());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AGPL-3.0-only                               | forbidden
            AGPL-3.0-or-later                           | forbidden
            CC-BY-NC-4.0                                | forbidden
            WTFPL                                       | forbidden
            GPL-2.0-only                                | restricted
            GPL-3.0-or-later                            | restricted
            LGPL-2.1-only                               | restricted
            GPL-2.0-or-later WITH Classpath-exception-2.0 | restricted
            CC-BY-SA-4.0                                | restricted
            Sleepycat                                   | restricted
            MPL-2.0                                     | reciprocal
            EPL-1.0                                     | reciprocal
            EPL-2.0                                     | reciprocal
            CDDL-1.1                                    | reciprocal
            Ruby                                        | reciprocal
            MIT                                         | notice
            Apache-2.0                                  | notice
            BSD-2-Clause                                | notice
            BSD-3-Clause                                | notice
            ISC                                         | notice
            Zlib                                        | notice
            BSD-1-Clause                                | notice
            CC0-1.0                                     | unencumbered
            Unlicense                                   | unencumbered
            0BSD                                        | unencumbered
            LicenseRef-Public-Domain                    | unencumbered
            LicenseRef-BSD                              | notice
            LicenseRef-GPL                              | restricted
            LicenseRef-AGPL                             | forbidden
            curl                                        | unknown
            Beerware                                    | unknown
            LicenseRef-Proprietary                      | unknown
            """)
    void googleCategoriesOfLicenses(String license, String category) {
        assertThat(of(license).label()).isEqualTo(category);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            MIT OR GPL-2.0-only                         | notice
            GPL-2.0-only OR MPL-2.0                     | reciprocal
            MIT AND GPL-2.0-only                        | restricted
            MIT AND AGPL-3.0-only                       | forbidden
            (MIT OR GPL-2.0-only) AND MPL-2.0           | reciprocal
            (GPL-2.0-only OR AGPL-3.0-only) AND CC0-1.0 | restricted
            MIT AND LicenseRef-Unknown                  | notice
            MIT OR LicenseRef-Unknown                   | notice
            LicenseRef-A AND LicenseRef-B               | unknown
            """)
    void orTakesTheLeastRestrictiveAndTheMost(String expression, String category) {
        assertThat(of(expression).label()).isEqualTo(category);
    }

    @Test
    void categoriesAreOrderedFromForbiddenToUnencumbered() {
        assertThat(LicenseCategory.FORBIDDEN.moreRestrictiveThan(LicenseCategory.RESTRICTED)).isTrue();
        assertThat(LicenseCategory.RESTRICTED.moreRestrictiveThan(LicenseCategory.RECIPROCAL)).isTrue();
        assertThat(LicenseCategory.RECIPROCAL.moreRestrictiveThan(LicenseCategory.NOTICE)).isTrue();
        assertThat(LicenseCategory.NOTICE.moreRestrictiveThan(LicenseCategory.PERMISSIVE)).isTrue();
        assertThat(LicenseCategory.PERMISSIVE.moreRestrictiveThan(LicenseCategory.UNENCUMBERED)).isTrue();
        assertThat(LicenseCategory.parse("Restricted")).contains(LicenseCategory.RESTRICTED);
        assertThat(LicenseCategory.parse("by_exception_only")).isEmpty();
    }
}
