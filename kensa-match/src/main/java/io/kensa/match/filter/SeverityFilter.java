package io.kensa.match.filter;

import io.kensa.core.vuln.Severity;
import io.kensa.core.vuln.VulnerabilityFinding;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code --severity HIGH,CRITICAL}: keeps the findings whose severity is one of those listed (as Trivy does: a list,
 * not a threshold, so {@code UNKNOWN} is kept only when named).
 */
public final class SeverityFilter implements FindingFilter {
    public static final String NAME = "severity";

    private final Set<Severity> severities;
    private final String listed;

    public SeverityFilter(Set<Severity> severities) {
        if (severities.isEmpty()) {
            throw new IllegalArgumentException("no severity to keep");
        }
        this.severities = EnumSet.copyOf(severities);
        this.listed = this.severities.stream().sorted(Comparator.reverseOrder()).map(Enum::name)
                .collect(Collectors.joining(","));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FilterStep apply(List<VulnerabilityFinding> findings) {
        return FilterStep.partition(findings, NAME, f -> severities.contains(f.severity()) ? null
                : "severity " + f.severity() + " not in --severity " + listed);
    }
}
