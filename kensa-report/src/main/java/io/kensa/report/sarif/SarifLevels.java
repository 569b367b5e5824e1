package io.kensa.report.sarif;

import io.kensa.core.vuln.Severity;

/** SARIF's {@code level} of a severity: critical and high are errors, medium a warning, low and unknown notes. */
final class SarifLevels {
    private SarifLevels() {
    }

    static String of(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, UNKNOWN -> "note";
        };
    }

    /**
     * The {@code security-severity} GitHub reads when a vulnerability has no CVSS score: a score inside the band
     * GitHub shows as that severity (critical above 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9); none for an
     * unknown severity.
     */
    static String securitySeverityOf(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "2.0";
            case UNKNOWN -> null;
        };
    }
}
