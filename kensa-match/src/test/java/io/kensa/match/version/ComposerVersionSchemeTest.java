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

class ComposerVersionSchemeTest {
    private final VersionScheme composer = new ComposerVersionScheme();

    /** Spellings whose normal form is checked here and, with every pair of them, against composer/semver itself. */
    private static final List<String> SPELLINGS = List.of("1.2", "v1.2.3", "V1.2.3", "1.0-beta.2", "1.0-b2",
            "1.0.0-RC1", "1.0-rc.1", "1.0-RC", "1.0-pl1", "1.0-p1", "1.0-patch1", "1.0.0-p", "1.0-stable", "1.0-STABLE",
            "1.0-dev", "1.0dev", "1.0-beta1-dev", "1.0-beta.dev", "1.0-a.dev", "1.0-alpha1.2.3", "1.0-beta-1",
            "1.0_rc1", "1.0.rc1", "v1.0-Beta1", "1.0-beta1.2-dev", "1.0.x-dev", "1.x-dev", "2.1.*-dev", "v3.dev",
            "1.2.3.4-dev", "dev-master", "master", "trunk", "DEV-foo", "dev-feature/x", "2010-01-02", "20100102",
            "2010.01.02", "2010-01-02-1", "20100102203040", "20100102.1", "201001021230451234", "2010-01-02-beta1",
            "1.0.", "1.0-", "12345", "123456", "1.01", "00001", "2023.10", "1.0+build", "1.0 as 2.0", "1.0@dev",
            " 1.0 ", "1.0.0.0.0", "1.5.7c", "1.3.0r1", "2.1.0-dev1", "3.20-test2", "6.0.0-GM", "1.0-beta1-beta2",
            "123456.1", "1234567.1", "latest", "", "-", ".", "-beta1", "_1.0", "1.0 beta", "1.0.0.0.0-", "=1.0");

    @TestFactory
    Stream<DynamicTest> normalisation() {
        return Stream.of(
                        new String[] {"1.2", "1.2.0.0"}, new String[] {"v1.2.3", "1.2.3.0"},
                        new String[] {"1.0-beta.2", "1.0.0.0-beta2"}, new String[] {"1.0-b2", "1.0.0.0-beta2"},
                        new String[] {"1.0-rc.1", "1.0.0.0-RC1"}, new String[] {"1.0-pl1", "1.0.0.0-patch1"},
                        new String[] {"1.0-p1", "1.0.0.0-patch1"}, new String[] {"1.0-stable", "1.0.0.0"},
                        new String[] {"1.0-STABLE", "1.0.0.0-stable"}, new String[] {"1.0dev", "1.0.0.0-dev"},
                        new String[] {"1.0-beta.dev", "1.0.0.0-beta-dev"}, new String[] {"1.x-dev", "1.9999999.9999999.9999999-dev"},
                        new String[] {"2.1.*-dev", "2.1.9999999.9999999-dev"}, new String[] {"master", "dev-master"},
                        new String[] {"DEV-foo", "dev-foo"}, new String[] {"2010-01-02", "2010.01.02"},
                        new String[] {"2010-01-02-1", "2010.01.02.1"}, new String[] {"2010.01.02", "2010.01.02.0"},
                        new String[] {"1.0.", "1.0.0.0"}, new String[] {"123456", "123456"},
                        new String[] {"12345", "12345.0.0.0"}, new String[] {"1.0+build", "1.0.0.0"},
                        new String[] {"1.0 as 2.0", "1.0.0.0"}, new String[] {"1.0@dev", "1.0.0.0"},
                        new String[] {" 1.0 ", "1.0.0.0"}, new String[] {"1.0-alpha1.2.3", "1.0.0.0-alpha1.2.3"},
                        new String[] {"1.0.0.0.0", null}, new String[] {"1.5.7c", null}, new String[] {"3.20-test2", null},
                        new String[] {"latest", null})
                .map(c -> DynamicTest.dynamicTest(c[0] + " → " + c[1],
                        () -> assertThat(ComposerVersionNormalizer.normalize(c[0])).isEqualTo(c[1])));
    }

