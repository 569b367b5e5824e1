package io.kensa.match.version;

import java.util.Locale;

/**
 * Composer's normal form of a version string ({@code composer/semver}'s {@code VersionParser::normalize}), read by
 * hand rather than by regular expressions since it runs in every comparison:
 * <ul>
 * <li>{@code 1.2} → {@code 1.2.0.0}, {@code v1.2.3} → {@code 1.2.3.0} (1 to 4 numbers, the first of at most 5
 * digits);</li>
 * <li>a stability suffix, with an optional {@code .}, {@code _} or {@code -} before it and optional numbers after it:
 * {@code 1.0-beta.2} → {@code 1.0.0.0-beta2}; {@code a}/{@code alpha} → {@code alpha}, {@code b}/{@code beta} →
 * {@code beta}, {@code rc} → {@code RC}, {@code p}/{@code pl}/{@code patch} → {@code patch}, {@code stable} →
 * nothing; then an optional {@code dev} → {@code -dev};</li>
 * <li>date versions ({@code 2010-01-02}, {@code 20100102.1}) → their digits joined with {@code .};</li>
 * <li>{@code dev-<branch>} kept as is (as are {@code master}, {@code trunk}, {@code default}, which become
 * {@code dev-…}); numeric branches {@code 1.x-dev} → {@code 1.9999999.9999999.9999999-dev};</li>
 * <li>{@code +build} metadata, a {@code @stability} flag and an {@code as alias} dropped; surrounding whitespace
 * trimmed.</li>
 * </ul>
 * Anything else is not a Composer version.
 */
final class ComposerVersionNormalizer {
    private static final String[] STABILITIES = {"stable", "beta", "b", "RC", "alpha", "a", "patch", "pl", "p"};
    private static final String[] FLAGS = {"stable", "RC", "beta", "alpha", "dev"};

    private ComposerVersionNormalizer() {
    }

    /** The normal form, or null when Composer would reject {@code version}. */
    static String normalize(String version) {
        String v = phpTrim(version);
        v = dropAlias(v);
        v = dropStabilityFlag(v);
        if (v.equals("master") || v.equals("trunk") || v.equals("default")) {
            v = "dev-" + v;
        }
        if (v.regionMatches(true, 0, "dev-", 0, 4)) {
            return "dev-" + v.substring(4);
        }
        v = dropBuildMetadata(v);
        String classical = classical(v);
        if (classical != null) {
            return classical;
        }
        String date = date(v);
        if (date != null) {
            return date;
        }
        return numericBranch(v);
    }

    /** {@code X as Y}, both without commas or whitespace, is {@code X}. */
    private static String dropAlias(String v) {
        int sp = firstWhitespace(v);
        if (sp <= 0) {
            return v;
        }
        String first = v.substring(0, sp);
        int p = sp;
        while (p < v.length() && v.charAt(p) == ' ') {
            p++;
        }
        if (p == sp || v.charAt(sp) != ' ' || !v.startsWith("as", p)) {
            return v;
        }
        int q = p + 2;
        int r = q;
        while (r < v.length() && v.charAt(r) == ' ') {
            r++;
        }
        if (r == q || r == v.length()) {
            return v;
        }
        String second = v.substring(r);
        if (first.indexOf(',') >= 0 || second.indexOf(',') >= 0 || firstWhitespace(second) >= 0) {
            return v;
        }
        return first;
    }

    /** A trailing {@code @stable}, {@code @RC}, {@code @beta}, {@code @alpha} or {@code @dev} (any case). */
    private static String dropStabilityFlag(String v) {
        int at = v.lastIndexOf('@');
        if (at < 0) {
            return v;
        }
        String flag = v.substring(at + 1);
        for (String f : FLAGS) {
            if (f.equalsIgnoreCase(flag)) {
                return v.substring(0, at);
            }
        }
        return v;
    }

    /** {@code X+Y}: X without {@code ,}, {@code +} or whitespace, Y without whitespace, both non-empty. */
    private static String dropBuildMetadata(String v) {
        int plus = v.indexOf('+');
        if (plus <= 0 || plus == v.length() - 1) {
            return v;
        }
        String head = v.substring(0, plus);
        if (head.indexOf(',') >= 0 || firstWhitespace(head) >= 0 || firstWhitespace(v.substring(plus + 1)) >= 0) {
            return v;
        }
        return head;
    }

    /** {@code v?N{1,5}(.N)?(.N)?(.N)?} and a stability suffix, padded to four numbers. */
    private static String classical(String v) {
        int p = skipV(v);
        int e = Digits.end(v, p);
        if (e == p || e - p > 5) {
            return null;
        }
        StringBuilder out = new StringBuilder(v.length() + 8).append(v, p, e);
        int parts = 1;
        p = e;
        while (parts < 4 && p + 1 < v.length() && v.charAt(p) == '.' && Digits.isDigit(v.charAt(p + 1))) {
            e = Digits.end(v, p + 1);
            out.append(v, p, e);
            parts++;
            p = e;
        }
        for (; parts < 4; parts++) {
            out.append(".0");
        }
        return modifiers(v, p, out);
    }

    /**
     * {@code v?NNNN([.:-]?NN){1,6}([.:-]?N{1,3})?} and a stability suffix; the date's non-digits become
     * {@code .}. Tried in the order a backtracking regular-expression engine tries it.
     */
    private static String date(String v) {
        int p = skipV(v);
        if (p + 4 > v.length() || !Digits.all(v, p, p + 4)) {
            return null;
        }
        return datePairs(v, p, p + 4, 0);
    }

