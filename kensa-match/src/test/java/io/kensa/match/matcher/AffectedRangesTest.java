package io.kensa.match.matcher;

import io.kensa.db.model.AffectedPackage;
import io.kensa.db.model.AffectedRange;
import io.kensa.db.model.RangeEvent;
import io.kensa.match.version.VersionScheme;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** OSV range evaluation, on the shapes the real feeds use; versions here are plain dotted numbers. */
class AffectedRangesTest {

    /** Dotted numbers compared numerically part by part: enough to test the range walk itself. */
    static final VersionScheme DOTTED = new VersionScheme() {
        @Override
        public String name() {
            return "dotted";
        }

        @Override
        public int compare(String a, String b) {
            int[] x = Arrays.stream(a.split("\\.")).mapToInt(Integer::parseInt).toArray();
            int[] y = Arrays.stream(b.split("\\.")).mapToInt(Integer::parseInt).toArray();
            for (int i = 0; i < Math.max(x.length, y.length); i++) {
                int c = Integer.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }

        @Override
        public boolean isValid(String version) {
            return version.matches("\\d+(\\.\\d+)*");
        }
    };

    private static AffectedPackage entry(List<String> versions, RangeEvent... events) {
        return new AffectedPackage("maven", "g:a", "GHSA-test", "osv-maven",
                events.length == 0 ? List.of() : List.of(new AffectedRange("ECOSYSTEM", List.of(events))),
                versions, null, null);
    }

    private static Optional<AffectedRanges.Hit> eval(AffectedPackage e, String v) {
        return AffectedRanges.evaluate(e, v, DOTTED);
    }

    @Test
    void introducedZeroFixedCoversEverythingBelowTheFix() {
        AffectedPackage e = entry(List.of(), RangeEvent.introduced("0"), RangeEvent.fixed("2.15.0"));
        assertThat(eval(e, "2.14.1")).contains(new AffectedRanges.Hit("2.15.0"));
        assertThat(eval(e, "0.1")).contains(new AffectedRanges.Hit("2.15.0"));
        assertThat(eval(e, "2.15.0")).isEmpty();
        assertThat(eval(e, "3.0")).isEmpty();
    }

    @Test
    void severalStretchesInOneRangeReportTheFixOfTheirOwnStretch() {
        // log4j-core GHSA-jfh8-c2jp-5v3q's shape: [2.0-beta9, 2.3.1), [2.4, 2.12.2), [2.13.0, 2.15.0), here numeric
        AffectedPackage e = entry(List.of(), RangeEvent.introduced("2.13.0"), RangeEvent.fixed("2.15.0"),
                RangeEvent.introduced("2.0.9"), RangeEvent.fixed("2.3.1"),
                RangeEvent.introduced("2.4"), RangeEvent.fixed("2.12.2"));
        assertThat(eval(e, "2.1")).contains(new AffectedRanges.Hit("2.3.1"));
        assertThat(eval(e, "2.3.1")).isEmpty();
        assertThat(eval(e, "2.3.5")).isEmpty();
        assertThat(eval(e, "2.12.1")).contains(new AffectedRanges.Hit("2.12.2"));
        assertThat(eval(e, "2.12.2")).isEmpty();
        assertThat(eval(e, "2.14.1")).contains(new AffectedRanges.Hit("2.15.0"));
        assertThat(eval(e, "2.0.8")).isEmpty();
    }

    @Test
    void lastAffectedIncludesItsOwnVersion() {
        AffectedPackage e = entry(List.of(), RangeEvent.introduced("1.0"), RangeEvent.lastAffected("1.4.2"));
        assertThat(eval(e, "1.4.2")).contains(new AffectedRanges.Hit(null));
        assertThat(eval(e, "1.4.3")).isEmpty();
        assertThat(eval(e, "0.9")).isEmpty();
    }

    @Test
    void limitEndsTheRange() {
        AffectedPackage e = entry(List.of(), RangeEvent.introduced("0"), RangeEvent.limit("3.0"));
        assertThat(eval(e, "2.9")).contains(new AffectedRanges.Hit(null));
        assertThat(eval(e, "3.0")).isEmpty();
    }

    @Test
    void openRangeMeansNoFix() {
        AffectedPackage e = entry(List.of(), RangeEvent.introduced("0"));
        assertThat(eval(e, "99.0")).contains(new AffectedRanges.Hit(null));
    }

    @Test
    void listedVersionsAffectWithoutRanges() {
        AffectedPackage e = entry(List.of("1.2.3", "1.2.4"));
        assertThat(eval(e, "1.2.3")).contains(new AffectedRanges.Hit(null));
        assertThat(eval(e, "1.2.5")).isEmpty();
    }

    @Test
    void listedVersionsCompareAsTheSchemeSaysNotAsStrings() {
        AffectedPackage e = entry(List.of("1.2"));
        assertThat(eval(e, "1.2.0")).contains(new AffectedRanges.Hit(null));
    }

    @Test
    void aListedVersionInsideAFixedRangeKeepsTheRangesFix() {
        AffectedPackage e = entry(List.of("1.1"), RangeEvent.introduced("1.0"), RangeEvent.fixed("1.5"));
        assertThat(eval(e, "1.1")).contains(new AffectedRanges.Hit("1.5"));
    }

    @Test
    void eventsAreSortedByVersionWhateverTheirOrderInTheFeed() {
        AffectedPackage e = entry(List.of(), RangeEvent.fixed("1.5"), RangeEvent.introduced("1.0"));
        assertThat(eval(e, "1.2")).contains(new AffectedRanges.Hit("1.5"));
        assertThat(eval(e, "1.6")).isEmpty();
    }
}
