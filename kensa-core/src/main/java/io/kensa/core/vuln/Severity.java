package io.kensa.core.vuln;

import java.util.Locale;

/** A vulnerability's severity, ordered from least to most severe. */
public enum Severity {
    UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL;

    /**
     * The severity a publisher names, case-insensitively: the five names, plus the usual synonyms ({@code moderate},
     * {@code important}, {@code negligible}, {@code unimportant}, {@code none}). Anything else is {@link #UNKNOWN}.
     */
    public static Severity parse(String name) {
        if (name == null) {
            return UNKNOWN;
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "critical" -> CRITICAL;
            case "high", "important" -> HIGH;
            case "medium", "moderate" -> MEDIUM;
            case "low", "negligible", "unimportant", "none" -> LOW;
            default -> UNKNOWN;
        };
    }

    /** The CVSS v3/v4 qualitative rating of a base score (0.0 is treated as LOW: a finding is never "none"). */
    public static Severity fromCvssScore(double score) {
        if (score >= 9.0) {
            return CRITICAL;
        }
        if (score >= 7.0) {
            return HIGH;
        }
        if (score >= 4.0) {
            return MEDIUM;
        }
        return LOW;
    }

    /** True when this is at least as severe as {@code other}. */
    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