    private static String datePairs(String v, int start, int p, int pairs) {
        if (pairs < 6) {
            for (int sep = 1; sep >= 0; sep--) {
                int q = p;
                if (sep == 1) {
                    if (q >= v.length() || !isDateSeparator(v.charAt(q))) {
                        continue;
                    }
                    q++;
                }
                if (q + 2 <= v.length() && Digits.all(v, q, q + 2)) {
                    String r = datePairs(v, start, q + 2, pairs + 1);
                    if (r != null) {
                        return r;
                    }
                }
            }
        }
        if (pairs == 0) {
            return null;
        }
        for (int sep = 1; sep >= 0; sep--) {
            int q = p;
            if (sep == 1) {
                if (q >= v.length() || !isDateSeparator(v.charAt(q))) {
                    continue;
                }
                q++;
            }
            for (int n = 3; n >= 1; n--) {
                if (q + n <= v.length() && Digits.all(v, q, q + n)) {
                    String r = dateModifiers(v, start, q + n);
                    if (r != null) {
                        return r;
                    }
                }
            }
        }
        return dateModifiers(v, start, p);
    }

    private static String dateModifiers(String v, int start, int end) {
        StringBuilder out = new StringBuilder(v.length() + 8);
        for (int i = start; i < end; i++) {
            char c = v.charAt(i);
            out.append(Digits.isDigit(c) ? c : '.');
        }
        return modifiers(v, end, out);
    }

    /**
     * The stability suffix from {@code p} to the end: {@code [._-]?(stable|beta|b|RC|alpha|a|patch|pl|p)} (any case)
     * with numbers {@code ([.-]?N)*}, then {@code [.-]?dev}; appended to {@code out} in normal form, or null when
     * the rest is not such a suffix.
     */
    private static String modifiers(String v, int p, StringBuilder out) {
        int n = v.length();
        if (p < n && (v.charAt(p) == '.' || v.charAt(p) == '_' || v.charAt(p) == '-')) {
            p++;
        }
        String stability = null;
        String stabilityText = null;
        int numbersFrom = -1;
        int numbersTo = -1;
        for (String s : STABILITIES) {
            if (v.regionMatches(true, p, s, 0, s.length())) {
                stability = s;
                stabilityText = v.substring(p, p + s.length());
                p += s.length();
                numbersFrom = p;
                while (true) {
                    int q = p;
                    if (q < n && (v.charAt(q) == '.' || v.charAt(q) == '-')) {
                        q++;
                    }
                    int e = Digits.end(v, q);
                    if (e == q) {
                        break;
                    }
                    p = e;
                }
                numbersTo = p;
                break;
            }
        }
        boolean dev = false;
        int q = p;
        if (q < n && (v.charAt(q) == '.' || v.charAt(q) == '-')) {
            q++;
        }
        if (v.regionMatches(true, q, "dev", 0, 3)) {
            dev = true;
            p = q + 3;
        }
        if (p != n) {
            return null;
        }
        if (stability != null) {
            if (stabilityText.equals("stable")) {
                return out.toString();
            }
            out.append('-').append(expand(stabilityText));
            String numbers = v.substring(numbersFrom, numbersTo);
            int skip = 0;
            while (skip < numbers.length() && (numbers.charAt(skip) == '.' || numbers.charAt(skip) == '-')) {
                skip++;
            }
            out.append(numbers, skip, numbers.length());
        }
        if (dev) {
            out.append("-dev");
        }
        return out.toString();
    }

    private static String expand(String stability) {
        String s = stability.toLowerCase(Locale.ROOT);
        return switch (s) {
            case "a" -> "alpha";
            case "b" -> "beta";
            case "p", "pl" -> "patch";
            case "rc" -> "RC";
            default -> s;
        };
    }

    /**
     * {@code 1.x-dev}, {@code 2.1.*-dev}, {@code v3.dev}: a numeric branch, its wildcards as {@code 9999999}; null for
     * anything else (a non-numeric branch needs its {@code dev-} prefix).
     */
    private static String numericBranch(String v) {
        int n = v.length();
        if (n < 3 || !v.regionMatches(true, n - 3, "dev", 0, 3)) {
            return null;
        }
        int end = n - 3;
        if (end > 0 && (v.charAt(end - 1) == '.' || v.charAt(end - 1) == '-')) {
            end--;
        }
        String name = phpTrim(v.substring(0, end));
        int p = skipV(name);
        int e = Digits.end(name, p);
        if (e == p) {
            return null;
        }
        StringBuilder out = new StringBuilder().append(name, p, e);
        int parts = 1;
        p = e;
        while (p < name.length()) {
            if (parts == 4 || name.charAt(p) != '.' || p + 1 >= name.length()) {
                return null;
            }
            char c = name.charAt(p + 1);
            if (c == 'x' || c == 'X' || c == '*') {
                out.append(".9999999");
                p += 2;
            } else {
                e = Digits.end(name, p + 1);
                if (e == p + 1) {
                    return null;
                }
                out.append(name, p, e);
                p = e;
            }
            parts++;
        }
        for (; parts < 4; parts++) {
            out.append(".9999999");
        }
        return out.append("-dev").toString();
    }

    private static int skipV(String v) {
        return !v.isEmpty() && (v.charAt(0) == 'v' || v.charAt(0) == 'V') ? 1 : 0;
    }

    private static boolean isDateSeparator(char c) {
        return c == '.' || c == ':' || c == '-';
    }

    private static int firstWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isPcreSpace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isPcreSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** PHP's {@code trim}: spaces, tabs, newlines, carriage returns, NUL and vertical tabs. */
    static String phpTrim(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isTrimmed(s.charAt(from))) {
            from++;
        }
        while (to > from && isTrimmed(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean isTrimmed(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0' || c == '\u000B';
    }
}
