package io.kensa.match.filter;

import io.kensa.core.vuln.VulnerabilityFinding;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code --min-epss P}: keeps the findings whose EPSS score is at least P. A finding without an EPSS score (not a
 * CVE, or a CVE FIRST has not scored) is taken out, and its reason says so.
 */
public final class EpssFilter implements FindingFilter {
    public static final String NAME = "epss";

    private final double min;

    public EpssFilter(double min) {
        this.min = min;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FilterStep apply(List<VulnerabilityFinding> findings) {
        return FilterStep.partition(findings, NAME, f -> {
            if (f.epss() == null) {
                return "no EPSS score, and --min-epss " + plain(min) + " keeps only scored findings";
            }
            return f.epss() >= min ? null : "EPSS " + plain(f.epss()) + " below --min-epss " + plain(min);
        });
    }

    /** {@code 0.00062}, not {@code 6.2E-4}. */
    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
