package io.kensa.match.version;

/**
 * Alpine (and Wolfi) package versions, ordered as apk-tools' current {@code src/version.c} orders them:
 * {@code number{.number}...{letter}{_suffix{number}}...{~hash}{-rN}}.
 *
 * <p>Both versions are read token by token (the first number, {@code .number}, one lower-case letter,
 * {@code _suffix}, the suffix's number, {@code ~hash} of lower-case hex digits, {@code -rN}); while both have a
 * token of the same kind, the tokens are compared:
 * <ul>
 *   <li>the first number, suffix numbers and the revision {@code -rN} by value (of any length, no overflow);</li>
 *   <li>a later {@code .number} by value too, unless either of the two starts with {@code 0}: then as strings
 *       (byte order, a prefix first), so {@code 1.01 < 1.1}, {@code 8.2.0 < 8.2.001}, {@code 8.2.0015 < 8.2.002};</li>
 *   <li>letters by character; suffixes in the order {@code _alpha < _beta < _pre < _rc < (none) < _cvs < _svn <
 *       _git < _hg < _p}; commit hashes as strings.</li>
 * </ul>
 * When one version runs out of tokens of the same kind first: a pre-release suffix ({@code _alpha} … {@code _rc})
 * makes its version the older; otherwise the version whose next token comes later in the grammar is the older
 * ({@code 1.0 < 1.0.1}, {@code 1.0 < 1.0a}, {@code 1.0 < 1.0_p1}, {@code 1.0 < 1.0-r1}, and the end of a version
 * sorts after anything invalid).
 *
 * <p>Invalid versions: apk compares the tokens up to the first one that breaks the grammar and sorts that point
 * below the end of a valid version ({@code 1.0 > 1.0-foo}), exactly as here. Where apk then calls two versions
 * equal because both break the grammar at the same token after an equal prefix ({@code 1.0a1} and {@code 1.0a2}),
 * this scheme goes on with the rest of the two strings, from the broken token, in plain character order, so that
 * the order stays total and deterministic. apk-tools accumulates numbers in 64 bits; numbers beyond that compare
 * here by their true value.
 */
public final class ApkVersionScheme implements VersionScheme {
    public static final String NAME = "apk";

    // token kinds, in apk's order: their order is the grammar's order and decides the end of a comparison
    private static final int INITIAL_DIGIT = 0;
    private static final int DIGIT = 1;
    private static final int LETTER = 2;
    private static final int SUFFIX = 3;
    private static final int SUFFIX_NO = 4;
    private static final int COMMIT_HASH = 5;
    private static final int REVISION_NO = 6;
    private static final int END = 7;
    private static final int INVALID = 8;

    // suffix values, in apk's order: below NONE are pre-releases
    private static final int SUFFIX_INVALID = 0;
    private static final int SUFFIX_NONE = 5;
    /** The suffixes in apk's order; a suffix's value is its index, 0 (invalid) and 5 (none) are not spelled. */
    private static final String[] SUFFIXES = {null, "alpha", "beta", "pre", "rc", null, "cvs", "svn", "git", "hg", "p"};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int compare(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        Cursor x = new Cursor(a);
        Cursor y = new Cursor(b);
        while (x.token == y.token && x.token < END) {
            int c = compareTokens(x, y);
            if (c != 0) {
                return c;
            }
            x.next();
            y.next();
        }
        if (x.token == y.token) {
            return x.token == END ? 0 : compareRest(x, y);
        }
        if (x.token == SUFFIX && x.suffix < SUFFIX_NONE) {
            return -1;
        }
        if (y.token == SUFFIX && y.suffix < SUFFIX_NONE) {
            return 1;
        }
        return x.token > y.token ? -1 : 1;
    }

    /** apk's {@code apk_version_validate}: the tokens run to the end without breaking the grammar. */
    @Override
    public boolean isValid(String version) {
        if (version == null) {
            return false;
        }
        Cursor c = new Cursor(version);
        while (c.token < END) {
            c.next();
        }
        return c.token == END;
    }

    private static int compareTokens(Cursor x, Cursor y) {
        return switch (x.token) {
            case DIGIT -> x.s.charAt(x.start) == '0' || y.s.charAt(y.start) == '0'
                    ? compareBytes(x.s, x.start, x.end, y.s, y.start, y.end)
                    : DpkgVersionScheme.compareNumbers(x.s, x.start, x.end, y.s, y.start, y.end);
            case INITIAL_DIGIT, SUFFIX_NO, REVISION_NO ->
                    DpkgVersionScheme.compareNumbers(x.s, x.start, x.end, y.s, y.start, y.end);
            case LETTER -> Integer.compare(x.s.charAt(x.start), y.s.charAt(y.start));
            case SUFFIX -> Integer.compare(x.suffix, y.suffix);
            default -> compareBytes(x.s, x.start, x.end, y.s, y.start, y.end);
        };
    }