    @TestFactory
    Stream<DynamicTest> ordering() {
        return new VersionCases(composer)
                .ascending("stabilities: dev < alpha < beta < RC < stable < patch", "1.0-dev", "1.0-alpha1", "1.0-beta1",
                        "1.0-RC1", "1.0", "1.0-pl1", "1.0.1-dev", "1.0.1")
                .equal("4-part normalisation", "1.2", "1.2.0.0")
                .equal("v prefix", "v1.2.3", "1.2.3")
                .equal("-stable is the release", "1.0-stable", "1.0")
                .equal("a and alpha", "1.0-a1", "1.0-alpha1")
                .equal("b and beta, with separators", "1.0.b.2", "1.0-beta2")
                .equal("rc in any case", "1.0-rc1", "1.0-RC1")
                .equal("p, pl and patch", "1.0-p2", "1.0-patch2")
                .equal("leading zeros count numerically", "1.01", "1.1")
                .equal("build metadata is dropped", "1.0+build.5", "1.0")
                .less("numbers numerically", "1.9", "1.10")
                .less("a numbered stability is after the bare one", "1.0-beta", "1.0-beta1")
                .less("the dev of a prerelease is before it", "1.0-beta1-dev", "1.0-beta1")
                .less("a numeric branch is after the releases it continues", "1.5.3", "1.x-dev")
                .less("dev-branches sort before everything numeric", "dev-master", "0.0.1-dev")
                .less("dev-branches among themselves (version_compare, rank of the first word)", "dev-foo", "dev-bar")
                .less("dev-branches of equal rank by name", "dev-feature", "dev-main")
                .less("date versions numerically", "2010-01-02", "2010-01-10")
                .less("a version Composer rejects compares as written", "1.3.0r1", "1.3.0")
                .less("a version Composer rejects compares as written", "1.2.9", "1.3.0r1")
                .less("a version Composer rejects: an unknown word is before dev", "3.20-test2", "3.20-dev")
                .less("a rejected version ending in a separator is before its prefix", "1.0.0.0.0-", "1.0.0.0.0")
                .less("a rejected version ending in a separator is before its prefix", "1.0.0.0.0-", "1.0.0.0.0-dev")
                .equal("two rejected versions ending in a separator (PHP: each before the other)", "1.0.0.0.0-", "1.0.0.0.0.")
                .less("a first character that is not alphanumeric starts an unknown word", "-beta1", "dev-master")
                .less("the empty string is before everything", "", "-")
                .valid("composer/semver's normalize accepts", SPELLINGS.stream()
                        .filter(s -> ComposerVersionNormalizer.normalize(s) != null).toArray(String[]::new))
                .invalid("composer/semver's normalize rejects", "1.0.0.0.0", "1.5.7c", "1.3.0r1", "2.1.0-dev1",
                        "3.20-test2", "6.0.0-GM", "latest", "", "1234567.1", "1.0-beta1-beta2", "feature-dev")
                .tests();
    }

    @Test
    void isATotalOrderOnRealPackagistVersions() {
        SchemeProperties.assertTotalOrder(composer, OsvVersions.of("Packagist").sample(3000, 53));
    }

    /**
     * Against composer/semver itself (Debian's php-composer-semver, run by php-cli): its {@code normalize} must
     * give our normal form (or reject the same versions), and PHP's {@code version_compare} on the normal forms
     * (on the trimmed string for a rejected version) must give our sign. Where {@code version_compare} says equal,
     * ours may only differ by the documented tie-break on words.
     */
    @Test
    void agreesWithComposerSemverOnRealPackagistVersions() {
        Path php = ReferenceTool.require("php", "php-cli");
        Path autoload = ReferenceTool.requireFile(Path.of("/usr/share/php/Composer/Semver/autoload.php"),
                "php-composer-semver");
        String script = """
                require '%s';
                $parser = new Composer\\Semver\\VersionParser();
                $norm = function ($v) use ($parser) {
                    try { return $parser->normalize($v); } catch (UnexpectedValueException $e) { return null; }
                };
                while (($line = fgets(STDIN)) !== false) {
                    [$a, $b] = explode("\\t", rtrim($line, "\\n"));
                    $na = $norm($a); $nb = $norm($b);
                    $sign = version_compare($na ?? trim($a), $nb ?? trim($b));
                    echo $sign, "\\t", $na ?? '!', "\\t", $nb ?? '!', "\\n";
                }
                """.formatted(autoload);
        List<String[]> pairs = new ArrayList<>(OsvVersions.of("Packagist").pairs(3000, 53));
        for (String a : SPELLINGS) {
            for (String b : SPELLINGS) {
                if (!a.contains("\t") && !b.contains("\t")) {
                    pairs.add(new String[] {a, b});
                }
            }
        }
        List<String> answers = ReferenceTool.run(List.of(php.toString(), "-r", script), Map.of(), pairs);
        List<String> mismatches = new ArrayList<>();
        int ordered = 0;
        for (int i = 0; i < pairs.size() && mismatches.size() < 50; i++) {
            String a = pairs.get(i)[0];
            String b = pairs.get(i)[1];
            String[] f = answers.get(i).split("\t", -1);
            int phpSign = Integer.parseInt(f[0]);
            int ours = Integer.signum(composer.compare(a, b));
            String na = ComposerVersionNormalizer.normalize(a);
            String nb = ComposerVersionNormalizer.normalize(b);
            if (!f[1].equals(na == null ? "!" : na) || !f[2].equals(nb == null ? "!" : nb)) {
                mismatches.add(a + " / " + b + ": normalize " + f[1] + " / " + f[2] + ", ours " + na + " / " + nb);
            }
            String ca = ComposerVersionScheme.comparable(a);
            String cb = ComposerVersionScheme.comparable(b);
            if (endsWithSeparator(ca) && endsWithSeparator(cb)) {
                continue; // PHP finds each of two such strings before the other, even a string before itself
            }
            int vc = Integer.signum(PhpVersionCompare.compare(ca, cb));
            if (vc != phpSign) {
                mismatches.add(a + " vs " + b + ": version_compare " + phpSign + ", ours " + vc);
            }
            if (phpSign != 0) {
                ordered++;
                if (ours != phpSign) {
                    mismatches.add(a + " vs " + b + ": composer " + phpSign + ", ours " + ours);
                }
            }
        }
        assertThat(ordered).as("ordered pairs compared").isGreaterThan(1500);
        assertThat(mismatches).as("disagreements with composer/semver").isEmpty();
    }

    private static boolean endsWithSeparator(String s) {
        return !s.isEmpty() && !Character.isLetterOrDigit(s.charAt(s.length() - 1));
    }
}
