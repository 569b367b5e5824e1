package io.kensa.match.version;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/**
 * NuGet.Versioning has no Debian package (no .NET at all), so no cross-check: the cases follow its documentation
 * (learn.microsoft.com, "Package versioning": normalisation, pre-release precedence, case-insensitive labels) and its
 * {@code VersionComparer} and {@code NuGetVersion.TryParse}.
 */
class NuGetVersionSchemeTest {
    private final VersionScheme nuget = new NuGetVersionScheme();

    @TestFactory
    Stream<DynamicTest> ordering() {
        return new VersionCases(nuget)
                .equal("missing parts are 0", "1.0", "1.0.0")
                .equal("missing parts are 0", "1.0", "1.0.0.0")
                .equal("a single number is N.0.0.0", "1", "1.0.0.0")
                .equal("leading zeros of numbers", "01.002.3", "1.2.3")
                .equal("metadata is ignored", "1.0.0+abc", "1.0.0")
                .equal("metadata is ignored", "1.0.0-beta+1", "1.0.0-beta+2")
                .equal("labels compare case-insensitively", "1.0.0-BETA", "1.0.0-beta")
                .equal("surrounding whitespace", " 1.0.0 ", "1.0.0")
                .ascending("four parts", "1.0.0", "1.0.0.1", "1.0.1", "1.1", "2")
                .ascending("prereleases before their release", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
                        "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0")
                .less("a prerelease of the fourth part", "1.0.0.1-beta", "1.0.0.1")
                .less("a prerelease is after the previous release", "1.0.0.9", "1.0.1-alpha")
                .less("numeric labels numerically", "1.0.0-2", "1.0.0-10")
                .less("numeric labels before alphanumeric ones", "1.0.0-99", "1.0.0-a")
                .less("alphanumeric labels ignoring case, not in ASCII order", "1.0.0-a", "1.0.0-B")
                .less("a label above 2^31-1 is not a number: after the numbers", "1.0.0-2147483647", "1.0.0-2147483648")
                .less("a label above 2^31-1 compares as a string", "1.0.0-2147483648", "1.0.0-3a")
                .less("a label -1 is the number -1", "1.0.0--1", "1.0.0-0")
                .less("more labels are later", "1.0.0-beta", "1.0.0-beta.0")
                .less("numbers numerically", "1.9.0", "1.10.0")
                .less("an invalid version is before every valid one", "v1.0.0", "0.0.0-0")
                .less("an invalid version is before every valid one", "1.0.0.0.0", "0")
                .valid("NuGetVersion.TryParse accepts", "1", "1.0", "1.0.0.0", "1.0.0-beta.1+meta", "01.002",
                        " 1.0 ", "1.0.0.0-beta", "1.0.0+meta-data.01", "2147483647.0", "1. 2", "1.0.0--1")
                .invalid("NuGetVersion.TryParse rejects", "", "v1.0", "1.0.0.0.0", "1.0.0-", "1.0.0-beta..1",
                        "1.0.0-01", "1.0.0+", "1.0.0-beta+", "1.0.0+a+b", "2147483648.0", "a.b", "1..0", "-1.0", "1.",
                        "1.0.0-beta_1", ".1")
                .tests();
    }

    @Test
    void isATotalOrderOnRealNuGetVersions() {
        SchemeProperties.assertTotalOrder(nuget, OsvVersions.of("NuGet").all());
    }
}
