package io.kensa.match.version;

/**
 * Debian package versions, ordered exactly as dpkg orders them (Debian Policy 5.6.12, dpkg's
 * {@code lib/dpkg/version.c}): {@code [epoch:]upstream_version[-debian_revision]}.
 *
 * <ul>
 *   <li>The epoch is the number before the first colon (0 when there is none) and is compared first, as a number
 *       of any length.</li>
 *   <li>The revision is what follows the <em>last</em> hyphen (empty when there is none), so the upstream part may
 *       hold hyphens. Upstream parts are compared, then revisions.</li>
 *   <li>Each part is compared as alternating runs: a run of non-digits, compared character by character, where
 *       {@code ~} sorts before everything, even the end of the run, then the end of the run, then letters (in
 *       ASCII order), then every other character (in ASCII order); then a run of digits, compared as a number of
 *       any length (leading zeros ignored, an empty run is 0, no overflow).</li>
 * </ul>
 *
 * <p>Leading and trailing blanks are ignored, as dpkg does. The empty string is dpkg's blank version, which
 * {@code dpkg --compare-versions} sorts before every other version ({@code "" < "~"}). Strings that dpkg accepts with a warning (an upstream
 * part that does not start with a digit, characters outside the allowed set) compare exactly as dpkg compares them.
 * Strings that dpkg refuses still compare, by this fallback: when the text before the first colon is not an epoch
 * (an optional sign, then digits, not negative), the string has no epoch and the colon is an ordinary character of
 * the upstream part; an epoch above {@code INT_MAX}, an empty upstream part or revision, and embedded blanks are
 * compared by the rules above as they stand. A character outside ASCII counts as a non-letter (dpkg, reading
 * UTF-8 bytes as signed chars, ranks such bytes between letters and punctuation; such versions are invalid for
 * dpkg anyway).
 */
public final class DpkgVersionScheme implements VersionScheme {
    public static final String NAME = "dpkg";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int compare(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        Split x = Split.of(a);
        Split y = Split.of(b);
        boolean blankA = x.start == x.end;
        boolean blankB = y.start == y.end;
        if (blankA || blankB) {
            // dpkg's blank version (the empty string) sorts before every other version, "~" included
            return blankA == blankB ? 0 : blankA ? -1 : 1;
        }
        int c = compareNumbers(a, x.epochStart, x.epochEnd, b, y.epochStart, y.epochEnd);
        if (c != 0) {
            return c;
        }
        c = verrevcmp(a, x.upstreamStart, x.upstreamEnd, b, y.upstreamStart, y.upstreamEnd);
        if (c != 0) {
            return c;
        }
        return verrevcmp(a, x.revisionStart, x.end, b, y.revisionStart, y.end);
    }

