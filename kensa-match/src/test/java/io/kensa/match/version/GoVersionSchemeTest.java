package io.kensa.match.version;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class GoVersionSchemeTest {
    private final VersionScheme go = new GoVersionScheme();

    @TestFactory
    Stream<DynamicTest> spellings() {
        return new VersionCases(go)
                .equal("OSV writes no v, Go does", "1.2.3", "v1.2.3")
                .equal("the toolchain's go prefix", "go1.19.8", "1.19.8")
                .equal("the toolchain's go prefix", "go1.19.8", "v1.19.8")
                .equal("a toolchain release candidate is vulndb's semver prerelease", "go1.21rc2", "1.21.0-rc.2")
                .equal("as Kensa's inventory spells it", "1.21rc2", "1.21.0-rc.2")
                .equal("a toolchain beta", "go1.9beta1", "1.9.0-beta.1")
                .equal("a toolchain tag without patch is .0", "go1.20", "1.20.0")
                .equal("go1 is 1.0.0", "go1", "1.0.0")
                .equal("anything after a space is not the version", "go1.22.3 X:boringcrypto", "1.22.3")
                .equal("x/mod/semver's shorthand vN.N", "v1.2", "v1.2.0")
                .equal("x/mod/semver's shorthand vN", "v1", "v1.0.0")
                .equal("OSV's introduced 0", "0", "0.0.0")
                .equal("+incompatible is build metadata", "v2.0.0+incompatible", "v2.0.0")
                .equal("build metadata is ignored", "1.0.0-rc.1+a", "1.0.0-rc.1+b")
                .tests();
    }

    @TestFactory
    Stream<DynamicTest> ordering() {
        return new VersionCases(go)
                .ascending("toolchain betas and release candidates before the release", "go1.21beta1", "go1.21rc1",
                        "go1.21rc2", "go1.21.0", "go1.21.1", "1.21.10")
                .less("vulndb's stdlib range start 1.20.0-0 is before 1.20's first candidate", "1.20.0-0", "go1.20rc1")
                .less("toolchain minor numerically", "go1.9", "go1.10")
                .ascending("pseudo-versions order as the prereleases they are",
                        "v0.0.0-20191109021931-daa7c04131f5", "v0.0.0-20200131131040-063a3fb69896", "v0.0.1",
                        "v1.2.3", "v1.2.4-0.20191109021931-daa7c04131f5", "v1.2.4")
                .less("a pre.0 pseudo-version is after its prerelease", "v1.2.3-pre", "v1.2.3-pre.0.20191109021931-daa7c04131f5")
                .less("a pre.0 pseudo-version is before the next prerelease", "v1.2.3-pre.0.20191109021931-daa7c04131f5", "v1.2.3-pre.1")
                .less("rc8 pseudo-version (runc's)", "1.0.0-rc8", "1.0.0-rc8.0.20190930145003-cad42f6e0932")
                .less("rc8 pseudo-version before rc9", "1.0.0-rc8.0.20190930145003-cad42f6e0932", "1.0.0-rc9")
                .less("+incompatible majors order by number", "v2.7.0-rc.0+incompatible", "v2.7.0+incompatible")
                .less("numbers of any size", "v1.99999999999999999998.0", "v1.99999999999999999999.0")
                .less("an invalid version is before every valid one", "v1.2.3.4", "v0.0.0")
                .less("an invalid version is before every valid one", "devel", "0")
                .valid("Go and OSV spellings", "v1.2.3", "1.2.3", "v1", "v1.2", "go1.21rc2", "1.21rc2", "go1.19",
                        "v0.0.0-20191109021931-daa7c04131f5", "v2.0.0+incompatible", "0")
                .invalid("not a Go version", "", "v1.2.3.4", "v01.2.3", "v1.2-pre", "v1.2.3-01", "V1.2.3", "go",
                        "go1.21rc", "go1.21alpha1", "devel", "vgo1.2")
                .tests();
    }

    @Test
    void isATotalOrderOnRealGoVersions() {
        SchemeProperties.assertTotalOrder(go, OsvVersions.of("Go").sample(3000, 17));
    }

    /**
     * Against {@code golang.org/x/mod/semver}, the go command's own comparison: Debian's golang source package
     * ships it in the go command's vendor tree, compiled here in GOPATH mode (no module download). OSV's versions
     * (no {@code v}) against the same with {@code v}: x/mod/semver requires it.
     */
    @Test
    void agreesWithGoModSemverOnRealGoVersions(@TempDir Path dir) throws IOException {
        Path goTool = ReferenceTool.require("go", "golang-go");
        String goroot = ReferenceTool.exec(List.of(goTool.toString(), "env", "GOROOT"), Map.of(), List.of()).getFirst();
        Path semver = ReferenceTool.requireFile(Path.of(goroot, "src/cmd/vendor/golang.org/x/mod/semver"), "golang-go");
        Files.createDirectories(dir.resolve("src/golang.org/x/mod"));
        Path link = Files.createSymbolicLink(dir.resolve("src/golang.org/x/mod/semver"), semver);
        try {
            crossCheck(goTool, dir);
        } finally {
            Files.delete(link);
        }
    }

    private void crossCheck(Path goTool, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("src/oracle"));
        Files.writeString(dir.resolve("src/oracle/main.go"), """
                package main

                import (
                	"bufio"
                	"fmt"
                	"os"
                	"strings"

                	"golang.org/x/mod/semver"
                )

                func main() {
                	in := bufio.NewScanner(os.Stdin)
                	for in.Scan() {
                		f := strings.Split(in.Text(), "\\t")
                		a, b := "v"+f[0], "v"+f[1]
                		fmt.Println(semver.Compare(a, b), semver.IsValid(a), semver.IsValid(b))
                	}
                }
                """);
        Map<String, String> env = Map.of("GOPATH", dir.toString(), "GO111MODULE", "off", "GOFLAGS", "",
                "GOCACHE", dir.resolve("cache").toString());
        ReferenceTool.exec(List.of(goTool.toString(), "build", "-o", dir.resolve("oracle").toString(), "oracle"), env,
                List.of());
        List<String[]> pairs = OsvVersions.of("Go").pairs(3000, 17);
        List<String> answers = ReferenceTool.run(List.of(dir.resolve("oracle").toString()), Map.of(), pairs);
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < pairs.size(); i++) {
            String a = pairs.get(i)[0];
            String b = pairs.get(i)[1];
            String[] f = answers.get(i).split(" ");
            boolean va = Boolean.parseBoolean(f[1]);
            boolean vb = Boolean.parseBoolean(f[2]);
            if (va || vb) {
                compared++;
                int ours = Integer.signum(go.compare(a, b));
                int goSign = Integer.parseInt(f[0]);
                if (ours != goSign) {
                    mismatches.add(a + " vs " + b + ": x/mod/semver " + goSign + ", ours " + ours);
                }
            }
            if (go.isValid(a) != va || go.isValid(b) != vb) {
                mismatches.add(a + " / " + b + ": validity " + va + " " + vb);
            }
        }
        assertThat(compared).as("pairs compared").isGreaterThan(1500);
        assertThat(mismatches).as("disagreements with golang.org/x/mod/semver").isEmpty();
    }
}
