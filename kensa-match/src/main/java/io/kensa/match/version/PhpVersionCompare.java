package io.kensa.match.version;

/**
 * PHP's {@code version_compare} (what Composer compares normalised versions with): each of {@code -}, {@code _},
 * {@code +} and any other non-alphanumeric character separates, and so does every change between digits and
 * non-digits; the parts then compare one by one: two numbers numerically; otherwise by rank, a number ranking as
 * {@code #}: any other word &lt; {@code dev} &lt; {@code alpha} = {@code a} &lt; {@code beta} = {@code b} &lt;
 * {@code RC} = {@code rc} &lt; {@code #} &lt; {@code pl} = {@code p} (a word takes the rank of the first of these
 * it starts with, so {@code patch} ranks as {@code p}). When one side runs out, the other wins if its next part is
 * a number, and otherwise ranks that part against {@code #}. The empty string is before every other, and a
 * string that ends in a separator is before everything its parts are a prefix of ({@code 1.0- < 1.0 < 1.0.dev}).
 * <p>
 * Like PHP, a first character that is not alphanumeric is kept, as the start of a word ({@code -beta} is one
 * unknown word). Two deviations, which keep the order transitive: a string starting with {@code #} is read like any
 * other (PHP then splits it on dots only, and its {@code #} words tie with every number); numbers of any length
 * compare exactly (PHP saturates above 2^63-1).
 */
final class PhpVersionCompare {
    private static final int NUMBER = 4;

    private PhpVersionCompare() {
    }

    static int compare(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(!a.isEmpty(), !b.isEmpty());
        }
        int i = 0;
        int j = 0;
        while (true) {
            i = partStart(a, i);
            j = partStart(b, j);
            boolean aEnd = i >= a.length();
            boolean bEnd = j >= b.length();
            if (aEnd || bEnd) {
                boolean aCut = aEnd && endsWithSeparator(a);
                boolean bCut = bEnd && endsWithSeparator(b);
                if (aCut || bCut) {
                    return Boolean.compare(!aCut, !bCut);
                }
                if (aEnd && bEnd) {
                    return 0;
                }
                return aEnd ? -Integer.signum(rankAgainstEnd(b, j)) : Integer.signum(rankAgainstEnd(a, i));
            }
            int ie = partEnd(a, i);
            int je = partEnd(b, j);
            boolean an = Digits.isDigit(a.charAt(i));
            boolean bn = Digits.isDigit(b.charAt(j));
            int c;
            if (an && bn) {
                c = Digits.compare(a, i, ie, b, j, je);
            } else {
                c = Integer.compare(an ? NUMBER : rank(a, i, ie), bn ? NUMBER : rank(b, j, je));
            }
            if (c != 0) {
                return c;
            }
            i = ie;
            j = je;
        }
    }

    /**
     * Between two strings that {@link #compare} finds equal (so with the same parts, numbers equal, words of equal
     * rank): their words in plain string order, part by part. A tie-break, not part of PHP's order.
     */
    static int compareWords(String a, String b) {
        int i = partStart(a, 0);
        int j = partStart(b, 0);
        while (i < a.length() && j < b.length()) {
            int ie = partEnd(a, i);
            int je = partEnd(b, j);
            if (!Digits.isDigit(a.charAt(i)) && !Digits.isDigit(b.charAt(j))) {
                int c = CharSequence.compare(a.subSequence(i, ie), b.subSequence(j, je));
                if (c != 0) {
                    return Integer.signum(c);
                }
            }
            i = partStart(a, ie);
            j = partStart(b, je);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** The remaining part at {@code p} against nothing: positive when a number, else its rank against {@code #}. */
    private static int rankAgainstEnd(String s, int p) {
        if (Digits.isDigit(s.charAt(p))) {
            return 1;
        }
        return Integer.compare(rank(s, p, partEnd(s, p)), NUMBER);
    }

    /** The special-form rank of the word {@code s[from, to)}. */
    private static int rank(String s, int from, int to) {
        if (startsWith(s, from, to, "dev")) {
            return 0;
        }
        if (startsWith(s, from, to, "alpha") || startsWith(s, from, to, "a")) {
            return 1;
        }
        if (startsWith(s, from, to, "beta") || startsWith(s, from, to, "b")) {
            return 2;
        }
        if (startsWith(s, from, to, "RC") || startsWith(s, from, to, "rc")) {
            return 3;
        }
        if (startsWith(s, from, to, "pl") || startsWith(s, from, to, "p")) {
            return 5;
        }
        return -1;
    }

    private static boolean startsWith(String s, int from, int to, String prefix) {
        return to - from >= prefix.length() && s.startsWith(prefix, from);
    }

    /**
     * A string that ends in a separator ({@code 1.0-}, or just {@code .}, which PHP also reads as an empty word):
     * PHP then compares an empty rest, which is before anything, even another empty rest (here equal to it, so the
     * order stays reflexive).
     */
    private static boolean endsWithSeparator(String s) {
        char last = s.charAt(s.length() - 1);
        return !isAlphanumeric(last) && (s.length() > 1 || last == '.' || last == '#');
    }

    /** Where the part at or after {@code p} starts (the length when there is none). */
    private static int partStart(String s, int p) {
        if (p == 0 && leadingGlyph(s)) {
            return 0;
        }
        return skipSeparators(s, p);
    }

    /** A first character that PHP keeps though it is not alphanumeric. */
    private static boolean leadingGlyph(String s) {
        return !s.isEmpty() && !isAlphanumeric(s.charAt(0)) && s.charAt(0) != '#';
    }

    private static int skipSeparators(String s, int p) {
        while (p < s.length() && !isAlphanumeric(s.charAt(p))) {
            p++;
        }
        return p;
    }

    private static int partEnd(String s, int p) {
        boolean digit = Digits.isDigit(s.charAt(p));
        if (p == 0 && leadingGlyph(s)) {
            digit = false;
        }
        int e = p + 1;
        while (e < s.length() && isAlphanumeric(s.charAt(e)) && Digits.isDigit(s.charAt(e)) == digit) {
            e++;
        }
        return e;
    }

    /** C's {@code isalnum} in the C locale. */
    private static boolean isAlphanumeric(char c) {
        return Digits.isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
