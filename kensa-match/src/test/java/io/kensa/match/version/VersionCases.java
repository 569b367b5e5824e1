package io.kensa.match.version;

import org.junit.jupiter.api.DynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A table of named cases for one scheme, each a dynamic test checking both directions of a comparison. */
final class VersionCases {
    private final VersionScheme scheme;
    private final List<DynamicTest> tests = new ArrayList<>();

    VersionCases(VersionScheme scheme) {
        this.scheme = scheme;
    }

    /** {@code a} sorts before {@code b}. */
    VersionCases less(String name, String a, String b) {
        tests.add(DynamicTest.dynamicTest(name + ": " + a + " < " + b, () -> assertLess(a, b)));
        return this;
    }

    /** {@code a} and {@code b} are the same version. */
    VersionCases equal(String name, String a, String b) {
        tests.add(DynamicTest.dynamicTest(name + ": " + a + " == " + b, () -> {
            assertThat(scheme.compare(a, b)).as("compare(%s, %s)", a, b).isZero();
            assertThat(scheme.compare(b, a)).as("compare(%s, %s)", b, a).isZero();
        }));
        return this;
    }

    /** Each version sorts strictly before every later one. */
    VersionCases ascending(String name, String... versions) {
        tests.add(DynamicTest.dynamicTest(name + ": " + String.join(" < ", versions), () -> {
            for (int i = 0; i < versions.length; i++) {
                assertThat(scheme.compare(versions[i], versions[i])).as("compare(%s, itself)", versions[i]).isZero();
                for (int j = i + 1; j < versions.length; j++) {
                    assertLess(versions[i], versions[j]);
                }
            }
        }));
        return this;
    }

    VersionCases valid(String name, String... versions) {
        tests.add(DynamicTest.dynamicTest(name + ": valid " + String.join(" ", versions), () -> {
            for (String v : versions) {
                assertThat(scheme.isValid(v)).as("isValid(%s)", v).isTrue();
            }
        }));
        return this;
    }

    VersionCases invalid(String name, String... versions) {
        tests.add(DynamicTest.dynamicTest(name + ": invalid " + String.join(" ", versions), () -> {
            for (String v : versions) {
                assertThat(scheme.isValid(v)).as("isValid(%s)", v).isFalse();
            }
        }));
        return this;
    }

    Stream<DynamicTest> tests() {
        return tests.stream();
    }

    private void assertLess(String a, String b) {
        assertThat(scheme.compare(a, b)).as("compare(%s, %s)", a, b).isNegative();
        assertThat(scheme.compare(b, a)).as("compare(%s, %s)", b, a).isPositive();
    }
}
