package io.kensa.match.filter;

import io.kensa.core.vuln.SuppressedFinding;
import io.kensa.core.vuln.VulnerabilityFinding;
import io.kensa.match.vex.ScanSubject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the filters the options ask for, in this order: {@code --severity}, {@code --ignore-unfixed} /
 * {@code --ignore-status}, the ignore file, {@code --vex}, {@code --min-epss}, {@code --kev-only}. A finding taken
 * out by one filter is not seen by the next, so each suppressed finding names the first filter that took it out.
 * The gate ({@link Gate}) then sees only what is kept.
 */
public final class FindingFilters {
    private FindingFilters() {
    }

    /**
     * @param findings the matcher's findings
     * @param subject  the scanned artifact and its whole inventory, against which VEX products are resolved
     * @param options  the filters asked for
     * @param clock    today's date for ignore-file expiry
     */
    public static FilterOutcome apply(List<VulnerabilityFinding> findings, ScanSubject subject, FilterOptions options,
                                      Clock clock) {
        LocalDate today = LocalDate.now(clock);
        List<VulnerabilityFinding> current = findings;
        List<SuppressedFinding> suppressed = new ArrayList<>();
        for (FindingFilter filter : chain(options, subject, today)) {
            FilterStep step = filter.apply(current);
            suppressed.addAll(step.suppressed());
            current = step.kept();
        }
        IgnoreRules rules = options.ignoreRules();
        return new FilterOutcome(current, suppressed,
                rules == null ? List.of() : rules.unused(findings, today),
                rules == null ? List.of() : rules.expired(today));
    }

    /**
     * The same, with VEX products resolved against the findings' own packages only (no artifact purl): statements
     * about components of a product then apply only when that product is itself among the vulnerable packages.
     * Prefer {@link #apply(List, ScanSubject, FilterOptions, Clock)} with the whole inventory.
     */
    public static FilterOutcome apply(List<VulnerabilityFinding> findings, FilterOptions options, Clock clock) {
        return apply(findings, ScanSubject.ofInventory(findings.stream().flatMap(f -> f.packages().stream()).toList()),
                options, clock);
    }

    /** The filters {@code options} ask for, in order. */
    static List<FindingFilter> chain(FilterOptions options, ScanSubject subject, LocalDate today) {
        List<FindingFilter> chain = new ArrayList<>();
        if (!options.severities().isEmpty()) {
            chain.add(new SeverityFilter(options.severities()));
        }
        if (options.ignoreUnfixed() || !options.ignoreStatuses().isEmpty()) {
            chain.add(new StatusFilter(options.ignoreUnfixed(), options.ignoreStatuses()));
        }
        if (options.ignoreRules() != null && !options.ignoreRules().rules().isEmpty()) {
            chain.add(new IgnoreFileFilter(options.ignoreRules(), today));
        }
        if (!options.vexDocuments().isEmpty()) {
            chain.add(new VexFilter(options.vexDocuments(), subject));
        }
        if (options.minEpss() != null) {
            chain.add(new EpssFilter(options.minEpss()));
        }
        if (options.kevOnly()) {
            chain.add(new KevOnlyFilter());
        }
        return chain;
    }
}
