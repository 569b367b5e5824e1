package io.kensa.match.version;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * rpm ordering (rpmverCmp over rpmvercmp). {@link #CASES} are also checked against rpm's own {@code rpm.vercmp} by
 * {@link RpmAgainstRpmTest}; {@link #FALLBACK_CASES} hold the empty string, which rpm refuses.
 */
class RpmVersionSchemeTest {
    private final RpmVersionScheme rpm = new RpmVersionScheme();

    static final List<OrderCase> CASES = OrderCase.table("""
            identical                                     | 1.0-1                  | = | 1.0-1
            numbers compare by value                      | 1.10                   | > | 1.9
            leading zeros are ignored                     | 1.01                   | = | 1.1
            many leading zeros                            | 1.0010                 | > | 1.9
            zero-padded is equal                          | 1.001-1                | = | 1.1-1
            a longer version is newer                     | 1.0.1                  | > | 1.0
            letters after the end are newer               | 1.0a                   | > | 1.0
            a letter segment left over wins               | 1a                     | > | 1
            numeric segment beats alphabetic              | 1.0a                   | < | 1.0.1
            numeric beats alphabetic at the start         | a                      | < | 1
            letters in a dot position                     | 1.a                    | < | 1.1
            letters compare as strings                    | 1.0ab                  | > | 1.0a
            letters in ASCII order, capitals first        | 1.0A                   | < | 1.0a
            letter run vs letter then number              | 1.0aa                  | > | 1.0a1
            separators are ignored                        | 1.0                    | = | 1_0
            repeated separators are ignored               | 1..0                   | = | 1.0
            plus is a separator                           | 1+0                    | = | 1.0
            trailing separator is ignored                 | 1.0.                   | = | 1.0
            non-ASCII characters are separators           | 1.0é1                  | = | 1.0.1
            epoch beats version                           | 1:1.0                  | > | 2.0
            missing epoch is 0                            | 0:1.0-1                | = | 1.0-1
            epoch with leading zeros                      | 00:1.0                 | = | 0:1.0
            empty epoch is 0                              | :1.0                   | = | 0:1.0
            epochs by value                               | 10:1                   | > | 9:1
            huge epoch                                    | 18446744073709551616:1 | > | 18446744073709551615:2
            epoch-less vs epoch 1 (openssl)               | 1.1.1k-14.el8_6        | < | 1:1.1.1k-12.el8_8
            explicit 0 epoch equals none                  | 0:115.6.0-1.el9_3      | = | 115.6.0-1.el9_3
            text before a colon is no epoch               | a:1                    | < | 0:1
            tilde before the end (pre-release)            | 1.0~rc1                | < | 1.0
            tilde versions in order                       | 1.0~rc1                | < | 1.0~rc2
            double tilde before single tilde              | 1.0~~                  | < | 1.0~
            tilde before a separator and number           | 1.0~rc1                | < | 1.0.0
            tilde in the version, same release            | 1.0~rc1-1              | < | 1.0-1
            tilde in the release                          | 1.0-1~beta             | < | 1.0-1
            caret after the end (snapshot)                | 1.0^                   | > | 1.0
            caret snapshot after its base                 | 1.0^git1               | > | 1.0
            caret snapshot before the next version        | 1.0^git1               | < | 1.0.1
            caret snapshots in order                      | 1.0^git1               | < | 1.0^git2
            caret after tilde                             | 1.0^git1               | > | 1.0~rc1
            tilde after caret                             | 1.0^git1~pre           | < | 1.0^git1
            double caret after single caret               | 1.0^^                  | > | 1.0^
            caret before a letter                         | 1.0^                   | < | 1.0a
            missing release before any release            | 1.0                    | < | 1.0-1
            empty release after a missing one             | 1.0-                   | > | 1.0
            empty release equals separators only          | 1.0-                   | = | 1.0-.
            release after the last hyphen                 | 1-2-3                  | > | 1-2
            hyphen then colon: no epoch                   | 1-2:3                  | > | 1-2
            el8 before el8_1                              | 2.32.1-42.el8          | < | 2.32.1-42.el8_1
            el8_8 before el8_10                           | 2.32.1-42.el8_8        | < | 2.32.1-42.el8_10
            alphabetic release part before numeric        | 1.0-1.el8              | < | 1.0-1.1
            module release before a later minor          | 1.7.1-4.module+el8.9.0+19644+d68f775d | < | 1.7.1-4.module+el8.10.0+20000+0a1b2c3d
            module release hash segments                  | 1.0-1.module+el8.3.0+8107+a1b2c3 | < | 1.0-1.module+el8.3.0+8107+b2c3
            module release after a plain el8 one (m > e)  | 1.0-1.module+el8.3.0+8107+a1b2c3 | > | 1.0-1.el8
            module build numbers by value                 | 1.0-1.module+el8.3.0+8107+a1b2c3 | < | 1.0-1.module+el8.3.0+10000+a1b2c3
            huge numbers do not overflow                  | 1.18446744073709551616 | > | 1.18446744073709551615
            huge numbers, different lengths               | 99999999999999999999999 | > | 9999999999999999999999
            real: mariner                                 | 3.0.6-1.cm2            | < | 3.0.6-2.cm2
            real: SUSE release with a maintenance prefix  | 4.4-19.6.1             | < | 4.4-150300.19.6.1
            real: java version with alpha segment         | 1.8.0.392.b08-4.el8    | > | 1.8.0.392.b07-4.el8
            real: sudo p-level                            | 1.9.5p2-3.cm2          | > | 1.9.5p1-3.cm2
            real: sudo p-level vs next patch              | 1.9.5p2-3.cm2          | < | 1.9.5.1-1.cm2
            """);

    static final List<OrderCase> FALLBACK_CASES = OrderCase.table("""
            empty string before any segment   | ""  | < | 0
            empty string after a tilde        | ~   | < | ""
            empty string equals separators    | ""  | = | .
            """);

    static Stream<Arguments> cases() {
        return OrderCase.arguments(CASES);
    }

    static Stream<Arguments> fallbackCases() {
        return OrderCase.arguments(FALLBACK_CASES);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void ordersAsRpm(OrderCase c) {
        c.assertOrderedBy(rpm);
    }

    @ParameterizedTest
    @MethodSource("fallbackCases")
    void ordersTheEmptyStringAsAnEmptyVersion(OrderCase c) {
        c.assertOrderedBy(rpm);
    }

    @ParameterizedTest
    @MethodSource("validVersions")
    void validVersions(String version) {
        assertThat(rpm.isValid(version)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("invalidVersions")
    void invalidVersions(String version) {
        assertThat(rpm.isValid(version)).isFalse();
    }

    static Stream<String> validVersions() {
        return Stream.of("1.0-1", "1:1.0-1.el8", "1.0", "1.0~rc1^git2-1.fc39", "0:115.6.0-1.el9_3",
                "2.32.1-42.el8_8", "1.7.1-4.module+el8.9.0+19644+d68f775d", "12:0.9.1-0.rc1.fc39", "4.4-150300.19.6.1");
    }

    static Stream<String> invalidVersions() {
        return Stream.of("", ":1.0", "a:1.0", "1.0-", "1.0-1-", "-1", "1.0 1", "1:", "1.0/1", "1.0-1:2", "1.0é");
    }

    @Test
    void registeredUnderItsNameAndTheRpmNamespaces() {
        assertThat(VersionSchemes.byName("rpm")).isInstanceOf(RpmVersionScheme.class);
        for (String ns : List.of("redhat:9", "sles:15.6", "opensuse-leap:15.6", "amazon:2023", "mariner:2.0")) {
            assertThat(VersionSchemes.forNamespace(ns)).as(ns).isInstanceOf(RpmVersionScheme.class);
        }
        assertThat(rpm.name()).isEqualTo("rpm");
    }
}
