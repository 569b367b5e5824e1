package io.kensa.match.version;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The laws of a total order, checked on real versions: compare is reflexive and antisymmetric on every pair, and
 * transitive (after sorting, every earlier version compares at most equal to every later one).
 */
final class SchemeProperties {
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
        for (int i = 0; i < versions.size() && problems.size() < 20; i++) {
            String a = versions.get(i);
            for (int j = i + 1; j < versions.size(); j++) {
                String b = versions.get(j);
                if (Integer.signum(scheme.compare(a, b)) != -Integer.signum(scheme.compare(b, a))) {
                    problems.add("not antisymmetric: " + a + " vs " + b);
                }
            }
        }
        List<String> sorted = new ArrayList<>(versions);
        sorted.sort(scheme::compare);
        for (int i = 0; i < sorted.size() && problems.size() < 20; i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                if (scheme.compare(sorted.get(i), sorted.get(j)) > 0) {
                    problems.add("not transitive: sorted " + sorted.get(i) + " before " + sorted.get(j)
                            + " yet compares after it");
                    break;
                }
            }
        }
        assertThat(problems).as(scheme.name() + " on " + versions.size() + " versions").isEmpty();
    }
}
