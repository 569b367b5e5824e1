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

class CargoVersionSchemeTest {
    private final VersionScheme cargo = new CargoVersionScheme();

    @TestFactory
    Stream<DynamicTest> ordering() {
        return new VersionCases(cargo)
                .ascending("SemVer 2.0.0's own precedence example", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
                        "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0")
                .ascending("major, minor, patch numerically", "0.9.0", "0.10.0", "0.10.1", "1.0.0")
                .less("numeric prerelease identifiers before alphanumeric ones", "1.0.0-1", "1.0.0-a")
                .less("alphanumeric identifiers in ASCII order", "1.0.0-a10", "1.0.0-a9")
                .less("numbers up to 2^64-1", "18446744073709551614.0.0", "18446744073709551615.0.0")
                .less("build metadata breaks ties: none first", "1.0.0", "1.0.0+build")
                .less("build metadata breaks ties: alphanumeric in ASCII order", "1.0.0+a", "1.0.0+b")
                .less("build metadata breaks ties: numeric numerically", "1.0.0+2", "1.0.0+10")
                .less("build metadata breaks ties: numeric then by leading zeros", "1.0.0+1", "1.0.0+01")
                .less("build metadata breaks ties: numeric before alphanumeric", "1.0.0+9", "1.0.0+a")
                .less("build metadata breaks ties: a longer list later", "1.0.0+1", "1.0.0+1.a")
                .less("build metadata never beats precedence", "1.0.0-rc.1+zzz", "1.0.0+a")
                .less("build metadata never beats precedence", "0.12.20+1.1.0", "0.12.21")
                .equal("OSV's introduced 0 reads as 0.0.0", "0", "0.0.0")
                .equal("GHSA's bare N.N reads as N.N.0", "1.72", "1.72.0")
                .less("an unreadable version is before every valid one", "v1.0.0", "0.0.0")
                .less("an unreadable version is before every valid one", "1.0.0-01", "0.0.0-0")
                .valid("the semver crate's syntax", "1.2.3", "0.0.0", "1.0.0-alpha.1", "1.0.0+01",
                        "0.8.1+zstd.1.5.0", "1.0.0-x-y.0+a-b", "18446744073709551615.0.0")
                .invalid("not the semver crate's syntax", "", "0", "1.72", "v1.2.3", " 1.2.3", "1.2.3 ", "01.2.3",
                        "1.2.3-01", "1.2.3-", "1.2.3+", "1.2.3.4", "18446744073709551616.0.0", "1.2.3-a..b")
                .tests();
    }

    @Test
    void isATotalOrderOnRealCratesIoVersions() {
        SchemeProperties.assertTotalOrder(cargo, OsvVersions.of("crates.io").all());
    }

    /**
     * Against Rust's {@code semver} crate itself ({@code Version::parse} and {@code Ord}): Debian's
     * librust-semver-dev ships its source, compiled here with rustc.
     */
    @Test
    void agreesWithTheSemverCrateOnRealCratesIoVersions(@TempDir Path dir) throws IOException {
        Path rustc = ReferenceTool.require("rustc", "rustc");
        Path registry = ReferenceTool.requireFile(Path.of("/usr/share/cargo/registry"), "librust-semver-dev");
        Path crate;
        try (Stream<Path> dirs = Files.list(registry)) {
            crate = dirs.filter(d -> d.getFileName().toString().startsWith("semver-1."))
                    .filter(d -> Files.isRegularFile(d.resolve("src/lib.rs")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no semver-1.* crate in " + registry
                            + ": install the Debian package librust-semver-dev (listed in .ci/apt-packages.txt)"));
        }
        Path lib = dir.resolve("libsemver.rlib");
        ReferenceTool.exec(List.of(rustc.toString(), "--edition", "2018", "--crate-type", "rlib", "--crate-name",
                "semver", "--cfg", "feature=\"std\"", "--cap-lints", "allow", crate.resolve("src/lib.rs").toString(),
                "-o", lib.toString()), Map.of(), List.of());
        Path main = dir.resolve("main.rs");
        Files.writeString(main, """
                use std::io::BufRead;
                fn main() {
                    let stdin = std::io::stdin();
                    for line in stdin.lock().lines() {
                        let line = line.unwrap();
                        let mut f = line.split('\\t');
                        let a = semver::Version::parse(f.next().unwrap());
                        let b = semver::Version::parse(f.next().unwrap());
                        let sign = match (&a, &b) {
                            (Ok(a), Ok(b)) => (a.cmp(b) as i32).to_string(),
                            _ => "x".to_string(),
                        };
                        println!("{} {} {}", sign, a.is_ok(), b.is_ok());
                    }
                }
                """);
        Path oracle = dir.resolve("oracle");
        ReferenceTool.exec(List.of(rustc.toString(), "--edition", "2018", main.toString(), "--extern",
                "semver=" + lib, "-o", oracle.toString()), Map.of(), List.of());
        List<String[]> pairs = OsvVersions.of("crates.io").pairs(3000, 23);
        List<String> answers = ReferenceTool.run(List.of(oracle.toString()), Map.of(), pairs);
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < pairs.size(); i++) {
            String a = pairs.get(i)[0];
            String b = pairs.get(i)[1];
            String[] f = answers.get(i).split(" ");
            if (!f[0].equals("x")) {
                compared++;
                int ours = Integer.signum(cargo.compare(a, b));
                if (ours != Integer.parseInt(f[0])) {
                    mismatches.add(a + " vs " + b + ": semver crate " + f[0] + ", ours " + ours);
                }
            }
            if (cargo.isValid(a) != Boolean.parseBoolean(f[1]) || cargo.isValid(b) != Boolean.parseBoolean(f[2])) {
                mismatches.add(a + " / " + b + ": validity " + f[1] + " " + f[2]);
            }
        }
        assertThat(compared).as("pairs compared").isGreaterThan(1500);
        assertThat(mismatches).as("disagreements with the semver crate").isEmpty();
    }
}
