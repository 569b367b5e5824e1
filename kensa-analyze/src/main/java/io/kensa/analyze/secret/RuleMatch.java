package io.kensa.analyze.secret;

import java.util.regex.Matcher;

/**
 * One regex match of a rule, as a {@link SecretCheck} sees it: the match in the file's text, the file it is in,
 * and the bytes around it (for checks that look past the match).
 */
final class RuleMatch {
    private static final int LINE_REACH = 1024;

    private final Matcher matcher;
    private final ByteText text;
    private final String path;
    private final byte[] data;
    private final int length;
    private final int secretStart;
    private final int secretEnd;

    RuleMatch(Matcher matcher, ByteText text, String path, byte[] data, int length, int secretStart,
              int secretEnd) {
        this.matcher = matcher;
        this.text = text;
        this.path = path;
        this.data = data;
        this.length = length;
        this.secretStart = secretStart;
        this.secretEnd = secretEnd;
    }

    /** The secret (the rule's secret group, else the whole match). */
    String secret() {
        return text.substring(secretStart, secretEnd);
    }

    /** A named group of the match, null when the rule has no such group or it did not take part. */
    String group(String name) {
        try {
            return matcher.group(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The line of the match (at most {@value #LINE_REACH} characters each way from it). */
    String line() {
        int from = matcher.start();
        int limit = Math.max(0, from - LINE_REACH);
        while (from > limit && data[from - 1] != '\n') {
            from--;
        }
        int to = matcher.end();
        int end = Math.min(length, to + LINE_REACH);
        while (to < end && data[to] != '\n') {
            to++;
        }
        return text.substring(from, to);
    }

    String path() {
        return path;
    }

    /** The bytes of the file; {@link #dataEnd()} bounds them. */
    byte[] data() {
        return data;
    }

    int dataEnd() {
        return length;
    }

    /** Offset in {@link #data()} just past the match. */
    int matchEndOffset() {
        return matcher.end();
    }
}
