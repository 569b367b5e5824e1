package io.kensa.db.model;

import java.util.List;

/**
 * A range of affected versions: OSV's {@code ECOSYSTEM} or {@code SEMVER} range (GIT ranges are not stored: no
 * installed package has a commit for a version). The events are in the publisher's order; the matcher sorts them
 * with the namespace's version scheme.
 *
 * @param type   {@code ECOSYSTEM} or {@code SEMVER}
 * @param events the events, at least one
 */
public record AffectedRange(String type, List<RangeEvent> events) {
    public AffectedRange {
        events = List.copyOf(events);
    }

    /** Every version from the first up to (not including) {@code fixed}: how a distro feed's "fixed in" reads. */
    public static AffectedRange fixedIn(String fixed) {
        return new AffectedRange("ECOSYSTEM", List.of(RangeEvent.introduced("0"), RangeEvent.fixed(fixed)));
    }

    /** Every version: affected, no fix. */
    public static AffectedRange allVersions() {
        return new AffectedRange("ECOSYSTEM", List.of(RangeEvent.introduced("0")));
    }
}
