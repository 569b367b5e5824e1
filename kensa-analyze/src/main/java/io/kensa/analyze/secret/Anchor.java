package io.kensa.analyze.secret;

/** Where a rule's match begins relative to an occurrence of one of its keywords. */
public enum Anchor {
    /** Anywhere on the line: the rule's regex is searched in the whole line (custom rules, context rules). */
    LINE,
    /** At the keyword: the token starts with its prefix ({@code ghp_}, {@code AKIA}). */
    KEYWORD,
    /**
     * At the start of the word holding the keyword (letters, digits, {@code _ . -}): the keyword is inside a name
     * ({@code DATABASE_PASSWORD=}) or inside the token ({@code ey…}{@code .eyJ…}).
     */
    WORD
}
