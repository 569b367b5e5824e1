package io.kensa.match.matcher;

import io.kensa.db.model.AffectedPackage;
import io.kensa.db.model.AffectedRange;
import io.kensa.db.model.RangeEvent;
import io.kensa.match.version.VersionScheme;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * OSV's evaluation of an affected entry against one installed version: the version is affected when it is listed
 * in {@code versions}, or when, walking a range's events in version order, the last event at or below it is an
 * {@code introduced} ({@code fixed} and {@code limit} end a stretch at their version, {@code last_affected} just
 * after it). The fixed version reported is the first {@code fixed} event after the {@code introduced} that opened
 * the stretch holding the installed version.
 */
public final class AffectedRanges {
    private static final String ZERO = "0";

    private AffectedRanges() {
    }

    /** The outcome for an affected version: {@code fixed} is null when no fix follows. */
    public record Hit(String fixed) {
    }

    /** Empty when {@code version} is not affected by {@code entry}. */
    public static Optional<Hit> evaluate(AffectedPackage entry, String version, VersionScheme scheme) {
        Hit listed = listed(entry.versions(), version, scheme) ? new Hit(null) : null;
        for (AffectedRange range : entry.ranges()) {
            Optional<Hit> hit = evaluate(range, version, scheme);
            if (hit.isPresent()) {
                return listed == null || hit.get().fixed() != null ? hit : Optional.of(listed);
            }
        }
        return Optional.ofNullable(listed);
    }

    /** Whether {@code version} is one of {@code versions}, as the scheme sees equality (Go's v1.2 is 1.2). */
    private static boolean listed(List<String> versions, String version, VersionScheme scheme) {
        for (String v : versions) {
            if (v.equals(version) || scheme.compare(v, version) == 0) {
                return true;
            }
        }
        return false;
    }

    static Optional<Hit> evaluate(AffectedRange range, String version, VersionScheme scheme) {
        List<RangeEvent> events = sorted(range.events(), scheme);
        boolean affected = false;
        String fix = null;
        for (int i = 0; i < events.size(); i++) {
            RangeEvent e = events.get(i);
            switch (e.kind()) {
                case INTRODUCED -> {
                    if (ZERO.equals(e.version()) || scheme.compare(version, e.version()) >= 0) {
                        affected = true;
                        fix = nextFix(events, i);
                    }
                }
                case FIXED, LIMIT -> {
                    if (scheme.compare(version, e.version()) >= 0) {
                        affected = false;
                    }
                }
                case LAST_AFFECTED -> {
                    if (scheme.compare(version, e.version()) > 0) {
                        affected = false;
                    }
                }
            }
        }
        return affected ? Optional.of(new Hit(fix)) : Optional.empty();
    }

    private static String nextFix(List<RangeEvent> events, int from) {
        for (int j = from + 1; j < events.size(); j++) {
            if (events.get(j).kind() == RangeEvent.Kind.FIXED) {
                return events.get(j).version();
            }
        }
        return null;
    }

    /** Events by version ({@code introduced: 0} first); a stable sort, so equal versions keep their order. */
    static List<RangeEvent> sorted(List<RangeEvent> events, VersionScheme scheme) {
        List<RangeEvent> out = new ArrayList<>(events);
        Comparator<RangeEvent> byVersion = (a, b) -> {
            boolean za = a.kind() == RangeEvent.Kind.INTRODUCED && ZERO.equals(a.version());
            boolean zb = b.kind() == RangeEvent.Kind.INTRODUCED && ZERO.equals(b.version());
            if (za || zb) {
                return za == zb ? 0 : za ? -1 : 1;
            }
            return scheme.compare(a.version(), b.version());
        };
        out.sort(byVersion);
        return out;
    }
}
