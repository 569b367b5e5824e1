package io.kensa.match.filter;

import io.kensa.core.vuln.SuppressedFinding;
import io.kensa.core.vuln.VulnerabilityFinding;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What one filter did: the findings it let through and the ones it took out, with why.
 *
 * @param kept       the findings that go on to the next filter
 * @param suppressed the findings taken out, each naming this filter and its reason
 */
public record FilterStep(List<VulnerabilityFinding> kept, List<SuppressedFinding> suppressed) {
    public FilterStep {
        kept = List.copyOf(kept);
        suppressed = List.copyOf(suppressed);
    }

    /**
     * Splits whole findings: {@code reasonToSuppress} gives the reason a finding is taken out, or null to keep it.
     */
    static FilterStep partition(List<VulnerabilityFinding> findings, String filter,
                                Function<VulnerabilityFinding, String> reasonToSuppress) {
        List<VulnerabilityFinding> kept = new ArrayList<>(findings.size());
        List<SuppressedFinding> suppressed = new ArrayList<>();
        for (VulnerabilityFinding f : findings) {
            String reason = reasonToSuppress.apply(f);
            if (reason == null) {
                kept.add(f);
            } else {
                suppressed.add(new SuppressedFinding(f, filter, reason));
            }
        }
        return new FilterStep(kept, suppressed);
    }
}
