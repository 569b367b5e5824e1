package io.kensa.match.version;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class NpmVersionSchemeTest {
    private final VersionScheme npm = new NpmVersionScheme();

    @TestFactory
    Stream<DynamicTest> ordering() {
        return new VersionCases(npm)
                .ascending("SemVer 2.0.0's own precedence example", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
                        "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0")
                .ascending("major, minor, patch numerically", "1.9.9", "1.10.0", "2.0.0", "10.0.0")
                .less("a prerelease is before its release", "2.0.0-rc.1", "2.0.0")
                .less("a prerelease is after the previous release", "1.9.9", "2.0.0-alpha")
                .less("numeric identifiers numerically", "1.0.0-alpha.2", "1.0.0-alpha.10")
                .less("numeric identifiers before alphanumeric ones", "1.0.0-1", "1.0.0-a")
                .less("numeric identifiers before alphanumeric ones", "1.0.0-alpha.99", "1.0.0-alpha.a")
                .less("alphanumeric identifiers in ASCII order, not numerically", "1.0.0-a10", "1.0.0-a9")
                .less("alphanumeric identifiers in ASCII order: upper case first", "1.0.0-RC.1", "1.0.0-rc.1")
                .less("hyphens are identifier characters", "1.0.0-x-y", "1.0.0-x-z")
                .less("more identifiers are later", "1.0.0-alpha", "1.0.0-alpha.0")
                .less("numbers of any size", "1.0.0-9007199254740993", "1.0.0-9007199254740994")
                .equal("build metadata is ignored", "1.0.0+build.1", "1.0.0")
                .equal("build metadata is ignored", "1.0.0-rc.1+a", "1.0.0-rc.1+b")
                .equal("leading v", "v1.2.3", "1.2.3")
                .equal("leading =", "=1.2.3", "1.2.3")
                .equal("surrounding whitespace", " v1.2.3 ", "1.2.3")
                .tests();
    }

    @TestFactory
    Stream<DynamicTest> invalidVersions() {
        return new VersionCases(npm)
                .equal("a bare major (OSV's introduced 0) reads as N.0.0", "0", "0.0.0")
                .equal("a bare N.N (GHSA's 4.0) reads as N.N.0", "4.0", "4.0.0")
                .less("a bare N.N is before the next patch", "1.90", "1.90.1")
                .less("a bare N.N is after the previous release", "1.89.9", "1.90")
                .less("0 is before every prerelease of 0.0.1", "0", "0.0.1-alpha")
                .less("an unreadable version is before every valid one", "latest", "0.0.0")
                .less("an unreadable version is before every valid one", "1.2.3.4", "0.0.0-0")
                .less("unreadable versions among themselves as strings", "abc", "latest")
                .valid("strict SemVer after v or =", "1.2.3", "v1.2.3", "=1.2.3", "1.0.0-alpha+001",
                        "1.0.0+20130313144700", "1.0.0-beta+exp.sha.5114f85", "9007199254740991.0.0")
                .invalid("not SemVer", "", "1.2", "0", "latest", "01.2.3", "1.02.3", "1.2.3-01", "1.2.3-", "1.2.3+",
                        "1.2.3-a..b", "1.2.3.4", "V1.2.3", "1.2.3 beta", "9007199254740992.0.0",
                        "1.0.0-" + "a".repeat(256))
                .tests();
    }

    @Test
    void isATotalOrderOnRealNpmVersions() {
        SchemeProperties.assertTotalOrder(npm, OsvVersions.of("npm").sample(3000, 7));
    }

    /** Against node-semver itself (Debian's node-semver, run by the machine's node). */
    @Test
    void agreesWithNodeSemverOnRealNpmVersions() {
        Path node = ReferenceTool.require("node", "nodejs");
        Path modules = ReferenceTool.requireFile(Path.of("/usr/share/nodejs/semver/package.json"), "node-semver")
                .getParent().getParent();
        String script = """
                const semver = require('semver');
                const lines = require('fs').readFileSync(0, 'utf8').split('\\n').filter((l) => l.length > 0);
                for (const line of lines) {
                  const [a, b] = line.split('\\t');
                  const va = semver.valid(a) !== null, vb = semver.valid(b) !== null;
                  console.log(`${va && vb ? semver.compare(a, b) : 'x'} ${va ? 1 : 0} ${vb ? 1 : 0}`);
                }
                """;
        List<String[]> pairs = OsvVersions.of("npm").pairs(3000, 7);
        List<String> answers = ReferenceTool.run(List.of(node.toString(), "-e", script),
                Map.of("NODE_PATH", modules.toString()), pairs);
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < pairs.size(); i++) {
            String a = pairs.get(i)[0];
            String b = pairs.get(i)[1];
            String[] f = answers.get(i).split(" ");
            if (!f[0].equals("x")) {
                compared++;
                int ours = Integer.signum(npm.compare(a, b));
                if (ours != Integer.parseInt(f[0])) {
                    mismatches.add(a + " vs " + b + ": node-semver " + f[0] + ", ours " + ours);
                }
            }
            if (npm.isValid(a) != f[1].equals("1") || npm.isValid(b) != f[2].equals("1")) {
                mismatches.add(a + " / " + b + ": validity " + f[1] + f[2]);
            }
        }
        assertThat(compared).as("pairs compared").isGreaterThan(1500);
        assertThat(mismatches).as("disagreements with node-semver").isEmpty();
    }
}
