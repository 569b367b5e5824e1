package io.kensa.db.feed.rubysec;

import io.kensa.db.model.RangeEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Requirements to affected ranges, on the shapes ruby-advisory-db uses. */
class AffectedEventsTest {

    /** The events for patched and unaffected requirements, as "i 0", "f 1.2.3", "l 2.0". */
    static List<String> events(List<String> patched, List<String> unaffected) {
        VersionSet covered = VersionSet.NONE;
        for (String r : patched) {
            covered = covered.union(GemRequirement.parse(r));
        }
        for (String r : unaffected) {
            covered = covered.union(GemRequirement.parse(r));
        }
        AffectedEvents events = AffectedEvents.of(covered.complement());
        if (events == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (RangeEvent e : events.range().events()) {
            out.add(switch (e.kind()) {
                case INTRODUCED -> "i";
                case FIXED -> "f";
                case LAST_AFFECTED -> "l";
                case LIMIT -> "x";
            } + " " + e.version());
        }
        return out;
    }

    @Test
    void thePessimisticOperatorLeavesAGapUpToItsBump() {
        assertThat(events(List.of("~> 1.2.3", ">= 2.0"), List.of()))
                .containsExactly("i 0", "f 1.2.3", "i 1.3", "f 2.0");
        // actionpack CVE-2008-7248
        assertThat(events(List.of("~> 2.1.3", ">= 2.2.2"), List.of("< 2.1.0")))
                .containsExactly("i 2.1.0", "f 2.1.3", "i 2.2", "f 2.2.2");
    }

    @Test
    void compoundRequirementsAreIntersections() {
        // activemodel CVE-2016-0753
        assertThat(events(List.of(">= 5.0.0.beta1.1", "~> 4.2.5, >= 4.2.5.1", "~> 4.1.14, >= 4.1.14.1"),
                List.of("<= 4.0.13"))).containsExactly("i 4.0.13.0.0.1", "f 4.1.14.1", "i 4.2", "f 4.2.5.1",
                "i 4.3", "f 5.0.0.beta1.1");
        // cocoapods-downloader CVE-2022-24440: overlapping requirements
        assertThat(events(List.of("= 1.6.0", ">= 1.6.3"), List.of(">= 1.6.0, < 1.6.2")))
                .containsExactly("i 0", "f 1.6.0", "i 1.6.2", "f 1.6.3");
    }

    @Test
    void inclusiveUpperEndsAreLastAffected() {
        assertThat(events(List.of("> 0.16.0"), List.of())).containsExactly("i 0", "l 0.16.0");
        // activerecord CVE-2011-0448
        assertThat(events(List.of("~> 2.3.11", "> 3.0.4"), List.of("< 3.0.0"))).containsExactly("i 3.0.0", "l 3.0.4");
    }

    @Test
    void aSingleAffectedVersionAndNotEquals() {
        // simple_captcha2 CVE-2019-14282: only 0.2.3 was the malicious release
        assertThat(events(List.of(), List.of("< 0.2.3", "> 0.2.3"))).containsExactly("i 0.2.3", "l 0.2.3");
        assertThat(events(List.of(), List.of("!= 0.2.3"))).containsExactly("i 0.2.3", "l 0.2.3");
        assertThat(events(List.of("!= 1.0, >= 0.5"), List.of())).containsExactly("i 0", "f 0.5", "i 1.0", "l 1.0");
    }

    @Test
    void anExclusiveStartIsJustAfterTheVersion() {
        // nokogiri CVE-2022-23476: unaffected <= 1.13.7, patched >= 1.13.10
        AffectedEvents e = AffectedEvents.of(GemRequirement.parse("<= 1.13.7")
                .union(GemRequirement.parse(">= 1.13.10")).complement());
        assertThat(e.approximated()).isTrue();
        assertThat(events(List.of(">= 1.13.10"), List.of("<= 1.13.7"))).containsExactly("i 1.13.7.0.0.1", "f 1.13.10");
        GemVersion justAfter = GemVersion.parse("1.13.7.0.0.1");
        assertThat(justAfter.compareTo(GemVersion.parse("1.13.7"))).isPositive();
        assertThat(justAfter.compareTo(GemVersion.parse("1.13.7.1"))).isNegative();
        assertThat(justAfter.compareTo(GemVersion.parse("1.13.8.rc1"))).isNegative();
        // bundler CVE-2020-36327: one patched release in the middle of the affected ones
        assertThat(events(List.of("= 2.2.10", ">= 2.2.18"), List.of("< 1.16.0")))
                .containsExactly("i 1.16.0", "f 2.2.10", "i 2.2.10.0.0.1", "f 2.2.18");
        assertThat(AffectedEvents.of(GemRequirement.parse(">= 2.0").complement()).approximated()).isFalse();
    }

    @Test
    void noRequirementMeansEveryVersionAndFullCoverNone() {
        assertThat(events(List.of(), List.of())).containsExactly("i 0");
        assertThat(events(List.of(">= 1.0"), List.of("< 1.0"))).isEmpty();
        assertThat(events(List.of("1.5"), List.of())).as("no operator is =")
                .containsExactly("i 0", "f 1.5", "i 1.5.0.0.1");
    }

    @Test
    void malformedRequirements() {
        for (String bad : List.of("", "~>", ">= 1.0,", "=> 1.0", ">= one", "1.0 2.0")) {
            assertThatThrownBy(() -> GemRequirement.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
