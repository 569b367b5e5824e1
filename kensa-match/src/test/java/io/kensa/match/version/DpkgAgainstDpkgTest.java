package io.kensa.match.version;

import io.kensa.image.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our dpkg ordering against dpkg itself ({@code dpkg --compare-versions}, {@code dpkg --validate-version}), on the
 * versions of the Debian and Ubuntu corpus images and the Debian OSV versions of the same source packages.
 */
class DpkgAgainstDpkgTest {
    private static final char SEP = '\u001f';
    /**
     * One line per request: {@code C a b} prints dpkg's relation ({@code <}, {@code =}, {@code >}, or {@code E} when
     * dpkg refuses a version); {@code V v} prints {@code --validate-version}'s exit code.
     */
    private static final String SCRIPT = """
            while IFS=$'\\x1f' read -r op a b; do
              if [ "$op" = V ]; then
                dpkg --validate-version -- "$a" >/dev/null 2>&1; echo "$?"
                continue
              fi
              dpkg --compare-versions -- "$a" lt "$b" 2>/dev/null; lt=$?
              dpkg --compare-versions -- "$a" gt "$b" 2>/dev/null; gt=$?
              if [ $lt -gt 1 ] || [ $gt -gt 1 ]; then echo E
              elif [ $lt -eq 0 ]; then echo '<'
              elif [ $gt -eq 0 ]; then echo '>'
              else echo '='
              fi
            done < "$1"
            """;

    private final DpkgVersionScheme dpkg = new DpkgVersionScheme();

    @Test
    void corpusPairsOrderAsDpkgOrdersThem(@TempDir Path dir) throws IOException {
        SortedMap<String, SortedSet<String>> installed = OsVersionCorpus.installed(OsVersionCorpus.DEBIAN_IMAGES);
        SortedMap<String, SortedSet<String>> debian = OsVersionCorpus.osvVersions("Debian", "Debian:");
        List<List<String>> pairs = OsVersionCorpus.pairs(installed, debian, 1500);
        assertThat(pairs).hasSizeGreaterThan(1000);

        List<String> relations = dpkgCompare(dir, pairs);
        List<String> disagreements = new ArrayList<>();
        int lessOrGreater = 0;
        for (int i = 0; i < pairs.size(); i++) {
            String a = pairs.get(i).get(0);
            String b = pairs.get(i).get(1);
            assertThat(relations.get(i)).as("dpkg refused %s or %s", a, b).isNotEqualTo("E");
            String ours = relation(dpkg.compare(a, b));
            if (!ours.equals(relations.get(i))) {
                disagreements.add(a + " " + ours + " " + b + " but dpkg says " + relations.get(i));
            }
            lessOrGreater += ours.equals("=") ? 0 : 1;
        }
        assertThat(disagreements).isEmpty();
        assertThat(lessOrGreater).as("pairs that are not equal").isGreaterThan(pairs.size() / 2);
    }

    @Test
    void theTableCasesAreWhatDpkgSaysAndTheFallbackCasesAreRefusedByDpkg(@TempDir Path dir) throws IOException {
        List<OrderCase> cases = DpkgVersionSchemeTest.CASES;
        List<String> relations = dpkgCompare(dir, cases.stream().map(c -> List.of(c.a(), c.b())).toList());
        for (int i = 0; i < cases.size(); i++) {
            assertThat(relations.get(i)).as(cases.get(i).toString()).isEqualTo(cases.get(i).relation());
        }
        List<OrderCase> fallback = DpkgVersionSchemeTest.FALLBACK_CASES;
        relations = dpkgCompare(dir, fallback.stream().map(c -> List.of(c.a(), c.b())).toList());
        for (int i = 0; i < fallback.size(); i++) {
            assertThat(relations.get(i)).as(fallback.get(i).toString()).isEqualTo("E");
        }
    }

    @Test
    void isValidAgreesWithDpkgValidateVersion(@TempDir Path dir) throws IOException {
        SortedSet<String> versions = new TreeSet<>();
        OsVersionCorpus.installed(OsVersionCorpus.DEBIAN_IMAGES).values().forEach(versions::addAll);
        OsVersionCorpus.osvVersions("Debian", "Debian:").values().stream().limit(200).forEach(versions::addAll);
        versions.addAll(DpkgVersionSchemeTest.VALID);
        versions.addAll(DpkgVersionSchemeTest.INVALID);
        versions.remove("");  // --validate-version of an empty argument is a usage error, not a verdict

        List<String> requests = versions.stream().map(v -> "V" + SEP + v).toList();
        List<String> codes = run(dir, requests);
        List<String> disagreements = new ArrayList<>();
        int i = 0;
        for (String v : versions) {
            boolean dpkgValid = codes.get(i++).equals("0");
            if (dpkg.isValid(v) != dpkgValid) {
                disagreements.add("'" + v + "' dpkg valid=" + dpkgValid);
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(versions).hasSizeGreaterThan(500);
    }

    private static List<String> dpkgCompare(Path dir, List<List<String>> pairs) throws IOException {
        return run(dir, pairs.stream().map(p -> "C" + SEP + p.get(0) + SEP + p.get(1)).toList());
    }

    private static List<String> run(Path dir, List<String> requests) throws IOException {
        for (String r : requests) {
            assertThat(r).doesNotContain("\n");
        }
        Tools.run(dir, "dpkg", "--version");  // a missing dpkg fails here, with its name
        Path input = Files.createTempFile(dir, "requests", ".txt");
        Files.write(input, requests, StandardCharsets.UTF_8);
        Path script = dir.resolve("dpkg-batch.sh");
        Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
        List<String> lines = Tools.run(dir, "bash", script.toString(), input.toString()).lines().toList();
        assertThat(lines).hasSize(requests.size());
        return lines;
    }

    private static String relation(int sign) {
        return sign < 0 ? "<" : sign == 0 ? "=" : ">";
    }
}
