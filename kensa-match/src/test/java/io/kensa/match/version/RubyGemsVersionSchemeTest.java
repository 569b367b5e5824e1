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

class RubyGemsVersionSchemeTest {
    private final VersionScheme gems = new RubyGemsVersionScheme();

    @TestFactory
    Stream<DynamicTest> ordering() {
        return new VersionCases(gems)
                .less("a letter segment makes a prerelease", "1.0.a", "1.0")
                .ascending("prereleases before their release", "2.0.0.alpha", "2.0.0.beta", "2.0.0.rc1", "2.0.0.rc2",
                        "2.0.0", "2.0.0.1", "2.0.1")
                .less("letters and digits split into segments", "1.0.b1", "1.0.b2")
                .less("letters and digits split: numbers numerically", "1.0.0.a9", "1.0.0.a10")
                .less("string segments compare case-sensitively (upper case first)", "1.0.B", "1.0.a")
                .less("numbers numerically", "1.9", "1.10")
                .less("numbers of any size", "99999999999999999998", "99999999999999999999")
                .less("a prerelease is after the previous release", "1.9.9", "2.0.0.pre")
                .equal("trailing zeros are ignored", "1.0", "1.0.0")
                .equal("trailing zeros are ignored", "1", "1.0.0.0")
                .equal("trailing zeros of the part after the first letter are ignored", "1.0.a.0", "1.a")
                .equal("a - is .pre.", "1.0-beta", "1.0.pre.beta")
                .equal("each - is a .pre.", "1.0--a", "1.0.pre.pre.a")
                .equal("a letter right after a number is its own segment", "1.0a", "1.0.a")
                .equal("leading zeros of numbers", "1.01", "1.1")
                .equal("a blank version is 0", "", "0")
                .equal("surrounding whitespace", " 1.0 ", "1")
                .less("an invalid version is before every valid one", "1..0", "0")
                .less("an invalid version is before every valid one", "a", "0.0.0.a")
                .valid("Gem::Version.correct?", "1.0", "1.0.a", "1.0-1", "1.0-a.b-c", "1.0--a", "", "\n1.0\t",
                        "3.2.1.rc2", "1.0a")
                .invalid("not Gem::Version.correct?", "1..0", "1.0.", "a", ".1", "1.0+a", "1.0 a", "1.0_1", "1.0-",
                        "1.0-a..b", "-1")
                .tests();
    }

    @Test
    void isATotalOrderOnRealRubyGemsVersions() {
        SchemeProperties.assertTotalOrder(gems, OsvVersions.of("RubyGems").all());
    }

    /** Against RubyGems itself ({@code Gem::Version}, Debian's ruby). */
    @Test
    void agreesWithGemVersionOnRealRubyGemsVersions() {
        Path ruby = ReferenceTool.require("ruby", "ruby");
        String script = """
                STDIN.each_line do |line|
                  a, b = line.chomp.split("\\t", -1)
                  va, vb = Gem::Version.correct?(a), Gem::Version.correct?(b)
                  sign = va && vb ? (Gem::Version.new(a) <=> Gem::Version.new(b)) : "x"
                  puts "#{sign} #{va} #{vb}"
                end
                """;
        List<String[]> pairs = OsvVersions.of("RubyGems").pairs(3000, 31);
        List<String> answers = ReferenceTool.run(List.of(ruby.toString(), "-e", script), Map.of(), pairs);
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < pairs.size(); i++) {
            String a = pairs.get(i)[0];
            String b = pairs.get(i)[1];
            String[] f = answers.get(i).split(" ");
            if (!f[0].equals("x")) {
                compared++;
                int ours = Integer.signum(gems.compare(a, b));
                if (ours != Integer.parseInt(f[0])) {
                    mismatches.add(a + " vs " + b + ": Gem::Version " + f[0] + ", ours " + ours);
                }
            }
            if (gems.isValid(a) != Boolean.parseBoolean(f[1]) || gems.isValid(b) != Boolean.parseBoolean(f[2])) {
                mismatches.add(a + " / " + b + ": validity " + f[1] + " " + f[2]);
            }
        }
        assertThat(compared).as("pairs compared").isGreaterThan(1500);
        assertThat(mismatches).as("disagreements with Gem::Version").isEmpty();
    }
}
