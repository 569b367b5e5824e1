package io.kensa.match.version;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class Pep440VersionSchemeTest {
    private final VersionScheme pep440 = new Pep440VersionScheme();

    @TestFactory
    Stream<DynamicTest> normalisation() {
        return new VersionCases(pep440)
                .equal("trailing zeros of the release are ignored", "1.0", "1.0.0")
                .equal("trailing zeros of the release are ignored", "1", "1.0.0.0")
                .equal("leading v", "v1.0", "1.0")
                .equal("leading V, any case", "V1.0", "1.0")
                .equal("surrounding whitespace", " 1.0\n", "1.0")
                .equal("non-breaking space is Python whitespace too", "1.0\u00a0", "1.0")
                .equal("leading zeros of numbers", "01.002", "1.2")
                .equal("alpha is a", "1.0alpha1", "1.0a1")
                .equal("separator before pre", "1.0.a1", "1.0a1")
                .equal("separator before pre", "1.0-a1", "1.0a1")
                .equal("separator before pre", "1.0_a1", "1.0a1")
                .equal("separator inside pre", "1.0a.1", "1.0a1")
                .equal("separator inside pre", "1.0-alpha-1", "1.0a1")
                .equal("pre is case-insensitive", "1.0ALPHA1", "1.0a1")
                .equal("implicit pre number", "1.0a", "1.0a0")
                .equal("leading zeros of the pre number", "1.0a01", "1.0a1")
                .equal("beta is b", "1.0beta2", "1.0b2")
                .equal("c is rc", "1.0c1", "1.0rc1")
                .equal("pre is rc", "1.0pre1", "1.0rc1")
                .equal("preview is rc", "1.0preview1", "1.0rc1")
                .equal("RC with separators", "1.0-RC-1", "1.0rc1")
                .equal("post spellings", "1.0post1", "1.0.post1")
                .equal("post spellings", "1.0-post1", "1.0.post1")
                .equal("post spellings", "1.0_post_1", "1.0.post1")
                .equal("rev is post", "1.0.rev1", "1.0.post1")
                .equal("r is post", "1.0r1", "1.0.post1")
                .equal("implicit post release", "1.0-1", "1.0.post1")
                .equal("implicit post after a pre-release", "1.0a1-1", "1.0a1.post1")
                .equal("implicit post number", "1.0.post", "1.0.post0")
                .equal("implicit post number with r", "1.0-r", "1.0.post0")
                .equal("separator inside post", "1.0.post-1", "1.0.post1")
                .equal("dev spellings", "1.0-dev1", "1.0.dev1")
                .equal("separator inside dev", "1.0.dev-1", "1.0.dev1")
                .equal("implicit dev number", "1.0.dev", "1.0.dev0")
                .equal("DEV any case", "1.0.DEV3", "1.0.dev3")
                .equal("epoch 0 is no epoch", "0!1.0", "1.0")
                .equal("epoch with trailing zeros", "1!1.0", "1!1.0.0")
                .equal("local separators are all dots", "1.0+ubuntu-1", "1.0+ubuntu.1")
                .equal("local separators are all dots", "1.0+ubuntu_1", "1.0+ubuntu.1")
                .equal("local is case-insensitive", "1.0+UBUNTU.1", "1.0+ubuntu.1")
                .equal("local numbers compare as integers", "1.0+01", "1.0+1")
                .tests();
    }

    @TestFactory
    Stream<DynamicTest> ordering() {
        return new VersionCases(pep440)
                .ascending("pre, post and dev releases (the subtle cases)", "1.0.dev1", "1.0a1.dev1", "1.0a1",
                        "1.0a1.post1.dev1", "1.0a1.post1", "1.0b1", "1.0rc1", "1.0", "1.0.post1.dev1", "1.0.post1")
                .ascending("PEP 440's own example", "1.dev0", "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456",
                        "1.0a12", "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456",
                        "1.0rc1", "1.0", "1.0+abc.5", "1.0+abc.7", "1.0+5", "1.0.post456.dev34", "1.0.post456",
                        "1.0.15", "1.1.dev1")
                .less("numbers compare numerically", "1.9", "1.10")
                .less("pre numbers compare numerically", "1.0a9", "1.0a10")
                .less("numbers of any size", "1.99999999999999999998", "1.99999999999999999999")
                .less("a longer release is later", "1.0", "1.0.1")
                .less("dev of a release with trailing zeros", "1.0.0.dev1", "1.0a1")
                .less("a dev release is before its pre-releases", "2.0.dev9", "2.0a0")
                .less("but a dev release of a post release is after the release", "1.0", "1.0.post0.dev0")
                .less("implicit post is a post release", "1.0", "1.0-1")
                .less("epoch beats release", "2.0", "1!0.1")
                .less("epochs compare numerically", "2!9.0", "10!1.0")
                .less("a version with a local part is after the same without", "1.0", "1.0+local")
                .less("local versions are before the next post release", "1.0+zzz", "1.0.post1")
                .less("local: alphanumeric segments before numeric ones", "1.0+abc", "1.0+1")
                .less("local: alphanumeric before numeric in any segment", "1.0+a.b", "1.0+a.1")
                .less("local: a longer local is later", "1.0+1", "1.0+1.1")
                .less("local: numeric segments numerically", "1.0+2", "1.0+10")
                .less("local: alphanumeric segments as strings", "1.0+abc", "1.0+abd")
                .less("a pre-release with a local part is still a pre-release", "1.0rc1+local", "1.0")
                .tests();
    }

    @TestFactory
    Stream<DynamicTest> legacyVersions() {
        return new VersionCases(pep440)
                .less("a legacy version is before every PEP 440 version", "0.9-stable", "0.0.1")
                .less("a legacy version is before every PEP 440 version", "99.0-final", "0.dev0")
                .less("a legacy version is before every PEP 440 version", "2013b-custom", "0")
                .ascending("legacy versions among themselves (setuptools' old order)", "foo", "0.7.1.fix1",
                        "0.7.4.svn.r2010", "0.7.11p3", "0.9-stable", "1.0-SNAPSHOT", "1.6.5ubuntu0.1", "1.9.0ubuntu1.2",
                        "2.0.0-final")
                .equal("legacy trailing zeros before a tag are dropped", "1.0-SNAPSHOT", "1.0.0-SNAPSHOT")
                .tests();
    }

    @TestFactory
    Stream<DynamicTest> validity() {
        return new VersionCases(pep440)
                .valid("PEP 440 forms", "1", "1.0", "1!2.0", "1.0a1", "1.0.post", "1.0-1", "v1.0", " 1.0\n",
                        "1.0+abc.5", "1.0.dev", "2004b", "2.0.0-alpha", "1.0rc1.post2.dev3+ubuntu-1")
                .invalid("not PEP 440", "", " ", "1.0.", "1..0", "1.0+", "1.0-", "1.0+a..b", "1.0+ubuntu_", "a1.0",
                        "1.0a1b2", "1.0.post1.post2", "1.0dev1dev2", "1.0 .dev1", "0.9-stable", "1.0-SNAPSHOT",
                        "1.6.5ubuntu0.1", "91becae76101cf87ce8cbfabe3af2622fc328fe5", "1.0+abc!", "!1.0", "1!")
                .tests();
    }

    @Test
    void isATotalOrderOnRealPyPIVersions() {
        SchemeProperties.assertTotalOrder(pep440, OsvVersions.of("PyPI").sample(3000, 440));
    }

    /**
     * Against Python's own packaging: Debian's python3-packaging ({@code packaging.version.Version}) for PEP 440
     * versions, and the packaging 21.3 that setuptools vendors ({@code pkg_resources}, python3-setuptools) for the
     * legacy versions that newer packaging refuses.
     */
    @Test
    void agreesWithPythonPackagingOnRealPyPIVersions() {
        ReferenceTool.require("/usr/bin/python3", "python3");
        String script = """
                import sys, warnings
                warnings.simplefilter("ignore")
                from packaging.version import Version, InvalidVersion
                from pkg_resources.extern.packaging.version import parse as legacy_parse
                def pep440(v):
                    try:
                        return Version(v)
                    except InvalidVersion:
                        return None
                def sign(x, y):
                    return (x > y) - (x < y)
                for line in sys.stdin:
                    a, b = line.rstrip("\\n").split("\\t")
                    va, vb = pep440(a), pep440(b)
                    modern = sign(va, vb) if va is not None and vb is not None else "x"
                    print(modern, sign(legacy_parse(a), legacy_parse(b)), int(va is not None), int(vb is not None))
                """;
        List<String[]> pairs = OsvVersions.of("PyPI").pairs(3000, 440);
        List<String> answers = ReferenceTool.run(List.of("/usr/bin/python3", "-c", script), Map.of(), pairs);
        List<String> mismatches = new ArrayList<>();
        int pep440Pairs = 0;
        int legacyPairs = 0;
        for (int i = 0; i < pairs.size(); i++) {
            String a = pairs.get(i)[0];
            String b = pairs.get(i)[1];
            String[] f = answers.get(i).split(" ");
            int ours = Integer.signum(pep440.compare(a, b));
            if (!f[0].equals("x")) {
                pep440Pairs++;
                if (ours != Integer.parseInt(f[0])) {
                    mismatches.add(a + " vs " + b + ": packaging " + f[0] + ", ours " + ours);
                }
            } else {
                legacyPairs++;
            }
            if (ours != Integer.parseInt(f[1])) {
                mismatches.add(a + " vs " + b + ": packaging 21.3 " + f[1] + ", ours " + ours);
            }
            if (pep440.isValid(a) != f[2].equals("1") || pep440.isValid(b) != f[3].equals("1")) {
                mismatches.add(a + " / " + b + ": validity " + f[2] + f[3] + ", ours " + pep440.isValid(a) + " "
                        + pep440.isValid(b));
            }
        }
        assertThat(pep440Pairs).as("PEP 440 pairs compared").isGreaterThan(1500);
        assertThat(legacyPairs).as("pairs with a legacy version compared").isGreaterThan(10);
        assertThat(mismatches).as("disagreements with packaging").isEmpty();
    }
}
