package io.kensa.analyze.lang.ruby;

import java.util.List;

/**
 * One token of Ruby source, as far as a gemspec reader needs: string literals (with their value), word lists
 * ({@code %w[...]}), identifiers, operators, punctuation and line ends.
 *
 * @param kind    what the token is
 * @param text    the identifier, operator or punctuation text; the decoded value of a string literal
 * @param words   the words of a word list, empty otherwise
 * @param dynamic a string literal whose value depends on code ({@code "#{...}"} interpolation)
 */
record RubyToken(Kind kind, String text, List<String> words, boolean dynamic) {

    enum Kind { STRING, WORDS, IDENT, NUMBER, OPERATOR, PUNCT, NEWLINE }

    static RubyToken of(Kind kind, String text) {
        return new RubyToken(kind, text, List.of(), false);
    }

    boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    boolean isPunct(String t) {
        return is(Kind.PUNCT, t);
    }
}
