package io.kensa.match.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A valid PEP 440 version, parsed with PEP 440's normalisation (what {@code packaging.version.Version} accepts):
 * case-insensitive; surrounding whitespace; a leading {@code v}; {@code -}, {@code _} or {@code .} (or nothing)
 * before and inside the pre, post and dev parts; {@code alpha}/{@code a}, {@code beta}/{@code b},
 * {@code c}/{@code pre}/{@code preview}/{@code rc}; {@code post}/{@code rev}/{@code r}; the implicit post release
 * {@code 1.0-1}; implicit numbers ({@code 1.0a} is {@code 1.0a0}); local segments separated by {@code -}, {@code _}
 * or {@code .}.
 *
 * @param epoch     digits, {@code 0} when absent
 * @param release   the release segments, digits
 * @param preLabel  {@code a}, {@code b} or {@code rc}; null without a pre-release
 * @param preNumber digits, null without a pre-release
 * @param post      digits, null without a post-release
 * @param dev       digits, null without a dev release
 * @param local     the local segments, lower case; empty without a local version
 */
record Pep440Version(String epoch, List<String> release, String preLabel, String preNumber, String post, String dev,
                     List<String> local) {

    /** The version, or null when {@code text} is not valid PEP 440. */
    static Pep440Version parse(String text) {
        return new Parser(text).parse();
    }

    /**
     * PEP 440's order ({@code packaging}'s sort key): epoch; release with trailing zeros ignored; then a dev release
     * without pre or post part first ({@code 1.0.dev1 < 1.0a1}), pre-releases by label and number, the release
     * itself after its pre-releases; then no post before post releases; then dev releases before the version they
     * develop; then no local part before local parts, compared segment by segment (numeric segments numerically
     * and after alphanumeric ones, a longer list after its prefix).
     */
    int compareTo(Pep440Version o) {
        int c = Digits.compare(epoch, o.epoch);
        if (c != 0) {
            return c;
        }
        c = compareRelease(release, o.release);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(preRank(), o.preRank());
        if (c != 0) {
            return c;
        }
        if (preLabel != null) {
            c = Integer.signum(preLabel.compareTo(o.preLabel));
            if (c == 0) {
                c = Digits.compare(preNumber, o.preNumber);
            }
            if (c != 0) {
                return c;
            }
        }
        c = compareOptional(post, o.post, -1);
        if (c != 0) {
            return c;
        }
        c = compareOptional(dev, o.dev, 1);
        if (c != 0) {
            return c;
        }
        return compareLocal(local, o.local);
    }

    /** 0: a dev release with no pre or post part (before everything); 1: a pre-release; 2: neither. */
    private int preRank() {
        if (preLabel == null && post == null && dev != null) {
            return 0;
        }
        return preLabel != null ? 1 : 2;
    }

    /** Two optional numbers; an absent one sorts at {@code absent} (-1 first, 1 last). */
    private static int compareOptional(String a, String b, int absent) {
        if (a == null || b == null) {
            if (a == null && b == null) {
                return 0;
            }
            return a == null ? absent : -absent;
        }
        return Digits.compare(a, b);
    }

    private static int compareRelease(List<String> a, List<String> b) {
        int n = Math.max(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            String x = i < a.size() ? a.get(i) : "0";
            String y = i < b.size() ? b.get(i) : "0";
            int c = Digits.compare(x, y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareLocal(List<String> a, List<String> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            String x = a.get(i);
            String y = b.get(i);
            boolean xn = Digits.all(x);
            boolean yn = Digits.all(y);
            int c = xn && yn ? Digits.compare(x, y) : xn != yn ? (xn ? 1 : -1) : Integer.signum(x.compareTo(y));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** A hand-written reading of PEP 440's grammar (no regular expression: this runs in every comparison). */
    private static final class Parser {
        private static final String[] PRE_LABELS = {"alpha", "a", "beta", "b", "preview", "pre", "c", "rc"};
        private static final String[] POST_LABELS = {"post", "rev", "r"};

        private final String s;
        private int p;
        private final int end;

        Parser(String text) {
            int from = 0;
            int to = text.length();
            while (from < to && isSpace(text.charAt(from))) {
                from++;
            }
            while (to > from && isSpace(text.charAt(to - 1))) {
                to--;
            }
            this.s = text;
            this.p = from;
            this.end = to;
        }

        Pep440Version parse() {
            if (p < end && (s.charAt(p) == 'v' || s.charAt(p) == 'V')) {
                p++;
            }
            String epoch = "0";
            int e = digitsEnd(p);
            if (e == p) {
                return null;
            }
            if (e < end && s.charAt(e) == '!') {
                epoch = s.substring(p, e);
                p = e + 1;
                e = digitsEnd(p);
                if (e == p) {
                    return null;
                }
            }
            List<String> release = new ArrayList<>();
            release.add(s.substring(p, e));
            p = e;
            while (p + 1 < end && s.charAt(p) == '.' && Digits.isDigit(s.charAt(p + 1))) {
                e = digitsEnd(p + 1);
                release.add(s.substring(p + 1, e));
                p = e;
            }
            String preLabel = null;
            String preNumber = null;
            int label = labelAfterSeparator(PRE_LABELS);
            if (label >= 0) {
                preLabel = switch (PRE_LABELS[label]) {
                    case "alpha", "a" -> "a";
                    case "beta", "b" -> "b";
                    default -> "rc";
                };
                preNumber = optionalNumber();
            }
            String post = null;
            if (p + 1 < end && s.charAt(p) == '-' && Digits.isDigit(s.charAt(p + 1))) {
                e = digitsEnd(p + 1);
                post = s.substring(p + 1, e);
                p = e;
            } else if (labelAfterSeparator(POST_LABELS) >= 0) {
                post = optionalNumber();
            }
            String dev = null;
            if (labelAfterSeparator(new String[] {"dev"}) >= 0) {
                dev = optionalNumber();
            }
            List<String> local = List.of();
            if (p < end && s.charAt(p) == '+') {
                local = localSegments(p + 1);
                if (local == null) {
                    return null;
                }
                p = end;
            }
            if (p != end) {
                return null;
            }
            return new Pep440Version(epoch, release, preLabel, preNumber, post, dev, local);
        }

        /**
         * At {@code p}: an optional separator and then one of {@code labels} (case-insensitive, first match in
         * order); on a match moves past the label and returns its index, else leaves {@code p} and returns -1.
         */
        private int labelAfterSeparator(String[] labels) {
            int q = p;
            if (q < end && isSeparator(s.charAt(q))) {
                q++;
            }
            for (int i = 0; i < labels.length; i++) {
                String l = labels[i];
                if (q + l.length() <= end && s.regionMatches(true, q, l, 0, l.length())) {
                    p = q + l.length();
                    return i;
                }
            }
            return -1;
        }

        /** After a label: an optional separator and digits; the digits, or {@code 0} when there are none. */
        private String optionalNumber() {
            int q = p;
            if (q < end && isSeparator(s.charAt(q))) {
                q++;
            }
            int e = digitsEnd(q);
            if (e == q) {
                return "0";
            }
            p = e;
            return s.substring(q, e);
        }

        /** {@code [a-z0-9]+} separated by {@code -}, {@code _} or {@code .}, to the end; null when not so. */
        private List<String> localSegments(int from) {
            List<String> out = new ArrayList<>();
            int start = from;
            for (int i = from; i <= end; i++) {
                if (i == end || isSeparator(s.charAt(i))) {
                    if (i == start) {
                        return null;
                    }
                    out.add(s.substring(start, i).toLowerCase(Locale.ROOT));
                    start = i + 1;
                } else if (!isAsciiAlphanumeric(s.charAt(i))) {
                    return null;
                }
            }
            return out;
        }

        private int digitsEnd(int from) {
            return Math.min(Digits.end(s, from), end);
        }

        private static boolean isSeparator(char c) {
            return c == '-' || c == '_' || c == '.';
        }

        private static boolean isAsciiAlphanumeric(char c) {
            return Digits.isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
    }

    /** Python's {@code \s} for text: ASCII whitespace and Unicode spaces. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
}
