package io.kensa.analyze.license;

import io.kensa.core.KensaException;
import io.kensa.core.vuln.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LicensePolicyTest {
    private final SpdxLicenses licenses = SpdxLicenses.bundled();

    @TempDir
    Path dir;

    private LicensePolicy.Outcome decide(LicensePolicy policy, String expression) {
        return policy.decide(licenses.parse(expression).orElseThrow());
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            AGPL-3.0-only                | fail  | CRITICAL
            GPL-2.0-or-later             | warn  | HIGH
            MPL-2.0                      | warn  | MEDIUM
            MIT                          | allow | LOW
            CC0-1.0                      | allow | LOW
            LicenseRef-Proprietary       | warn  | UNKNOWN
            MIT OR GPL-2.0-only          | allow | LOW
            MIT AND GPL-2.0-only         | warn  | HIGH
            MIT AND AGPL-3.0-only        | fail  | CRITICAL
            GPL-2.0-only OR AGPL-3.0-only | warn | HIGH
            """)
    void defaultsAreTrivys(String expression, String decision, Severity severity) {
        LicensePolicy.Outcome o = decide(LicensePolicy.defaults(), expression);
        assertThat(o.decision().label()).isEqualTo(decision);
        assertThat(o.severity()).isEqualTo(severity);
    }

    @Test
    void aPolicyFileNamesWhatFailsAndWhatIsAllowed() throws IOException {
        Path file = dir.resolve("license-policy.yaml");
        Files.writeString(file, """
                # what fails the build
                fail: [forbidden, restricted, MPL-2.0]
                allow: [LGPL-2.1-only, "GPL-2.0 WITH Classpath-exception-2.0"]
                ignore-packages:
                  - pkg:deb/debian/libc6
                  - pkg:npm/lodash@4.17.15
                severities:
                  reciprocal: HIGH
                  unknown: low
                """);
        LicensePolicy p = LicensePolicy.load(file);
        assertThat(decide(p, "GPL-3.0-only").decision()).isEqualTo(LicensePolicy.Decision.FAIL);
        assertThat(decide(p, "GPL-3.0-only").severity()).isEqualTo(Severity.HIGH);
        // named by id: allowed although its category fails, and then it is LOW whatever its category
        assertThat(decide(p, "LGPL-2.1-only")).isEqualTo(new LicensePolicy.Outcome(LicensePolicy.Decision.ALLOW,
                Severity.LOW));
        assertThat(decide(p, "GPL-2.0-only WITH Classpath-exception-2.0").decision())
                .isEqualTo(LicensePolicy.Decision.ALLOW);
        assertThat(decide(p, "GPL-2.0-only").decision()).isEqualTo(LicensePolicy.Decision.FAIL);
        // a license of an allowed category fails when named; a failing one is at least HIGH
        assertThat(decide(p, "MPL-2.0")).isEqualTo(new LicensePolicy.Outcome(LicensePolicy.Decision.FAIL,
                Severity.HIGH));
        assertThat(decide(p, "EPL-2.0")).isEqualTo(new LicensePolicy.Outcome(LicensePolicy.Decision.WARN,
                Severity.HIGH));
        assertThat(decide(p, "LicenseRef-X").severity()).isEqualTo(Severity.LOW);
        // 'allow' names no category: notice, permissive and unencumbered stay allowed
        assertThat(decide(p, "MIT").decision()).isEqualTo(LicensePolicy.Decision.ALLOW);
        assertThat(decide(p, "AGPL-3.0-only").decision()).isEqualTo(LicensePolicy.Decision.FAIL);
        assertThat(decide(p, "LGPL-2.1-only OR GPL-3.0-only").decision()).isEqualTo(LicensePolicy.Decision.ALLOW);
        assertThat(decide(p, "LGPL-2.1-only AND GPL-3.0-only").decision()).isEqualTo(LicensePolicy.Decision.FAIL);

        assertThat(p.ignores("pkg:deb/debian/libc6@2.36-9+deb12u13?arch=amd64&distro=debian-12.15")).isTrue();
        assertThat(p.ignores("pkg:npm/lodash@4.17.15")).isTrue();
        assertThat(p.ignores("pkg:npm/lodash@4.17.21")).isFalse();
        assertThat(p.ignores("pkg:deb/debian/libc6-dev@2.36")).isFalse();
        assertThat(p.ignores(null)).isFalse();
    }

    @Test
    void aListNamingCategoriesReplacesTheDefaultCategories() {
        LicensePolicy onlyIds = LicensePolicy.parse("fail: [GPL-3.0-only]", "p.yaml");
        assertThat(decide(onlyIds, "AGPL-3.0-only").decision()).isEqualTo(LicensePolicy.Decision.FAIL);
        assertThat(decide(onlyIds, "GPL-3.0-only").decision()).isEqualTo(LicensePolicy.Decision.FAIL);
        assertThat(decide(onlyIds, "GPL-2.0-only").decision()).isEqualTo(LicensePolicy.Decision.WARN);
        LicensePolicy strict = LicensePolicy.parse("fail: [unknown, restricted]\nallow: [unencumbered]", "p.yaml");
        assertThat(decide(strict, "AGPL-3.0-only").decision()).isEqualTo(LicensePolicy.Decision.WARN);
        assertThat(decide(strict, "LicenseRef-X").decision()).isEqualTo(LicensePolicy.Decision.FAIL);
        assertThat(decide(strict, "MIT").decision()).isEqualTo(LicensePolicy.Decision.WARN);
        assertThat(decide(strict, "CC0-1.0").decision()).isEqualTo(LicensePolicy.Decision.ALLOW);
    }

    @Test
    void anEmptyFileIsTheDefaults() throws IOException {
        Path file = dir.resolve("empty.yaml");
        Files.writeString(file, "# nothing\n");
        LicensePolicy p = LicensePolicy.load(file);
        assertThat(decide(p, "AGPL-3.0-only").decision()).isEqualTo(LicensePolicy.Decision.FAIL);
        assertThat(decide(p, "GPL-2.0-only").decision()).isEqualTo(LicensePolicy.Decision.WARN);
        assertThat(p.severity(LicenseCategory.RECIPROCAL)).isEqualTo(Severity.MEDIUM);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            fail: [forbiden]                       | 'fail': 'forbiden' is neither a category
            fail: [MIT OR Apache-2.0]              | 'fail': 'MIT OR Apache-2.0' is neither a category
            deny: [forbidden]                      | unknown key 'deny'
            fail: {a: b}                           | 'fail' must be a list of values
            'severities: {restricted: SEVERE}'     | 'SEVERE' for restricted is not CRITICAL
            'severities: {bad: LOW}'               | 'severities': 'bad' is not a category
            'ignore-packages: [lodash]'            | 'lodash' is not a package URL
            'fail: [MIT]\nallow: [mit]'            | 'mit' is in both 'fail' and 'allow'
            'fail: [MIT'                           | not valid YAML
            '- just\n- a list'                     | expected a mapping
            """)
    void aBadFileIsOneLineNamingTheFile(String yaml, String message) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, yaml.replace("\\n", "\n"));
        assertThatThrownBy(() -> LicensePolicy.load(file)).isInstanceOf(KensaException.class)
                .hasMessageStartingWith("license policy " + file + ": ").hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aMissingFileIsOneLine() {
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> LicensePolicy.load(missing)).isInstanceOf(KensaException.class)
                .hasMessage("license policy " + missing + ": not found");
    }
}
