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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our rpm ordering against the rpm library itself: {@code rpm.vercmp} of rpm's embedded Lua (Debian's {@code rpm}
 * package), all pairs in one Lua chunk. Pairs: the versions of the rpm corpus images (SLES, CBL-Mariner, UBI)
 * against the Red Hat OSV versions of the same packages, and neighbouring Red Hat versions of every package.
 */
class RpmAgainstRpmTest {
    private final RpmVersionScheme rpm = new RpmVersionScheme();

    @Test
    void corpusPairsOrderAsRpmOrdersThem(@TempDir Path dir) throws IOException {
        SortedMap<String, SortedSet<String>> installed = OsVersionCorpus.installed(OsVersionCorpus.RPM_IMAGES);
        SortedMap<String, SortedSet<String>> redhat = OsVersionCorpus.osvVersions("RedHat", "Red Hat");
        List<List<String>> pairs = OsVersionCorpus.pairs(installed, redhat, 4000);
        assertThat(pairs).hasSizeGreaterThan(3000);
        long withModule = pairs.stream().filter(p -> p.get(1).contains(".module+")).count();
        assertThat(withModule).as("pairs with module releases").isGreaterThan(100);

        List<String> results = rpmVercmp(dir, pairs);
        List<String> disagreements = new ArrayList<>();
        int notEqual = 0;
        for (int i = 0; i < pairs.size(); i++) {
            String a = pairs.get(i).get(0);
            String b = pairs.get(i).get(1);
            String ours = Integer.toString(Integer.signum(rpm.compare(a, b)));
            if (!ours.equals(results.get(i))) {
                disagreements.add(a + " vs " + b + ": ours " + ours + ", rpm " + results.get(i));
            }
            notEqual += ours.equals("0") ? 0 : 1;
        }
        assertThat(disagreements).isEmpty();
        assertThat(notEqual).isGreaterThan(pairs.size() / 2);
    }

    @Test
    void installedVersionsAgainstEachOtherOrderAsRpm(@TempDir Path dir) throws IOException {
        // every installed version against every other one of the same image: epochs, cm2/SUSE/el8 releases
        List<List<String>> pairs = new ArrayList<>();
        for (String image : OsVersionCorpus.RPM_IMAGES) {
            List<String> versions = OsVersionCorpus.installed(List.of(image)).values().stream()
                    .flatMap(SortedSet::stream).distinct().toList();
            for (int i = 0; i < versions.size(); i++) {
                for (int j = i + 1; j < versions.size(); j += 7) {
                    pairs.add(List.of(versions.get(i), versions.get(j)));
                }
            }
        }
        assertThat(pairs).hasSizeGreaterThan(500);
        List<String> results = rpmVercmp(dir, pairs);
        for (int i = 0; i < pairs.size(); i++) {
            assertThat(Integer.toString(Integer.signum(rpm.compare(pairs.get(i).get(0), pairs.get(i).get(1)))))
                    .as("%s vs %s", pairs.get(i).get(0), pairs.get(i).get(1)).isEqualTo(results.get(i));
        }
    }

    @Test
    void theTableCasesAreWhatRpmSaysAndRpmRefusesTheEmptyString(@TempDir Path dir) throws IOException {
        List<OrderCase> cases = RpmVersionSchemeTest.CASES;
        List<List<String>> pairs = new ArrayList<>();
        for (OrderCase c : cases) {
            pairs.add(List.of(c.a(), c.b()));
            pairs.add(List.of(c.b(), c.a()));
        }
        List<String> results = rpmVercmp(dir, pairs);
        for (int i = 0; i < cases.size(); i++) {
            OrderCase c = cases.get(i);
            assertThat(results.get(2 * i)).as(c.toString()).isEqualTo(Integer.toString(c.expectedSign()));
            assertThat(results.get(2 * i + 1)).as("reversed " + c).isEqualTo(Integer.toString(-c.expectedSign()));
        }
        List<List<String>> fallback = RpmVersionSchemeTest.FALLBACK_CASES.stream()
                .map(c -> List.of(c.a(), c.b())).toList();
        assertThat(rpmVercmp(dir, fallback)).containsOnly("E");
    }

    /** {@code rpm.vercmp(a, b)} of every pair: "-1", "0", "1", or "E" when rpm refuses a version. */
    private static List<String> rpmVercmp(Path dir, List<List<String>> pairs) throws IOException {
        StringBuilder lua = new StringBuilder("local p = {\n");
        for (List<String> pair : pairs) {
            lua.append('{').append(luaString(pair.get(0))).append(", ").append(luaString(pair.get(1))).append("},\n");
        }
        lua.append("""
                }
                local out = {}
                for i, x in ipairs(p) do
                  local ok, r = pcall(rpm.vercmp, x[1], x[2])
                  out[i] = ok and tostring(r) or "E"
                end
                print(table.concat(out, " "))
                """);
        Path chunk = Files.createTempFile(dir, "vercmp", ".lua");
        Files.writeString(chunk, lua, StandardCharsets.UTF_8);
        assertThat(chunk.toString()).doesNotContain("'");
        String out = Tools.run(dir, "rpm", "--eval", "%{lua: dofile('" + chunk + "')}").strip();
        List<String> results = List.of(out.split(" "));
        assertThat(results).as("rpm output: %s", out).hasSize(pairs.size());
        return results;
    }

    /** A Lua string literal of the UTF-8 bytes of {@code s}, every byte other than [A-Za-z0-9._+~^:-] escaped. */
    private static String luaString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "._+~^:-".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append(String.format("\\%03d", c));
            }
        }
        return b.append('"').toString();
    }

    @Test
    void luaStringsEscapeEverythingElse() {
        assertThat(luaString("1.0-1")).isEqualTo("\"1.0-1\"");
        assertThat(luaString("a\"b é")).isEqualTo("\"a\\034b\\032\\195\\169\"");
    }
}
