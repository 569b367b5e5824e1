package io.kensa.report.cyclonedx;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Recognises the everyday SPDX license expressions without the SPDX library: listed ids (optionally {@code +}),
 * {@code LicenseRef-} references, {@code AND}/{@code OR} (upper or lower case, as the SPDX library's parser
 * accepts them), parentheses, and {@code WITH} (likewise) an exception id
 * (a listed id naming an exception). It only says "certainly valid"; anything it does not recognise is left to the
 * SPDX parser, so it can never accept what the parser would refuse because it is stricter than the grammar.
 */
final class PlainLicenseExpression {
    private final Predicate<String> listedId;
    private final boolean structureOnly;
    private List<String> tokens;
    private int pos;

    PlainLicenseExpression(Predicate<String> listedId) {
        this(listedId, false);
    }

    private PlainLicenseExpression(Predicate<String> listedId, boolean structureOnly) {
        this.listedId = listedId;
        this.structureOnly = structureOnly;
    }

    /**
     * True when {@code text} cannot be an SPDX expression whatever its ids are: its shape breaks the grammar
     * (two licenses side by side, a dangling operator, unbalanced parentheses). Operators match in any case here,
     * so nothing the SPDX parser might accept is called impossible.
     */
    static boolean certainlyInvalid(String text) {
        return !new PlainLicenseExpression(id -> true, true).certainlyValid(text);
    }

    /** True when {@code text} is certainly a valid SPDX license expression. */
    boolean certainlyValid(String text) {
        tokens = List.of(text.replace("(", " ( ").replace(")", " ) ").trim().split("\\s+"));
        pos = 0;
        return expression(0) && pos == tokens.size();
    }

    private boolean expression(int depth) {
        if (depth > 32 || !conjunction(depth)) {
            return false;
        }
        while (peek("OR")) {
            pos++;
            if (!conjunction(depth)) {
                return false;
            }
        }
        return true;
    }

    private boolean conjunction(int depth) {
        if (!term(depth)) {
            return false;
        }
        while (peek("AND")) {
            pos++;
            if (!term(depth)) {
                return false;
            }
        }
        return true;
    }

    private boolean term(int depth) {
        if (peek("(")) {
            pos++;
            if (!expression(depth + 1) || !peek(")")) {
                return false;
            }
            pos++;
            return true;
        }
        if (pos >= tokens.size() || !license(tokens.get(pos))) {
            return false;
        }
        pos++;
        if (peek("WITH")) {
            pos++;
            if (pos >= tokens.size() || !exception(tokens.get(pos))) {
                return false;
            }
            pos++;
        }
        return true;
    }

    private boolean license(String token) {
        if (structureOnly) {
            return !isOperator(token) && !token.equals("(") && !token.equals(")");
        }
        if (token.startsWith("LicenseRef-") && token.length() > "LicenseRef-".length()) {
            return token.substring("LicenseRef-".length()).matches("[A-Za-z0-9.-]+");
        }
        String id = token.endsWith("+") ? token.substring(0, token.length() - 1) : token;
        return !id.toLowerCase(Locale.ROOT).contains("exception") && listedId.test(id);
    }

    private boolean exception(String token) {
        if (structureOnly) {
            return license(token);
        }
        return token.toLowerCase(Locale.ROOT).contains("exception") && listedId.test(token);
    }

    /** The next token is {@code token}; operators also match in lower case. */
    private boolean peek(String token) {
        if (pos >= tokens.size()) {
            return false;
        }
        String next = tokens.get(pos);
        if (structureOnly && Character.isLetter(token.charAt(0))) {
            return next.equalsIgnoreCase(token);
        }
        return next.equals(token) || (Character.isLetter(token.charAt(0)) && next.equals(token.toLowerCase(Locale.ROOT)));
    }

    private static boolean isOperator(String token) {
        return token.equalsIgnoreCase("AND") || token.equalsIgnoreCase("OR") || token.equalsIgnoreCase("WITH");
    }
}
