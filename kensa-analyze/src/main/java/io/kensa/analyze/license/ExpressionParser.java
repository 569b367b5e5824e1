package io.kensa.analyze.license;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses license expressions: {@code OR} binds loosest, then {@code AND}, then {@code WITH}; parentheses group.
 * Operators are read in any letter case. What stands between operators (an atom) is handed to {@link Atoms}: in
 * strict mode one word (an SPDX id), in lenient mode every word up to the next operator ({@code GNU General Public
 * License v2 or later}, {@code BSD 2-Clause}). A parse fails (null) when an atom or an exception does not resolve,
 * or the text is not an expression; bounded in tokens and nesting, so a hostile string costs little.
 */
final class ExpressionParser {
    static final int MAX_TOKENS = 400;
    private static final int MAX_DEPTH = 16;

    /** Resolves atoms: null when the text names no license (or exception) it knows. */
    interface Atoms {
        LicenseExpression license(String text);

        String exception(String text, LicenseExpression.License license);
    }

    private final List<String> tokens;
    private final Atoms atoms;
    private final boolean multiWord;
    private int pos;
    private int depth;

    private ExpressionParser(List<String> tokens, Atoms atoms, boolean multiWord) {
        this.tokens = tokens;
        this.atoms = atoms;
        this.multiWord = multiWord;
    }

    /** The expression, or null when {@code text} is not one whose atoms all resolve. */
    static LicenseExpression parse(String text, Atoms atoms, boolean multiWordAtoms) {
        List<String> tokens = tokenize(text);
        if (tokens == null || tokens.isEmpty()) {
            return null;
        }
        ExpressionParser p = new ExpressionParser(tokens, atoms, multiWordAtoms);
        LicenseExpression e = p.or();
        return e != null && p.pos == tokens.size() ? e : null;
    }

    private static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == ')' || Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    out.add(word.toString());
                    word.setLength(0);
                }
                if (!Character.isWhitespace(c)) {
                    out.add(String.valueOf(c));
                }
            } else {
                word.append(c);
            }
            if (out.size() > MAX_TOKENS) {
                return null;
            }
        }
        if (!word.isEmpty()) {
            out.add(word.toString());
        }
        return out;
    }

    private LicenseExpression or() {
        List<LicenseExpression> operands = new ArrayList<>();
        do {
            LicenseExpression e = and();
            if (e == null) {
                return null;
            }
            operands.add(e);
        } while (accept("or"));
        return LicenseExpression.or(operands);
    }

    private LicenseExpression and() {
        List<LicenseExpression> operands = new ArrayList<>();
        do {
            LicenseExpression e = with();
            if (e == null) {
                return null;
            }
            operands.add(e);
        } while (accept("and"));
        return LicenseExpression.and(operands);
    }

    private LicenseExpression with() {
        boolean grouped = peek("(");
        LicenseExpression e = primary();
        if (e == null || !accept("with")) {
            return e;
        }
        if (grouped || !(e instanceof LicenseExpression.License license)) {
            return null; // only a single license takes an exception
        }
        String words = atomText();
        String exception = words == null ? null : atoms.exception(words, license);
        return exception == null ? null : new LicenseExpression.With(license, exception);
    }

    private LicenseExpression primary() {
        if (accept("(")) {
            if (++depth > MAX_DEPTH) {
                return null;
            }
            LicenseExpression e = or();
            depth--;
            return e != null && accept(")") ? e : null;
        }
        String words = atomText();
        return words == null ? null : atoms.license(words);
    }

    /** The atom's words joined by spaces, or null when an operator or parenthesis stands here. */
    private String atomText() {
        StringBuilder b = new StringBuilder();
        while (pos < tokens.size() && !isOperator(tokens.get(pos))) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(tokens.get(pos++));
            if (!multiWord) {
                break;
            }
        }
        return b.isEmpty() ? null : b.toString();
    }

    private static boolean isOperator(String token) {
        return switch (token.toLowerCase(Locale.ROOT)) {
            case "and", "or", "with", "(", ")" -> true;
            default -> false;
        };
    }

    private boolean peek(String token) {
        return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(token);
    }

    private boolean accept(String token) {
        if (peek(token)) {
            pos++;
            return true;
        }
        return false;
    }
}
