package io.kensa.match.version;

/**
 * RPM versions, {@code [epoch:]version[-release]}, ordered exactly as rpm 4.18 orders them ({@code rpm.vercmp},
 * {@code rpmverCmp} over {@code rpmvercmp}).
 *
 * <ul>
 *   <li>Split as rpm does: the epoch is the run of digits at the start when a colon follows it (an empty one is 0),
 *       the release is what follows the last hyphen after that run. A missing epoch is 0.</li>
 *   <li>Epochs, then versions, then releases are compared by rpmvercmp. A missing release sorts before any release
 *       (even an empty one), two missing releases are equal: rpm 4.18's {@code rpmverCmp} does exactly this.</li>
 *   <li>rpmvercmp: characters other than ASCII letters, digits, {@code ~} and {@code ^} only separate segments. A
 *       segment is a run of digits or a run of letters. {@code ~} sorts before everything, the end of the string
 *       included (pre-releases: {@code 1.0~rc1 < 1.0}); {@code ^} sorts after the end of the string but before
 *       any further segment (snapshots: {@code 1.0 < 1.0^git1 < 1.0.1}). A numeric segment beats an alphabetic one;
 *       numbers compare by value of any length (leading zeros ignored), letters by ASCII order; when everything
 *       compared is equal, the string with a segment left over is the newer ({@code 1.0 < 1.0a}).</li>
 * </ul>
 *
 * <p>Every string compares, as rpm compares it (rpm only refuses the empty string; here it is the smallest
 * version). A NUL character, which would end a C string, is an ordinary separator here.
 */
public final class RpmVersionScheme implements VersionScheme {
    public static final String NAME = "rpm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int compare(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        Evr x = Evr.of(a);
        Evr y = Evr.of(b);
        int c = DpkgVersionScheme.compareNumbers(a, x.epochStart, x.epochEnd, b, y.epochStart, y.epochEnd);
        if (c != 0) {
            return c;
        }
        c = rpmvercmp(a, x.versionStart, x.versionEnd, b, y.versionStart, y.versionEnd);
        if (c != 0) {
            return c;
        }
        boolean hasA = x.releaseStart >= 0;
        boolean hasB = y.releaseStart >= 0;
        if (!hasA || !hasB) {
            return hasA == hasB ? 0 : hasA ? 1 : -1;
        }
        return rpmvercmp(a, x.releaseStart, a.length(), b, y.releaseStart, b.length());
    }

    /**
     * True for what rpmbuild accepts as an EVR: an optional epoch of digits followed by a colon, a non-empty
     * version and an optional non-empty release after a hyphen, both of ASCII letters, digits and {@code ._+~^}.
     */
    @Override
    public boolean isValid(String version) {
        if (version == null || version.isEmpty()) {
            return false;
        }
        Evr evr = Evr.of(version);
        if (evr.versionStart > 0 && evr.epochStart == evr.epochEnd) {
            return false;
        }
        return isVerRel(version, evr.versionStart, evr.versionEnd)
                && (evr.releaseStart < 0 || isVerRel(version, evr.releaseStart, version.length()));
    }

    private static boolean isVerRel(String v, int start, int end) {
        if (start == end) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = v.charAt(i);
            if (!isAlnum(c) && "._+~^".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Offsets of the parts of an EVR, split as rpm's parseEVR does; {@code releaseStart} is -1 when there is no
     * release. The epoch range is empty when there is no epoch (or an empty one): both mean 0.
     */
    private record Evr(int epochStart, int epochEnd, int versionStart, int versionEnd, int releaseStart) {

        static Evr of(String v) {
            int s = 0;
            int n = v.length();
            while (s < n && isDigit(v.charAt(s))) {
                s++;
            }
            int hyphen = v.lastIndexOf('-');
            boolean epoch = s < n && v.charAt(s) == ':';
            int versionStart = epoch ? s + 1 : 0;
            int epochEnd = epoch ? s : 0;
            if (hyphen >= s) {
                return new Evr(0, epochEnd, versionStart, hyphen, hyphen + 1);
            }
            return new Evr(0, epochEnd, versionStart, n, -1);
        }
    }

    /** rpm's rpmvercmp over {@code a[ai, ae)} and {@code b[bi, be)}; -1, 0 or 1. */
    static int rpmvercmp(String a, int ai, int ae, String b, int bi, int be) {
        if (ae - ai == be - bi && a.regionMatches(ai, b, bi, ae - ai)) {
            return 0;
        }
        while (ai < ae || bi < be) {
            while (ai < ae && isSeparator(a.charAt(ai))) {
                ai++;
            }
            while (bi < be && isSeparator(b.charAt(bi))) {
                bi++;
            }
            char ca = ai < ae ? a.charAt(ai) : 0;
            char cb = bi < be ? b.charAt(bi) : 0;
            // the tilde sorts before everything else, the end of the string included
            if (ca == '~' || cb == '~') {
                if (ca != '~') {
                    return 1;
                }
                if (cb != '~') {
                    return -1;
                }
                ai++;
                bi++;
                continue;
            }
            // the caret sorts after the end of the string, before anything else
            if (ca == '^' || cb == '^') {
                if (ai >= ae) {
                    return -1;
                }
                if (bi >= be) {
                    return 1;
                }
                if (ca != '^') {
                    return 1;
                }
                if (cb != '^') {
                    return -1;
                }
                ai++;
                bi++;
                continue;
            }
            if (ai >= ae || bi >= be) {
                break;
            }
            int as = ai;
            int bs = bi;
            boolean numeric = isDigit(ca);
            if (numeric) {
                while (ai < ae && isDigit(a.charAt(ai))) {
                    ai++;
                }
                while (bi < be && isDigit(b.charAt(bi))) {
                    bi++;
                }
            } else {
                while (ai < ae && isAlpha(a.charAt(ai))) {
                    ai++;
                }
                while (bi < be && isAlpha(b.charAt(bi))) {
                    bi++;
                }
            }
            if (bs == bi) {
                // segments of different types: numeric beats alphabetic
                return numeric ? 1 : -1;
            }
            int c = numeric ? DpkgVersionScheme.compareNumbers(a, as, ai, b, bs, bi) : compareAscii(a, as, ai, b, bs, bi);
            if (c != 0) {
                return c;
            }
        }
        if (ai >= ae && bi >= be) {
            return 0;
        }
        return ai >= ae ? -1 : 1;
    }

    /** strcmp of two ranges: character by character, then the shorter first; -1, 0 or 1. */
    private static int compareAscii(String a, int ai, int ae, String b, int bi, int be) {
        for (; ai < ae && bi < be; ai++, bi++) {
            int d = a.charAt(ai) - b.charAt(bi);
            if (d != 0) {
                return d < 0 ? -1 : 1;
            }
        }
        return Integer.compare(ae - ai, be - bi);
    }

    private static boolean isSeparator(char c) {
        return !isAlnum(c) && c != '~' && c != '^';
    }

    private static boolean isAlnum(char c) {
        return isDigit(c) || isAlpha(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
