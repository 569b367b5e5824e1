package io.kensa.report.vuln;

import io.kensa.core.vuln.CvssScore;
import io.kensa.core.vuln.VulnerabilityFinding;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** The highest CVSS base score among the assessments of one or more findings (of one vulnerability). */
public final class HighestCvss {
    private HighestCvss() {
    }

    public static Optional<CvssScore> of(Collection<VulnerabilityFinding> findings) {
        return findings.stream().flatMap(f -> f.cvss().stream()).filter(Objects::nonNull)
                .filter(c -> Double.isFinite(c.baseScore()) && c.baseScore() >= 0 && c.baseScore() <= 10)
                .max(Comparator.comparingDouble(CvssScore::baseScore));
    }

    /** A base score as CVSS prints it: one decimal ({@code 9.8}, {@code 10.0}). */
    public static String format(double score) {
        return String.format(Locale.ROOT, "%.1f", score);
    }
}
