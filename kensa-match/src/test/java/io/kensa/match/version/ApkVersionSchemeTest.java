package io.kensa.match.version;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * apk ordering. {@link #APK_TOOLS_CASES} are the hard cases of apk-tools' own version test vectors (its
 * {@code test/version.data}: the facts, written here as a named table); {@link #CASES} are more hard cases worked
 * out from apk-tools' {@code src/version.c}; {@link #FALLBACK_CASES} are pairs apk calls equal because both break the
 * grammar at the same point, which this scheme orders by the rest of the strings.
 */
class ApkVersionSchemeTest {
    private final ApkVersionScheme apk = new ApkVersionScheme();

    static final List<OrderCase> APK_TOOLS_CASES = OrderCase.table("""
            invalid suffix after a larger first number     | 23_foo                 | > | 4_beta
            two letters are invalid, below the end         | 1.0                    | < | 1.0bc
            suffix number after a bare suffix              | 0.1.0_alpha2           | > | 0.1.0_alpha
            pre-release before its release                 | 1.1                    | > | 1.1_alpha1
            a longer version is newer                      | 1.2.1                  | > | 1.2
            bare alpha before alpha2                       | 1.3_alpha              | < | 1.3_alpha2
            beta before a later release                    | 0.8_beta4              | < | 4.8-r1
            letter then revision                           | 2.3.0b-r1              | < | 2.3.0b-r2
            first number with leading zeros by value       | 1.06-r6                | < | 006
            first number 006 is 6                          | 006                    | > | 1.0.0
            revision after no revision                     | 1.2.2-r1               | > | 1.2.2
            zero-led part compares as a string (00 < 39)   | 1.39                   | > | 1.00_beta2
            zero-led parts as strings (07 < 10)            | 1.02.07                | < | 1.02.10-r1
            date version beats dotted version              | 20050718-r2            | > | 3.9.8-r5
            first number decides                           | 3.0.20060720           | < | 20060720
            letter beats revision                          | 2.5.1-r8               | < | 2.5.1a-r1
            revisions by value                             | 1.3.5-r10              | > | 1.3.5-r8
            first number 021109 by value                   | 3.0.0-r2               | < | 021109-r3
            zero-led fractions (01 < 06)                   | 0.01                   | < | 0.06
            letter after a first number                    | 1.1.7                  | < | 6b-r7
            release candidate after its base               | 0.10.0                 | < | 0.10.1_rc1
            letters compare by character                   | 1.1a                   | < | 1.3a
            letter version with revision                   | 0.15.1b-r2             | > | 0.15.1b
            zero part then numbers (31 < 50)               | 0.0.31                 | < | 0.0.50
            revision before a further part                 | 22.7-r1                | < | 22.7.3-r1
            pre numbers by value                           | 2.1_pre20              | < | 2.1_pre26
            zero-led first number                          | 2.10.1                 | > | 02.08.01b
            zero-led parts (02.06 < 02.10)                 | 2.02.06                | < | 2.02.10
            letter d after a shorter version               | 3.81                   | > | 1.6d
            zero-led parts (07 < 12)                       | 1.2.07.8               | < | 1.2.12.04
            zero-led parts (04 < 05)                       | 1.2.12.04              | < | 1.2.12.05
            revision before a further zero-led part        | 1.07-r1                | < | 1.07.5
            zero-led part 01 before 20                     | 4.01                   | < | 4.20
            date fraction vs date with rc                  | 0.20070118             | < | 0.20070207_rc1
            p suffix after its base                        | 4.5_p1-r1              | > | 4.5_p1
            letters c and d                                | 0.9.8c-r1              | < | 0.9.8d
            first number 013                               | 2.2.3-r2               | < | 013
            first numbers 013 and 014                      | 013                    | < | 014-r1
            letter after a bare version                    | 1.7                    | < | 1.7b
            p suffix after its base, more                  | 1.8.5                  | < | 1.8.5_p2
            zero-led 00 after 98 (initial decides)         | 0.98                   | < | 1.00
            pre with revision after pre                    | 2.9.11_pre20051101-r3  | > | 2.9.11_pre20051101
            zero-led 09 before 5                           | 4.5.14                 | > | 4.09-r1
            p numbers by value                             | 1.6.8_p12-r1           | > | 1.6.8_p9-r2
            a fourth part after three                      | 0.9.28.1               | > | 0.9.28
            first number 087                               | 0.9.28.1               | < | 087-r1
            revisions 11 and 9                             | 104-r11                | > | 104-r9
            letter r before a revision                     | 2.12r-r4               | < | 2.12r-r5
            17 before 174                                  | 7.0.17                 | < | 7.0.174
            revision before a further part (1.3-r0)        | 1.3-r0                 | < | 1.3.1-r0
            pre-release with revision before next          | 1.3_pre1-r1            | < | 1.3.2
            p10 after p9                                   | 1.0_p10-r0             | > | 1.0_p9-r0
            two pre-release suffixes before one            | 0.1.0_alpha_pre2       | < | 0.1.0_alpha
            suffix numbers beyond 32 bits                  | 1.0.0_pre20191002222144-r0 | < | 1.0.0_pre20210530193627-r0
            pre before its release                         | 6.0_pre1               | < | 6.0
            p after its release                            | 6.0_p1                 | > | 6.0
            zero-led parts are strings (0 < 001)           | 8.2.0                  | < | 8.2.001
            zero-led parts are strings (0015 < 002)        | 8.2.0015               | < | 8.2.002
            commit hashes as strings                       | 1.0~1234               | < | 1.0~2345
            hash decides before the revision               | 1.0~1234-r1            | < | 1.0~2345-r0
            same hash, revisions                           | 1.0~1234-r1            | > | 1.0~1234-r0
            identical                                      | 0.2.0-r1               | = | 0.2.0-r1
            """);

    static final List<OrderCase> CASES = OrderCase.table("""
            alpha before beta                              | 1.0_alpha              | < | 1.0_beta
            beta before pre                                | 1.0_beta               | < | 1.0_pre
            pre before rc                                  | 1.0_pre                | < | 1.0_rc
            rc before the release                          | 1.0_rc                 | < | 1.0
            release before cvs                             | 1.0                    | < | 1.0_cvs
            cvs before svn                                 | 1.0_cvs                | < | 1.0_svn
            svn before git                                 | 1.0_svn                | < | 1.0_git
            git before hg                                  | 1.0_git                | < | 1.0_hg
            hg before p                                    | 1.0_hg                 | < | 1.0_p
            rc1 after bare rc                              | 1.0_rc1                | > | 1.0_rc
            rc1 before the release                         | 1.0_rc1                | < | 1.0
            p before the next version                      | 1.0_p9                 | < | 1.0.1
            p after any revision                           | 1.0_p1                 | > | 1.0-r5
            alpha before revision 0                        | 1.0_alpha              | < | 1.0-r0
            -r0 after no revision                          | 1.0-r0                 | > | 1.0
            revisions by value                             | 1.0-r10                | > | 1.0-r9
            revision with leading zeros                    | 1.0-r01                | = | 1.0-r1
            letter before a further part                   | 1.0a                   | < | 1.0.1
            letters in order                               | 1.0a                   | < | 1.0b
            letter after the end                           | 1.0a                   | > | 1.0
            letter before a revision is newer              | 1.0a                   | > | 1.0-r9
            hash after no hash                             | 1.0~abc                | > | 1.0
            hash after a revision at the same place        | 1.0~abc                | > | 1.0-r1
            pre-release before a hash                      | 1.0_rc1                | < | 1.0~abc
            zero-led part before a plain one               | 1.01                   | < | 1.1
            zero-led 09 before 1                           | 1.09                   | < | 1.1
            zero-led 010 after 01                          | 1.010                  | > | 1.01
            zero-led 001 before 01                         | 1.001                  | < | 1.01
            0 before 00                                    | 1.0                    | < | 1.00
            plain parts by value                           | 1.10                   | > | 1.9
            first number leading zeros ignored             | 01.0                   | = | 1.0
            huge first number                              | 18446744073709551616   | > | 18446744073709551615
            huge part                                      | 1.18446744073709551616 | > | 1.18446744073709551615
            huge suffix number                             | 1.0_p99999999999999999999 | > | 1.0_p99999999999999999998
            huge revision                                  | 1.0-r99999999999999999999 | > | 1.0-r18446744073709551616
            invalid tail below the end                     | 1.0-foo                | < | 1.0
            invalid second letter below one letter         | 1.0bc                  | < | 1.0b
            invalid tail below a revision                  | 1.0-foo                | < | 1.0-r0
            pre-release suffix below an invalid tail       | 1.0_alpha              | < | 1.0-foo
            invalid suffix below the end                   | 1.0_foo                | < | 1.0
            letter then digit is invalid (current apk)     | 1.0a1                  | < | 1.0a
            dotted revision is invalid, below the end      | 10.2.22.r0             | < | 10.2.22
            empty string below everything valid            | ""                     | < | 0
            real: busybox revisions                        | 1.31.1-r9              | < | 1.31.1-r10
            real: openssl letters                          | 1.1.1d-r3              | < | 1.1.1g-r0
            real: secfixes 0 before any version            | 0                      | < | 1.31.1-r9
            """);

    static final List<OrderCase> FALLBACK_CASES = OrderCase.table("""
            both break at a letter then digit              | 1.0a1                  | < | 1.0a2
            both break at an unknown suffix                | 1.0_bar                | < | 1.0_foo
            both invalid from the start                    | abc                    | < | abd
            both break at a dotted revision                | 10.2.22.r0             | < | 10.2.22.r1
            both break after equal numeric prefixes        | 01.0-x                 | < | 1.0-y
            two empty strings                              | ""                     | = | ""
            """);

    static Stream<Arguments> apkToolsCases() {
        return OrderCase.arguments(APK_TOOLS_CASES);
    }

    static Stream<Arguments> cases() {
        return OrderCase.arguments(CASES);
    }

    static Stream<Arguments> fallbackCases() {
        return OrderCase.arguments(FALLBACK_CASES);
    }

    @ParameterizedTest
    @MethodSource("apkToolsCases")
    void ordersApkToolsTestVectors(OrderCase c) {
        c.assertOrderedBy(apk);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void ordersAsApkVersionC(OrderCase c) {
        c.assertOrderedBy(apk);
    }

    @ParameterizedTest
    @MethodSource("fallbackCases")
    void ordersVersionsApkCallsEqualByTheRestOfTheString(OrderCase c) {
        c.assertOrderedBy(apk);
    }

    /** apk-tools' validity vectors. */
    @ParameterizedTest
    @MethodSource("validVersions")
    void validVersions(String version) {
        assertThat(apk.isValid(version)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("invalidVersions")
    void invalidVersions(String version) {
        assertThat(apk.isValid(version)).isFalse();
    }

    static Stream<String> validVersions() {
        return Stream.of("1.2", "0.1_pre2", "0.1_pre2~1234abcd", "0.1_p1_pre2", "0.1_alpha1_pre2",
                "0.1_git20240101_pre1", "2.10.4-r3", "1.1.1d-r3", "0", "20191127-r1", "1.0~0a1b-r2");
    }

    static Stream<String> invalidVersions() {
        return Stream.of("", "0.1bc", "0.1bc1", "0.1a1", "0.1a.1", "0.1_pre2~", "0.1_pre2~1234xbcd",
                "0.1_pre2~1234abcd_pre1", "0.1_pre2-r1~1234xbcd", "0.1_foobar", "0.1_foobar1", "0.1-pre1.1", "0.1-r",
                "0.1-r2_pre1", "0.1-r2_p3_pre1", "0.1-r2-r3", "0.1-r2.1", ".1", "a", "_pre1", "-r1", "0.1_", "0.1_-r0",
                "0.1__alpha", "0.1_1_alpha", "1.0~ABCD", "1.0A", "10.2.22.r0", "1.0-1");
    }

    @Test
    void theSuffixLadderIsOneChain() {
        List<String> ladder = List.of("1.0_alpha", "1.0_alpha1", "1.0_beta", "1.0_pre", "1.0_rc", "1.0_rc2", "1.0",
                "1.0-r1", "1.0_cvs", "1.0_svn", "1.0_git", "1.0_hg", "1.0_p", "1.0_p1", "1.0a", "1.0.1");
        List<String> shuffled = new ArrayList<>(ladder.reversed());
        shuffled.sort(apk::compare);
        assertThat(shuffled).containsExactlyElementsOf(ladder);
    }

    @Test
    void registeredUnderItsNameAndTheApkNamespaces() {
        assertThat(VersionSchemes.byName("apk")).isInstanceOf(ApkVersionScheme.class);
        assertThat(VersionSchemes.forNamespace("alpine:3.19")).isInstanceOf(ApkVersionScheme.class);
        assertThat(VersionSchemes.forNamespace("alpine:edge")).isInstanceOf(ApkVersionScheme.class);
        assertThat(VersionSchemes.forNamespace("wolfi")).isInstanceOf(ApkVersionScheme.class);
        assertThat(apk.name()).isEqualTo("apk");
    }
}
