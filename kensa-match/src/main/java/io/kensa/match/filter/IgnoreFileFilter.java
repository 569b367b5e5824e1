package io.kensa.match.filter;

import io.kensa.core.Package;
import io.kensa.core.vuln.SuppressedFinding;
import io.kensa.core.vuln.VulnerabilityFinding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ignore file ({@code .kensaignore}, {@link IgnoreFile}): takes out the package instances of a finding that a
 * rule still applying names; expired rules take out nothing.
 */
public final class IgnoreFileFilter implements FindingFilter {
    public static final String NAME = "ignore-file";

    private final IgnoreRules rules;
    private final LocalDate today;

    public IgnoreFileFilter(IgnoreRules rules, LocalDate today) {
        this.rules = rules;
        this.today = today;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FilterStep apply(List<VulnerabilityFinding> findings) {
        List<VulnerabilityFinding> kept = new ArrayList<>(findings.size());
        List<SuppressedFinding> suppressed = new ArrayList<>();
        for (VulnerabilityFinding f : findings) {
            List<Package> keptInstances = new ArrayList<>();
            Map<IgnoreRule, List<Package>> byRule = new LinkedHashMap<>();
            for (Package instance : f.packages()) {
                IgnoreRule rule = rules.firstMatch(f, instance, today);
                if (rule == null) {
                    keptInstances.add(instance);
                } else {
                    byRule.computeIfAbsent(rule, r -> new ArrayList<>()).add(instance);
                }
            }
            if (!keptInstances.isEmpty()) {
                kept.add(FindingInstances.withPackages(f, keptInstances));
            }
            byRule.forEach((rule, instances) -> suppressed.add(
                    new SuppressedFinding(FindingInstances.withPackages(f, instances), NAME, reason(rule))));
        }
        return new FilterStep(kept, suppressed);
    }

    /** {@code .kensaignore: CVE-2023-1234 (accepted risk, expires 2027-01-01)}. */
    private String reason(IgnoreRule rule) {
        List<String> why = new ArrayList<>();
        if (rule.reason() != null) {
            why.add(rule.reason());
        }
        if (rule.expires() != null) {
            why.add("expires " + rule.expires());
        }
        return rules.source() + ": " + rule.id() + (why.isEmpty() ? "" : " (" + String.join(", ", why) + ")");
    }
}
