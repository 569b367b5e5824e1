package io.kensa.match.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The laws of a total order, checked on real versions: compare is reflexive; the versions sort (TimSort refuses
 * some contract violations); and, on every pair of versions at most {@value #WINDOW} apart in the sorted list and on
 * {@value #RANDOM_PAIRS} random pairs, the earlier compares at most equal to the later (transitivity: the order
 * sorting built holds between versions it never compared directly) and compare is antisymmetric.
 */
final class SchemeProperties {
    static final int WINDOW = 64;
    static final int RANDOM_PAIRS = 300_000;

    private SchemeProperties() {
    }

    static void assertTotalOrder(VersionScheme scheme, List<String> versions) {
        assertThat(versions).as("real versions to check").hasSizeGreaterThan(500);
        List<String> problems = new ArrayList<>();
        for (String v : versions) {
            if (scheme.compare(v, v) != 0) {
                problems.add("not reflexive: " + v);
            }
        }
        List<String> sorted = new ArrayList<>(versions);
        try {
            sorted.sort(scheme::compare);
        } catch (IllegalArgumentException e) {
            problems.add("cannot be sorted: " + e.getMessage());
        }
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size() && j <= i + WINDOW; j++) {
                check(scheme, sorted.get(i), sorted.get(j), problems);
            }
        }
        Random random = new Random(versions.size());
        for (int k = 0; k < RANDOM_PAIRS && problems.size() < 20; k++) {
            int i = random.nextInt(sorted.size());
            int j = random.nextInt(sorted.size());
            check(scheme, sorted.get(Math.min(i, j)), sorted.get(Math.max(i, j)), problems);
        }
        assertThat(problems).as(scheme.name() + " on " + versions.size() + " versions").isEmpty();
    }

    private static void check(VersionScheme scheme, String earlier, String later, List<String> problems) {
        if (problems.size() >= 20) {
            return;
        }
        int c = scheme.compare(earlier, later);
        if (c > 0) {
            problems.add("not transitive: sorted " + earlier + " before " + later + " yet compares after it");
        }
        if (Integer.signum(scheme.compare(later, earlier)) != -Integer.signum(c)) {
            problems.add("not antisymmetric: " + earlier + " vs " + later);
        }
    }
}
