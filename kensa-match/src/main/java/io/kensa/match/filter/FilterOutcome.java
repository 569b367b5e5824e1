package io.kensa.match.filter;

import io.kensa.core.vuln.SuppressedFinding;
import io.kensa.core.vuln.VulnerabilityFinding;

import java.util.List;

/**
 * The findings after every filter.
 *
 * @param kept               what goes to the report and the gate
 * @param suppressed         what the filters took out, each naming the first filter that took it out and why
 * @param unusedIgnoreRules  ignore-file entries still applying that named no finding of the scan
 * @param expiredIgnoreRules ignore-file entries past their expiry date (they took nothing out)
 */
public record FilterOutcome(List<VulnerabilityFinding> kept, List<SuppressedFinding> suppressed,
                            List<IgnoreRule> unusedIgnoreRules, List<IgnoreRule> expiredIgnoreRules) {
    public FilterOutcome {
        kept = List.copyOf(kept);
        suppressed = List.copyOf(suppressed);
        unusedIgnoreRules = List.copyOf(unusedIgnoreRules);
        expiredIgnoreRules = List.copyOf(expiredIgnoreRules);
    }
}
