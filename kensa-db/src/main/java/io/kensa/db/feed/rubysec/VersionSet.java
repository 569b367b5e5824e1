package io.kensa.db.feed.rubysec;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of RubyGems versions as a sorted list of disjoint intervals, each bound open or closed or absent (no lower
 * bound: from the first version; no upper bound: every later version). Union, intersection and complement are
 * exact; only turning a set into OSV events is not always ({@link AffectedEvents}).
 */
record VersionSet(List<Interval> intervals) {

    /**
     * The versions between two bounds.
     *
     * @param lower          null for no lower bound
     * @param lowerInclusive whether {@code lower} itself is in
     * @param upper          null for no upper bound
     * @param upperInclusive whether {@code upper} itself is in
     */
    record Interval(GemVersion lower, boolean lowerInclusive, GemVersion upper, boolean upperInclusive) {
        boolean isEmpty() {
            if (lower == null || upper == null) {
                return false;
            }
            int c = lower.compareTo(upper);
            return c > 0 || c == 0 && !(lowerInclusive && upperInclusive);
        }
    }

    VersionSet {
        intervals = List.copyOf(intervals);
    }

    static final VersionSet ALL = new VersionSet(List.of(new Interval(null, false, null, false)));
    static final VersionSet NONE = new VersionSet(List.of());

    static VersionSet of(Interval i) {
        return i.isEmpty() ? NONE : new VersionSet(List.of(i));
    }

    boolean isEmpty() {
        return intervals.isEmpty();
    }

    boolean contains(GemVersion v) {
        return intervals.stream().anyMatch(i -> (i.lower() == null || cmp(v, i.lower()) > 0
                || cmp(v, i.lower()) == 0 && i.lowerInclusive())
                && (i.upper() == null || cmp(v, i.upper()) < 0 || cmp(v, i.upper()) == 0 && i.upperInclusive()));
    }

    /** Every version in this set or in {@code other}. */
    VersionSet union(VersionSet other) {
        List<Interval> all = new ArrayList<>(intervals);
        all.addAll(other.intervals);
        all.sort(VersionSet::byLower);
        List<Interval> merged = new ArrayList<>();
        for (Interval i : all) {
            if (!merged.isEmpty() && touches(merged.getLast(), i)) {
                Interval last = merged.removeLast();
                merged.add(new Interval(last.lower(), last.lowerInclusive(), maxUpper(last, i).upper(),
                        maxUpper(last, i).upperInclusive()));
            } else {
                merged.add(i);
            }
        }
        return new VersionSet(merged);
    }

    /** Every version in both sets. */
    VersionSet intersect(VersionSet other) {
        VersionSet out = NONE;
        for (Interval a : intervals) {
            for (Interval b : other.intervals) {
                Interval lo = byLower(a, b) >= 0 ? a : b; // the higher lower bound
                Interval hi = byUpper(a, b) <= 0 ? a : b; // the lower upper bound
                out = out.union(of(new Interval(lo.lower(), lo.lowerInclusive(), hi.upper(), hi.upperInclusive())));
            }
        }
        return out;
    }

    /** Every version not in this set. */
    VersionSet complement() {
        List<Interval> out = new ArrayList<>();
        GemVersion from = null; // null: from the first version
        boolean fromInclusive = false;
        for (Interval i : intervals) {
            if (i.lower() != null) {
                Interval gap = new Interval(from, fromInclusive, i.lower(), !i.lowerInclusive());
                if (!gap.isEmpty()) {
                    out.add(gap);
                }
            }
            if (i.upper() == null) {
                return new VersionSet(out);
            }
            from = i.upper();
            fromInclusive = !i.upperInclusive();
        }
        out.add(new Interval(from, fromInclusive, null, false));
        return new VersionSet(out);
    }

    /** Whether {@code b} (starting at or after {@code a}'s start) overlaps or adjoins {@code a}. */
    private static boolean touches(Interval a, Interval b) {
        if (a.upper() == null || b.lower() == null) {
            return true;
        }
        int c = cmp(b.lower(), a.upper());
        return c < 0 || c == 0 && (a.upperInclusive() || b.lowerInclusive());
    }

    private static Interval maxUpper(Interval a, Interval b) {
        return byUpper(a, b) >= 0 ? a : b;
    }

    /** Orders by lower bound: none first, then by version, a closed bound before an open one at the same version. */
    private static int byLower(Interval a, Interval b) {
        if (a.lower() == null || b.lower() == null) {
            return a.lower() == null ? (b.lower() == null ? 0 : -1) : 1;
        }
        int c = cmp(a.lower(), b.lower());
        if (c != 0) {
            return c;
        }
        return a.lowerInclusive() == b.lowerInclusive() ? 0 : a.lowerInclusive() ? -1 : 1;
    }

    /** Orders by upper bound: none last, an open bound before a closed one at the same version. */
    private static int byUpper(Interval a, Interval b) {
        if (a.upper() == null || b.upper() == null) {
            return a.upper() == null ? (b.upper() == null ? 0 : 1) : -1;
        }
        int c = cmp(a.upper(), b.upper());
        if (c != 0) {
            return c;
        }
        return a.upperInclusive() == b.upperInclusive() ? 0 : a.upperInclusive() ? 1 : -1;
    }

    private static int cmp(GemVersion a, GemVersion b) {
        return a.compareTo(b);
    }
}
