package io.kensa.analyze.misconfig.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The word processing the Dockerfile builder applies to the arguments of {@code ADD}, {@code COPY}, {@code ENV},
 * {@code ARG}, {@code EXPOSE}, {@code FROM}, {@code LABEL}, {@code STOPSIGNAL}, {@code USER}, {@code VOLUME} and
 * {@code WORKDIR}: words split on blanks, single quotes literal, double quotes grouping, the escape character
 * ({@code \} or the one of the {@code # escape=} directive) quoting the next character, and variable substitution:
 * {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-word}} / {@code ${NAME-word}} (word when unset or empty / unset),
 * {@code ${NAME:+word}} / {@code ${NAME+word}} (word when set and not empty / set), {@code ${NAME:?message}}. A
 * variable with no value expands to nothing; the result says when one was referenced, so that a check can tell an
 * image name it cannot know from one that is really empty.
 */
final class ShellWords {
    /** Most nested {@code ${…}} levels followed. */
    private static final int MAX_DEPTH = 16;

    /** The words, and whether a referenced variable had no value. */
    record Result(List<String> words, boolean undefined) {
        /** The words joined by single spaces. */
        String joined() {
            return String.join(" ", words);
        }
    }

    private final char escape;
    private final Function<String, String> lookup;
    private boolean undefined;

    /** @param lookup a variable's value, or null when it is not set */
    ShellWords(char escape, Function<String, String> lookup) {
        this.escape = escape;
        this.lookup = lookup;
    }

    /** Splits {@code text} into words, expanding variables. */
    Result words(String text) {
        undefined = false;
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
                continue;
            }
            inWord = true;
            i = part(text, i, word, 0);
        }
        if (inWord) {
            out.add(word.toString());
        }
        return new Result(out, undefined);
    }

    /** Processes {@code text} as one word (no splitting on blanks), expanding variables. */
    Result word(String text) {
        undefined = false;
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            i = part(text, i, word, 0);
        }
        return new Result(List.of(word.toString()), undefined);
    }

    /** Appends the meaning of the word part at {@code i} (a character, a quoted string, a variable); returns the next index. */
    private int part(String text, int i, StringBuilder out, int depth) {
        char c = text.charAt(i);
        if (c == escape) {
            if (i + 1 < text.length()) {
                out.append(text.charAt(i + 1));
                return i + 2;
            }
            out.append(c);
            return i + 1;
        }
        if (c == '\'') {
            int end = text.indexOf('\'', i + 1);
            end = end < 0 ? text.length() : end;
            out.append(text, i + 1, end);
            return Math.min(text.length(), end + 1);
        }
        if (c == '"') {
            int j = i + 1;
            while (j < text.length() && text.charAt(j) != '"') {
                char d = text.charAt(j);
                if (d == escape && j + 1 < text.length() && "\"$".indexOf(text.charAt(j + 1)) >= 0
                        || d == escape && j + 1 < text.length() && text.charAt(j + 1) == escape) {
                    out.append(text.charAt(j + 1));
                    j += 2;
                } else if (d == '$') {
                    j = variable(text, j, out, depth);
                } else {
                    out.append(d);
                    j++;
                }
            }
            return Math.min(text.length(), j + 1);
        }
        if (c == '$') {
            return variable(text, i, out, depth);
        }
        out.append(c);
        return i + 1;
    }

    /** Expands the variable reference at {@code i} (a {@code $}); returns the index after it. */
    private int variable(String text, int i, StringBuilder out, int depth) {
        if (i + 1 >= text.length()) {
            out.append('$');
            return i + 1;
        }
        char n = text.charAt(i + 1);
        if (n == '{') {
            int close = closingBrace(text, i + 2);
            if (close < 0 || depth >= MAX_DEPTH) {
                out.append(text, i, text.length());
                return text.length();
            }
            out.append(braced(text.substring(i + 2, close), depth));
            return close + 1;
        }
        int j = i + 1;
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
            j++;
        }
        if (j == i + 1) {
            out.append('$');
            return i + 1;
        }
        out.append(value(text.substring(i + 1, j)));
        return j;
    }

    /** The value of {@code ${body}}. */
    private String braced(String body, int depth) {
        int k = 0;
        while (k < body.length() && (Character.isLetterOrDigit(body.charAt(k)) || body.charAt(k) == '_')) {
            k++;
        }
        String name = body.substring(0, k);
        String op = body.substring(k);
        String v = lookup.apply(name);
        boolean colon = op.startsWith(":");
        String rest = colon ? op.substring(1) : op;
        if (rest.isEmpty()) {
            return value(name);
        }
        char kind = rest.charAt(0);
        String word = rest.substring(1);
        boolean set = v != null && (!colon || !v.isEmpty());
        return switch (kind) {
            case '-' -> set ? v : nested(word, depth);
            case '+' -> set ? nested(word, depth) : "";
            case '?' -> {
                if (!set) {
                    undefined = true;
                }
                yield set ? v : "";
            }
            default -> value(name); // ${x#pattern} and friends: the value as is
        };
    }

    private String nested(String word, int depth) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < word.length()) {
            i = part(word, i, b, depth + 1);
        }
        return b.toString();
    }

    private String value(String name) {
        String v = lookup.apply(name);
        if (v == null) {
            undefined = true;
            return "";
        }
        return v;
    }

    private static int closingBrace(String text, int from) {
        int depth = 1;
        for (int j = from; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return j;
            }
        }
        return -1;
    }
}