    /** Both versions broke the grammar at the same token: the rest of each string, from that token, decides. */
    private static int compareRest(Cursor x, Cursor y) {
        return compareBytes(x.s, x.start, x.s.length(), y.s, y.start, y.s.length());
    }

    /** apk_blob_sort: character by character, then the shorter first; -1, 0 or 1. */
    private static int compareBytes(String a, int ai, int ae, String b, int bi, int be) {
        for (; ai < ae && bi < be; ai++, bi++) {
            int d = a.charAt(ai) - b.charAt(bi);
            if (d != 0) {
                return d < 0 ? -1 : 1;
            }
        }
        return Integer.compare(ae - ai, be - bi);
    }

    /** Reads one version token by token, as apk's token_first/token_next do. */
    private static final class Cursor {
        final String s;
        int pos;
        int token;
        /** The current token's value, {@code s[start, end)}; for an invalid token, where the broken token starts. */
        int start;
        int end;
        int suffix;

        Cursor(String s) {
            this.s = s;
            this.token = INITIAL_DIGIT;
            digits(0);
        }

        private void digits(int tokenStart) {
            int from = pos;
            while (pos < s.length() && isDigit(s.charAt(pos))) {
                pos++;
            }
            start = from;
            end = pos;
            if (from == pos) {
                invalid(tokenStart);
            }
        }

        private void invalid(int tokenStart) {
            token = INVALID;
            start = tokenStart;
            end = s.length();
        }

        void next() {
            int tokenStart = pos;
            if (pos >= s.length()) {
                token = END;
                return;
            }
            char c = s.charAt(pos);
            if (c >= 'a' && c <= 'z') {
                if (token > DIGIT) {
                    invalid(tokenStart);
                    return;
                }
                start = pos;
                end = ++pos;
                token = LETTER;
            } else if (c == '.' || isDigit(c)) {
                if (c == '.') {
                    if (token > DIGIT) {
                        invalid(tokenStart);
                        return;
                    }
                    pos++;
                }
                switch (token) {
                    case INITIAL_DIGIT, DIGIT -> token = DIGIT;
                    case SUFFIX -> token = SUFFIX_NO;
                    default -> {
                        invalid(tokenStart);
                        return;
                    }
                }
                digits(tokenStart);
            } else if (c == '_') {
                if (token > SUFFIX_NO) {
                    invalid(tokenStart);
                    return;
                }
                pos++;
                int from = pos;
                while (pos < s.length() && s.charAt(pos) >= 'a' && s.charAt(pos) <= 'z') {
                    pos++;
                }
                suffix = suffixValue(s, from, pos);
                if (suffix == SUFFIX_INVALID) {
                    invalid(tokenStart);
                    return;
                }
                start = from;
                end = pos;
                token = SUFFIX;
            } else if (c == '~') {
                if (token >= COMMIT_HASH) {
                    invalid(tokenStart);
                    return;
                }
                pos++;
                int from = pos;
                while (pos < s.length() && isHexDigit(s.charAt(pos))) {
                    pos++;
                }
                if (from == pos) {
                    invalid(tokenStart);
                    return;
                }
                start = from;
                end = pos;
                token = COMMIT_HASH;
            } else if (c == '-') {
                if (token >= REVISION_NO || pos + 1 >= s.length() || s.charAt(pos + 1) != 'r') {
                    invalid(tokenStart);
                    return;
                }
                pos += 2;
                token = REVISION_NO;
                digits(tokenStart);
            } else {
                invalid(tokenStart);
            }
        }
    }

    /** alpha 1, beta 2, pre 3, rc 4, (none 5), cvs 6, svn 7, git 8, hg 9, p 10; 0 for anything else. */
    private static int suffixValue(String s, int from, int to) {
        for (int v = 1; v < SUFFIXES.length; v++) {
            String name = SUFFIXES[v];
            if (name != null && name.length() == to - from && s.regionMatches(from, name, 0, name.length())) {
                return v;
            }
        }
        return SUFFIX_INVALID;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f');
    }
}
