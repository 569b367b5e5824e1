package io.kensa.match.version;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dpkg ordering (Debian Policy 5.6.12). {@link #CASES} are all accepted by dpkg and are also checked against
 * {@code dpkg --compare-versions} by {@link DpkgAgainstDpkgTest}; {@link #FALLBACK_CASES} are versions dpkg refuses,
 * ordered by the documented fallback (that dpkg refuses each of them is checked there too).
 */
class DpkgVersionSchemeTest {
    private final DpkgVersionScheme dpkg = new DpkgVersionScheme();

    static final List<OrderCase> CASES = OrderCase.table("""
            identical                                      | 1.0                     | = | 1.0
            numbers compare by value                       | 1.10                    | > | 1.9
            leading zeros are ignored                      | 1.01                    | = | 1.1
            zero-padded numbers are equal                  | 1.000                   | = | 1.0
            a longer version is newer                      | 1.0.1                   | > | 1.0
            epoch beats every upstream version             | 1:0.1                   | > | 9.9
            missing epoch is 0                             | 0:1.0                   | = | 1.0
            epoch with leading zeros                       | 00:1.0-1                | = | 0:1.0-1
            epochs compare by value                        | 10:1                    | > | 9:1
            epoch and revision                             | 1:1.0-1                 | > | 1.0-2
            largest epoch dpkg accepts                     | 2147483647:1            | > | 2147483646:9
            plus sign before the epoch                     | +1:1.0                  | = | 1:1.0
            minus zero epoch                               | -0:1.0                  | = | 1.0
            tilde before the end (pre-release)             | 1.0~rc1                 | < | 1.0
            tilde versions in order                        | 1.0~rc1                 | < | 1.0~rc2
            tilde alone before the end                     | 1.0~                    | < | 1.0
            double tilde before single tilde               | 1.0~~                   | < | 1.0~
            double tilde then letter                       | 1.0~~a                  | < | 1.0~
            tilde before a letter                          | 1.0~a                   | < | 1.0a
            tilde before a digit run start                 | 1.0~                    | < | 1.0.1
            tilde in the upstream part with revision       | 1.0~rc1-1               | < | 1.0-1
            tilde in the revision (security update)        | 3.0.11-1~deb12u1        | < | 3.0.11-1
            tilde revisions compare on                     | 3.0.11-1~deb12u1        | < | 3.0.11-1~deb12u2
            backport tilde                                 | 1.2-3~bpo11+1           | < | 1.2-3
            plus in the revision (stable update)           | 2.36-9+deb12u4          | > | 2.36-9
            plus revisions by number                       | 2.36-9+deb12u10         | > | 2.36-9+deb12u9
            letter after the end of a part                 | 1.0a                    | > | 1.0
            letters before non-letters                     | 1.0a                    | < | 1.0+
            letters before dot                             | 1a                      | < | 1.
            letters in ASCII order, capitals first         | 1.0B                    | < | 1.0a
            a letter sorts after the start of a number     | 1.a                     | > | 1.1
            end of run before a letter                     | 1.0                     | < | 1.0b1
            plus before dot (ASCII order)                  | 1.0+1                   | < | 1.0.1
            end before plus                                | 1.0                     | < | 1.0+dfsg
            repack suffix in upstream                      | 1.0+dfsg-1              | > | 1.0-1
            plus before tilde is newer                     | 1.0+really0.9           | > | 1.0~rc1
            hyphen in upstream, revision after the last    | 1.2-3-4                 | > | 1.2-10
            hyphens in upstream compare on                 | 1.2-3-1                 | < | 1.2-3-2
            hyphen in upstream beats its absence           | 1.2-3-1                 | > | 1.2-9
            empty revision equals revision 0               | 1.0                     | = | 1.0-0
            no revision before revision 1                  | 1.0                     | < | 1.0-1
            colon in the upstream part after an epoch      | 1:1.2:3-1               | > | 1:1.2-1
            huge numbers do not overflow                   | 1.18446744073709551616  | > | 1.18446744073709551615
            huge numbers, different lengths                | 99999999999999999999999 | > | 9999999999999999999999
            huge number with leading zeros                 | 1.0000000000000000000000000001 | = | 1.1
            huge revision                                  | 1.0-123456789012345678901 | > | 1.0-123456789012345678900
            ubuntu revisions                               | 2.27-3ubuntu1.6         | > | 2.27-3ubuntu1
            ubuntu security revision                       | 1.6.3ubuntu0.1          | > | 1.6.3
            ubuntu suffix after a number                   | 1.2.11.dfsg-0ubuntu2    | < | 1.2.11.dfsg-2ubuntu1
            debian vs ubuntu revision                      | 1.0-1ubuntu1            | > | 1.0-1
            date versions                                  | 20230311+deb12u1        | > | 20230311
            real: openssl bookworm                         | 3.0.15-1~deb12u1        | < | 3.0.16-1~deb12u1
            real: glibc bookworm                           | 2.36-9+deb12u9          | > | 2.36-9+deb12u4
            empty string (blank version) before everything | ""                      | < | ~
            empty string before zero                       | ""                      | < | 0
            blanks around are ignored                      | " 1.0 "                 | = | 1.0
            upstream not starting with a digit (warning)   | abc                     | < | abd
            letters then digits without digit start        | a1.0                    | < | b0.1
            invalid character still compares (warning)     | 1.0_1                   | > | 1.0+1
            """);

    static final List<OrderCase> FALLBACK_CASES = OrderCase.table("""
            non-numeric epoch: no epoch, colon is a character  | a:1.0        | > | 1.0
            colon without a numeric epoch before it            | 1.0:2        | > | 1.0
            empty epoch: no epoch                              | :1.0         | > | 1.0
            negative epoch: no epoch, the hyphen starts the revision | -1:1.0 | < | 1:0
            epoch above INT_MAX still by value                 | 99999999999:1 | > | 2147483647:9
            nothing after the colon                            | 1:           | < | 1:0.1
            nothing after the colon vs no epoch                | 1:           | > | 9
            empty revision after a hyphen                      | 1.0-         | = | 1.0
            embedded blank is a non-letter                     | 1.0 a        | > | 1.0a
            empty string equals blanks                         | ""           | = | "  "
            blanks alone before a tilde                        | "  "         | < | ~~
            """);

    static Stream<org.junit.jupiter.params.provider.Arguments> cases() {
        return OrderCase.arguments(CASES);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> fallbackCases() {
        return OrderCase.arguments(FALLBACK_CASES);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void ordersAsDpkg(OrderCase c) {
        c.assertOrderedBy(dpkg);
    }

    @ParameterizedTest
    @MethodSource("fallbackCases")
    void ordersRefusedVersionsByTheFallback(OrderCase c) {
        c.assertOrderedBy(dpkg);
    }

    /** Versions dpkg accepts without a warning ({@code dpkg --validate-version} exits 0). */
    static final List<String> VALID = List.of("1.0", "0", "1:1.0-1", "1.0-1-2", "0:0", "1.0~rc1+dfsg-1~bpo11+1",
            "2147483647:1", "+1:1.0", "-0:1.0", "1:1.2:3-1", " 1.0 ", "1.0-1ubuntu0.1", "2.36-9+deb12u9",
            "1.0-a.b~c+d", "00001:2");

    /** Versions dpkg refuses or warns about. */
    static final List<String> INVALID = List.of("", "  ", "a1.0", "1:", ":1.0", "a:1.0", "-1:1.0", "2147483648:1",
            "1.0-", "1.0_1", "1.0-1_2", "1.2:3-1", "1.0 1", "1.0-a:b", "é1", "1.0-é", "1:-1", "~1", "1.0:1");

    @ParameterizedTest
    @MethodSource("validVersions")
    void validVersions(String version) {
        assertThat(dpkg.isValid(version)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("invalidVersions")
    void invalidVersions(String version) {
        assertThat(dpkg.isValid(version)).isFalse();
    }

    static Stream<String> validVersions() {
        return VALID.stream();
    }

    static Stream<String> invalidVersions() {
        return INVALID.stream();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1:2.3-4", "1.0~rc1", "a:b", ""})
    void everyVersionEqualsItself(String v) {
        assertThat(dpkg.compare(v, v)).isZero();
        assertThat(dpkg.compare(v, new String(v.toCharArray()))).isZero();
    }

    @Test
    void registeredUnderItsNameAndTheDebianNamespaces() {
        assertThat(VersionSchemes.byName("dpkg")).isInstanceOf(DpkgVersionScheme.class);
        assertThat(VersionSchemes.forNamespace("debian:12")).isInstanceOf(DpkgVersionScheme.class);
        assertThat(VersionSchemes.forNamespace("ubuntu:22.04")).isInstanceOf(DpkgVersionScheme.class);
        assertThat(dpkg.name()).isEqualTo("dpkg");
    }
}
