package io.kensa.match.filter;

import io.kensa.core.vuln.VulnerabilityFinding;

import java.util.List;

/** {@code --kev-only}: keeps only the findings CISA lists as known exploited. */
public final class KevOnlyFilter implements FindingFilter {
    public static final String NAME = "kev";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FilterStep apply(List<VulnerabilityFinding> findings) {
        return FilterStep.partition(findings, NAME, f -> f.isKev() ? null
                : "not in the CISA KEV catalog (--kev-only)");
    }
}
