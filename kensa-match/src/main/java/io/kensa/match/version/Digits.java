package io.kensa.match.version;

/**
 * Runs of ASCII digits compared as the non-negative integers they spell, of any length (no overflow, no
 * allocation): leading zeros do not count, so {@code 007} equals {@code 7}.
 */
final class Digits {
    private Digits() {
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** True when {@code s[from, to)} is non-empty and all ASCII digits. */
    static boolean all(CharSequence s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean all(String s) {
        return all(s, 0, s.length());
    }

    /** The end of the run of digits starting at {@code from} ({@code from} itself when there is none). */
    static int end(CharSequence s, int from) {
        int i = from;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Compares two digit strings numerically. */
    static int compare(String a, String b) {
        return compare(a, 0, a.length(), b, 0, b.length());
    }

    /** Compares {@code a[af, at)} and {@code b[bf, bt)}, both runs of digits, numerically. */
    static int compare(CharSequence a, int af, int at, CharSequence b, int bf, int bt) {
        while (af < at - 1 && a.charAt(af) == '0') {
            af++;
        }
        while (bf < bt - 1 && b.charAt(bf) == '0') {
            bf++;
        }
        int byLength = Integer.compare(at - af, bt - bf);
        if (byLength != 0) {
            return byLength;
        }
        for (; af < at; af++, bf++) {
            int c = Character.compare(a.charAt(af), b.charAt(bf));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** True when the digit string is {@code 0}, {@code 00} … */
    static boolean isZero(String digits) {
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    /** True when the digit string has a superfluous leading zero ({@code 01}, not {@code 0}). */
    static boolean hasLeadingZero(CharSequence s, int from, int to) {
        return to - from > 1 && s.charAt(from) == '0';
    }
}
