package io.kensa.match.version;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each OS scheme is a total order on thousands of real versions (the corpus images' and the advisories'), plus
 * variants of them that break each format (to exercise the fallbacks): sorting succeeds, every adjacent pair and a
 * large sample of far pairs are in order both ways round (antisymmetry, transitivity), and equal runs are equal
 * end to end.
 */
class OsVersionOrderPropertiesTest {
    private static final int FAR_PAIRS = 200_000;

    static Stream<Arguments> schemes() {
        SortedSet<String> deb = new TreeSet<>();
        OsVersionCorpus.installed(OsVersionCorpus.DEBIAN_IMAGES).values().forEach(deb::addAll);
        OsVersionCorpus.osvVersions("Debian", "Debian:").values().forEach(deb::addAll);

        SortedSet<String> rpm = new TreeSet<>();
        OsVersionCorpus.installed(OsVersionCorpus.RPM_IMAGES).values().forEach(rpm::addAll);
        OsVersionCorpus.osvVersions("RedHat", "Red Hat").values().forEach(rpm::addAll);
        OsVersionCorpus.osvVersions("SUSE", "SUSE").values().forEach(rpm::addAll);

        SortedSet<String> apk = new TreeSet<>(OsVersionCorpus.allSecfixes());
        OsVersionCorpus.installed(List.of("alpine311-apk", "wolfi-apk")).values().forEach(apk::addAll);

        return Stream.of(
                Arguments.of(Named.of("dpkg", new DpkgVersionScheme()), withVariants(deb)),
                Arguments.of(Named.of("rpm", new RpmVersionScheme()), withVariants(rpm)),
                Arguments.of(Named.of("apk", new ApkVersionScheme()), withVariants(apk)));
    }

    /** The versions, and for every 20th one a few variants that break or stretch the format. */
    private static List<String> withVariants(SortedSet<String> real) {
        List<String> all = new ArrayList<>(real);
        int i = 0;
        for (String v : real) {
            if (i++ % 20 != 0) {
                continue;
            }
            for (String variant : List.of(v + "~", v + "~~", "~" + v, v + "^", v + "^1", v + "a", v + "_rc1", v + "-",
                    v + "-r0", v + ":x", "x:" + v, v.replace('.', '_'), v.replace('-', '.'), " " + v, v + ".0",
                    "0" + v, v + "~1a2b", v.toUpperCase(), "99999999999999999999" + v)) {
                all.add(variant);
            }
        }
        all.addAll(List.of("", " ", "~", "^", "-", ":", "0", "00", "a", "_", ".", "-r1", "0:", ":0"));
        return all;
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void compareIsATotalOrderOnRealVersions(VersionScheme scheme, List<String> versions) {
        assertThat(versions.size()).as("versions").isGreaterThan(4000);
        List<String> sorted = new ArrayList<>(versions);
        java.util.Collections.shuffle(sorted, new Random(5));
        sorted.sort(scheme::compare);  // TimSort throws on many inconsistent orders

        List<String> problems = new ArrayList<>();
        int runStart = 0;
        for (int i = 0; i + 1 < sorted.size(); i++) {
            check(scheme, sorted.get(i), sorted.get(i + 1), problems);
            if (scheme.compare(sorted.get(i), sorted.get(i + 1)) != 0) {
                if (scheme.compare(sorted.get(runStart), sorted.get(i)) != 0) {
                    problems.add("equal run not equal end to end: " + sorted.get(runStart) + " .. " + sorted.get(i));
                }
                runStart = i + 1;
            }
        }
        Random random = new Random(42);
        for (int n = 0; n < FAR_PAIRS && problems.size() < 20; n++) {
            int i = random.nextInt(sorted.size());
            int j = random.nextInt(sorted.size());
            check(scheme, sorted.get(Math.min(i, j)), sorted.get(Math.max(i, j)), problems);
        }
        for (String v : sorted) {
            if (scheme.compare(v, new String(v.toCharArray())) != 0) {
                problems.add("not equal to itself: " + v);
            }
        }
        assertThat(problems).isEmpty();
    }

    /** {@code low} was sorted before {@code high}: it must not compare greater, and the reverse must agree. */
    private static void check(VersionScheme scheme, String low, String high, List<String> problems) {
        int forward = Integer.signum(scheme.compare(low, high));
        int backward = Integer.signum(scheme.compare(high, low));
        if (forward > 0) {
            problems.add("out of order after sorting: " + low + " > " + high);
        }
        if (forward != -backward) {
            problems.add("not antisymmetric: " + low + " vs " + high + ": " + forward + ", " + backward);
        }
    }
}
