package io.kensa.match.version;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/** Maven's own ComparableVersion is the reference; these pin the tricky cases GHSA's Maven ranges meet. */
class MavenVersionSchemeTest {
    private final VersionScheme maven = new MavenVersionScheme();

    @TestFactory
    Stream<DynamicTest> ordering() {
        return new VersionCases(maven)
                .less("an alpha is before its release", "1.0-alpha-1", "1.0")
                .less("a SNAPSHOT is before its release", "1.0-SNAPSHOT", "1.0")
                .less("a SNAPSHOT is after the release candidates", "1.0.0-rc.1", "1.0.0-SNAPSHOT")
                .less("a service pack is after its release", "1.0", "1.0-sp1")
                .ascending("known qualifiers, then unknown ones", "1.0-alpha", "1.0-beta", "1.0-milestone", "1.0-rc",
                        "1.0-SNAPSHOT", "1.0", "1.0-sp", "1.0-foo", "1.0-1", "1.0.1")
                .less("numbers numerically", "2.9.10", "2.9.10.8")
                .less("numbers numerically", "1.9", "1.10")
                .less("an unknown qualifier is after the release", "1.0", "1.0-preview")
                .less("unknown qualifiers in string order", "31.1-android", "31.1-jre")
                .less("a milestone is before a release candidate", "1.0.0.M1", "1.0.0.RC1")
                .less("a release candidate is before the release", "2.17.0-rc1", "2.17.0")
                .equal(".RELEASE is the release", "5.3.18.RELEASE", "5.3.18")
                .equal(".Final is the release", "2.0.0.Final", "2.0.0")
                .equal("-ga is the release", "1.0-ga", "1.0")
                .equal("Final and GA", "2.0.0.Final", "2.0.0.GA")
                .equal("trailing zeros are ignored", "1", "1.0.0")
                .equal("trailing zeros are ignored", "1.0.0.0", "1.0.0")
                .equal("- and . separate alike before numbers", "1-0", "1")
                .equal("cr is rc", "1.0.0.CR1", "1.0.0.RC1")
                .equal("a, b, m are alpha, beta, milestone right before a number", "1.0a1", "1.0-alpha-1")
                .equal("a, b, m are alpha, beta, milestone right before a number", "1.0b1", "1.0-beta-1")
                .equal("a, b, m are alpha, beta, milestone right before a number", "1.0m1", "1.0-milestone-1")
                .equal("qualifiers ignore case", "1.0-abc", "1.0-ABC")
                .equal("qualifier numbers with or without a dash", "1.0-rc1", "1.0-rc-1")
                .valid("any non-blank string", "1.0", "1.0-SNAPSHOT", "latest", "2.0.0.Final")
                .invalid("blank", "", " ")
                .tests();
    }

    @Test
    void isATotalOrderOnRealMavenVersions() {
        SchemeProperties.assertTotalOrder(maven, OsvVersions.of("Maven").sample(3000, 3));
    }
}