    /**
     * True when dpkg parses {@code version} without an error or a warning: not blank, no embedded blanks, an epoch
     * (if any) of digits that fits an {@code int} and is followed by something, an upstream part that starts with
     * a digit and holds only letters, digits and {@code .+-~:}, and a non-empty revision (if a hyphen is present)
     * of letters, digits and {@code .+~}.
     */
    @Override
    public boolean isValid(String version) {
        if (version == null) {
            return false;
        }
        int start = 0;
        int end = version.length();
        while (start < end && isBlank(version.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(version.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (isBlank(version.charAt(i))) {
                return false;
            }
        }
        int upstreamStart = start;
        int colon = version.indexOf(':', start);
        if (colon >= 0 && colon < end) {
            int digits = epochDigits(version, start, colon);
            if (digits < 0 || colon + 1 == end) {
                return false;
            }
            int significant = digits;
            while (significant < colon && version.charAt(significant) == '0') {
                significant++;
            }
            if (colon - significant > 10
                    || (colon - significant == 10 && version.substring(significant, colon).compareTo("2147483647") > 0)) {
                return false;
            }
            upstreamStart = colon + 1;
        }
        int hyphen = version.lastIndexOf('-', end - 1);
        int upstreamEnd = hyphen >= upstreamStart ? hyphen : end;
        if (hyphen >= upstreamStart && hyphen + 1 == end) {
            return false;
        }
        if (upstreamEnd == upstreamStart || !isDigit(version.charAt(upstreamStart))) {
            return false;
        }
        for (int i = upstreamStart; i < upstreamEnd; i++) {
            char c = version.charAt(i);
            if (!isDigit(c) && !isAlpha(c) && ".-+~:".indexOf(c) < 0) {
                return false;
            }
        }
        for (int i = upstreamEnd + 1; i < end; i++) {
            char c = version.charAt(i);
            if (!isDigit(c) && !isAlpha(c) && ".+~".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where a version's epoch, upstream part and revision are, as offsets into the string; {@code [start, end)} is
     * the version without its surrounding blanks.
     */
    private record Split(int start, int epochStart, int epochEnd, int upstreamStart, int upstreamEnd, int revisionStart, int end) {

        static Split of(String v) {
            int start = 0;
            int end = v.length();
            while (start < end && isBlank(v.charAt(start))) {
                start++;
            }
            while (end > start && isBlank(v.charAt(end - 1))) {
                end--;
            }
            int epochStart = start;
            int epochEnd = start;
            int upstreamStart = start;
            int colon = v.indexOf(':', start);
            if (colon >= 0 && colon < end) {
                int digits = epochDigits(v, start, colon);
                if (digits >= 0) {
                    epochStart = digits;
                    epochEnd = colon;
                    upstreamStart = colon + 1;
                }
            }
            int hyphen = v.lastIndexOf('-', end - 1);
            if (hyphen >= upstreamStart) {
                return new Split(start, epochStart, epochEnd, upstreamStart, hyphen, hyphen + 1, end);
            }
            return new Split(start, epochStart, epochEnd, upstreamStart, end, end, end);
        }
    }

    /**
     * The offset of the first digit of the epoch in {@code v[start, colon)}, or -1 when that text is not an epoch
     * dpkg accepts: an optional sign then at least one digit, and not negative ({@code -0} is 0, as strtol reads it).
     */
    private static int epochDigits(String v, int start, int colon) {
        int i = start;
        boolean negative = false;
        if (i < colon && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
            negative = v.charAt(i) == '-';
            i++;
        }
        if (i == colon) {
            return -1;
        }
        boolean nonZero = false;
        for (int j = i; j < colon; j++) {
            char c = v.charAt(j);
            if (!isDigit(c)) {
                return -1;
            }
            nonZero |= c != '0';
        }
        return negative && nonZero ? -1 : i;
    }

    /** Two runs of ASCII digits compared as numbers of any length; an empty run is 0. */
    static int compareNumbers(String a, int ai, int ae, String b, int bi, int be) {
        while (ai < ae && a.charAt(ai) == '0') {
            ai++;
        }
        while (bi < be && b.charAt(bi) == '0') {
            bi++;
        }
        int la = ae - ai;
        int lb = be - bi;
        if (la != lb) {
            return la < lb ? -1 : 1;
        }
        for (; ai < ae; ai++, bi++) {
            int d = a.charAt(ai) - b.charAt(bi);
            if (d != 0) {
                return d < 0 ? -1 : 1;
            }
        }
        return 0;
    }

    /** dpkg's verrevcmp over {@code a[ai, ae)} and {@code b[bi, be)}; -1, 0 or 1. */
    private static int verrevcmp(String a, int ai, int ae, String b, int bi, int be) {
        while (ai < ae || bi < be) {
            int firstDiff = 0;
            while ((ai < ae && !isDigit(a.charAt(ai))) || (bi < be && !isDigit(b.charAt(bi)))) {
                int ac = ai < ae ? order(a.charAt(ai)) : 0;
                int bc = bi < be ? order(b.charAt(bi)) : 0;
                if (ac != bc) {
                    return ac < bc ? -1 : 1;
                }
                // equal orders here are two non-digits (no non-digit has order 0), so neither side is at its end
                ai++;
                bi++;
            }
            while (ai < ae && a.charAt(ai) == '0') {
                ai++;
            }
            while (bi < be && b.charAt(bi) == '0') {
                bi++;
            }
            while (ai < ae && isDigit(a.charAt(ai)) && bi < be && isDigit(b.charAt(bi))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(ai) - b.charAt(bi);
                }
                ai++;
                bi++;
            }
            if (ai < ae && isDigit(a.charAt(ai))) {
                return 1;
            }
            if (bi < be && isDigit(b.charAt(bi))) {
                return -1;
            }
            if (firstDiff != 0) {
                return firstDiff < 0 ? -1 : 1;
            }
        }
        return 0;
    }

    /** The weight of a character in a non-digit run: {@code ~} &lt; end of run &lt; letters &lt; the rest. */
    private static int order(char c) {
        if (isDigit(c)) {
            return 0;
        }
        if (isAlpha(c)) {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c + 256;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
