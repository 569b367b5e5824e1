package io.kensa.db.feed.rubysec;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Gem::Version's ordering and bump, on the cases RubyGems documents and tests. */
class GemVersionTest {

    private static int cmp(String a, String b) {
        return GemVersion.parse(a).compareTo(GemVersion.parse(b));
    }

    @Test
    void trailingZerosDoNotCount() {
        assertThat(cmp("1.0", "1")).isZero();
        assertThat(cmp("1.0.0", "1.0")).isZero();
        assertThat(cmp("1.0.a", "1.0.0.a")).isZero();
        assertThat(cmp("1.0.a", "1.a")).as("zeros before the first letter are dropped").isZero();
        assertThat(GemVersion.parse("1.0")).isEqualTo(GemVersion.parse("1")).hasSameHashCodeAs(GemVersion.parse("1"));
    }

    @Test
    void prereleasesSortBeforeTheirRelease() {
        List<String> ascending = List.of("0.beta.1", "0.0.beta.2", "0.0.1", "1.0.a", "1.0.b1", "1.0.b2",
                "1.0.b10", "1.0.0-alpha", "1.0.0.pre.beta", "1.0.rc1", "1.0", "1.0.0.1", "1.0.1.a", "1.0.1", "1.2.9", "1.10",
                "5.a", "5.0.0.rc2", "5.x", "5");
        for (int i = 0; i + 1 < ascending.size(); i++) {
            assertThat(cmp(ascending.get(i), ascending.get(i + 1))).as(ascending.get(i) + " < " + ascending.get(i + 1))
                    .isNegative();
            assertThat(cmp(ascending.get(i + 1), ascending.get(i))).isPositive();
        }
        assertThat(cmp("1.0.0-alpha", "1.0.0.pre.alpha")).as("'-' reads as .pre.").isZero();
        assertThat(GemVersion.parse("2.0.0-alpha").isPrerelease()).isTrue();
        assertThat(GemVersion.parse("2.0.0").isPrerelease()).isFalse();
    }

    @Test
    void numbersOfAnyLengthCompareAsNumbers() {
        assertThat(cmp("20240101000000000000001", "20240101000000000000002")).isNegative();
        assertThat(cmp("1.09", "1.9")).isZero();
    }

    @Test
    void bumpIsTheUpperEndOfThePessimisticOperator() {
        assertThat(GemVersion.parse("5.2.4").bump()).hasToString("5.3");
        assertThat(GemVersion.parse("1.2").bump()).hasToString("2");
        assertThat(GemVersion.parse("1").bump()).hasToString("2");
        assertThat(GemVersion.parse("1.2.3.4").bump()).hasToString("1.2.4");
        assertThat(GemVersion.parse("1.2.3.beta.4").bump()).hasToString("1.3");
        assertThat(GemVersion.parse("2.0.0-alpha").bump()).hasToString("2.1");
    }

    @Test
    void whatIsNoVersion() {
        assertThat(GemVersion.isValid("1.2.3")).isTrue();
        assertThat(GemVersion.isValid(" 1.2.3 ")).isTrue();
        assertThat(GemVersion.isValid("2.0.0-alpha")).isTrue();
        assertThat(GemVersion.isValid("junk")).isFalse();
        assertThat(GemVersion.isValid("1.2 3")).isFalse();
        assertThat(GemVersion.isValid("1..2")).isFalse();
        assertThatThrownBy(() -> GemVersion.parse("v1.0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'v1.0' is not a RubyGems version");
    }
}
