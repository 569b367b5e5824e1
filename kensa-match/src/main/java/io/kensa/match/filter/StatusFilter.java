package io.kensa.match.filter;

import io.kensa.core.vuln.VulnerabilityFinding;
import io.kensa.core.vuln.VulnerabilityStatus;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code --ignore-unfixed} (takes out every finding without a fix: status {@code affected}, {@code will_not_fix},
 * {@code end_of_life}, {@code deferred}, or no status and no fixed version) and {@code --ignore-status S,…} (takes
 * out the findings with one of those statuses).
 */
public final class StatusFilter implements FindingFilter {
    public static final String NAME = "status";

    private final boolean ignoreUnfixed;
    private final Set<VulnerabilityStatus> ignoreStatuses;

    public StatusFilter(boolean ignoreUnfixed, Set<VulnerabilityStatus> ignoreStatuses) {
        this.ignoreUnfixed = ignoreUnfixed;
        this.ignoreStatuses = ignoreStatuses.isEmpty() ? EnumSet.noneOf(VulnerabilityStatus.class)
                : EnumSet.copyOf(ignoreStatuses);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FilterStep apply(List<VulnerabilityFinding> findings) {
        return FilterStep.partition(findings, NAME, this::reason);
    }

    private String reason(VulnerabilityFinding f) {
        if (f.status() != null && ignoreStatuses.contains(f.status())) {
            return "status " + f.status().wireName() + " in --ignore-status";
        }
        if (ignoreUnfixed && !hasFix(f)) {
            return "no fixed version (status " + (f.status() == null ? "unknown" : f.status().wireName())
                    + ") and --ignore-unfixed";
        }
        return null;
    }

    /** Fixed: status {@code fixed}, or no status but a fixed version. */
    static boolean hasFix(VulnerabilityFinding f) {
        return f.status() == VulnerabilityStatus.FIXED || f.status() == null && !f.fixedVersions().isEmpty();
    }
}
