package io.kensa.db.feed.rubysec;

import io.kensa.db.model.AffectedRange;
import io.kensa.db.model.RangeEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * The affected versions of a ruby-advisory-db advisory as one OSV {@code ECOSYSTEM} range: the versions matched by
 * no patched and no unaffected requirement, i.e. the complement of their union, written as sorted events.
 * Each affected interval gives:
 * <ul>
 *   <li>its start: {@code introduced 0} when it has none, {@code introduced v} when it starts at v inclusive;</li>
 *   <li>its end: nothing when it has none, {@code fixed v} when it ends before v, {@code last_affected v} when it
 *       ends at v inclusive.</li>
 * </ul>
 * So patched {@code ~> 1.2.3} and {@code >= 2.0} give introduced 0, fixed 1.2.3, introduced 1.3, fixed 2.0; and
 * {@code !=} is exact (unaffected {@code != 1.5} leaves only 1.5: introduced 1.5, last_affected 1.5).
 *
 * <p>What OSV events cannot say is an interval that starts <em>just after</em> a version: unaffected
 * {@code <= 1.13.7} (or {@code = 1.6.0}) with patched {@code >= 1.13.10} leaves (1.13.7, 1.13.10). Such a start is
 * written as {@code introduced <v>.0.0.1}, the version RubyGems orders right after v for every practical purpose
 * (only a v.0.0.0.x release would fall between, and no gem publishes one): v itself, which the advisory names as
 * unaffected, is then not reported, and every real release after it is. {@link #approximated()} says when that
 * happened.
 */
final class AffectedEvents {
    static final String JUST_AFTER = ".0.0.1";

    private final AffectedRange range;
    private final boolean approximated;

    private AffectedEvents(AffectedRange range, boolean approximated) {
        this.range = range;
        this.approximated = approximated;
    }

    /** The events of {@code affected}; null when it is empty. */
    static AffectedEvents of(VersionSet affected) {
        if (affected.isEmpty()) {
            return null;
        }
        List<RangeEvent> events = new ArrayList<>();
        boolean approximated = false;
        for (VersionSet.Interval i : affected.intervals()) {
            if (i.lower() == null) {
                events.add(RangeEvent.introduced("0"));
            } else if (i.lowerInclusive()) {
                events.add(RangeEvent.introduced(i.lower().toString()));
            } else {
                events.add(RangeEvent.introduced(i.lower() + JUST_AFTER));
                approximated = true;
            }
            if (i.upper() != null) {
                events.add(i.upperInclusive() ? RangeEvent.lastAffected(i.upper().toString())
                        : RangeEvent.fixed(i.upper().toString()));
            }
        }
        return new AffectedEvents(new AffectedRange("ECOSYSTEM", events), approximated);
    }

    AffectedRange range() {
        return range;
    }

    /** Whether an interval starting just after a version was written as starting at {@code <v>.0.0.1}. */
    boolean approximated() {
        return approximated;
    }
}
