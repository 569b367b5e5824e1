package io.kensa.match.filter;

import io.kensa.core.KensaException;
import io.kensa.core.vuln.Severity;
import io.kensa.core.vuln.VulnerabilityStatus;
import io.kensa.match.vex.VexDocument;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The filters the user asked for, as the command line gives them.
 *
 * @param severities     {@code --severity}: the severities kept; empty keeps all
 * @param ignoreUnfixed  {@code --ignore-unfixed}
 * @param ignoreStatuses {@code --ignore-status}: statuses taken out
 * @param ignoreRules    the ignore file read ({@link IgnoreFile}), null when there is none
 * @param vexDocuments   {@code --vex}, in the order given (the first that speaks of a finding decides)
 * @param minEpss        {@code --min-epss}, 0..1, null when not given
 * @param kevOnly        {@code --kev-only}
 */
public record FilterOptions(Set<Severity> severities, boolean ignoreUnfixed, Set<VulnerabilityStatus> ignoreStatuses,
                            IgnoreRules ignoreRules, List<VexDocument> vexDocuments, Double minEpss, boolean kevOnly) {
    public FilterOptions {
        severities = severities == null || severities.isEmpty() ? Set.of() : Set.copyOf(severities);
        ignoreStatuses = ignoreStatuses == null ? Set.of() : Set.copyOf(ignoreStatuses);
        vexDocuments = vexDocuments == null ? List.of() : List.copyOf(vexDocuments);
        if (minEpss != null && (minEpss.isNaN() || minEpss < 0 || minEpss > 1)) {
            throw new KensaException("--min-epss must be between 0 and 1 (a probability), not " + minEpss);
        }
    }

    /** No filter: every finding goes to the gate. */
    public static FilterOptions none() {
        return new FilterOptions(Set.of(), false, Set.of(), null, List.of(), null, false);
    }

    public FilterOptions withSeverities(Set<Severity> s) {
        return new FilterOptions(s, ignoreUnfixed, ignoreStatuses, ignoreRules, vexDocuments, minEpss, kevOnly);
    }

    public FilterOptions withIgnoreUnfixed(boolean b) {
        return new FilterOptions(severities, b, ignoreStatuses, ignoreRules, vexDocuments, minEpss, kevOnly);
    }

    public FilterOptions withIgnoreStatuses(Set<VulnerabilityStatus> s) {
        return new FilterOptions(severities, ignoreUnfixed, s, ignoreRules, vexDocuments, minEpss, kevOnly);
    }

    public FilterOptions withIgnoreRules(IgnoreRules r) {
        return new FilterOptions(severities, ignoreUnfixed, ignoreStatuses, r, vexDocuments, minEpss, kevOnly);
    }

    public FilterOptions withVexDocuments(List<VexDocument> d) {
        return new FilterOptions(severities, ignoreUnfixed, ignoreStatuses, ignoreRules, d, minEpss, kevOnly);
    }

    public FilterOptions withMinEpss(Double p) {
        return new FilterOptions(severities, ignoreUnfixed, ignoreStatuses, ignoreRules, vexDocuments, p, kevOnly);
    }

    public FilterOptions withKevOnly(boolean b) {
        return new FilterOptions(severities, ignoreUnfixed, ignoreStatuses, ignoreRules, vexDocuments, minEpss, b);
    }

    /**
     * {@code --severity}'s value: comma-separated names ({@code HIGH,CRITICAL}, any case). Unlike
     * {@link Severity#parse}, a name that is no severity is an error, not UNKNOWN: a typo must not change what is
     * kept.
     */
    public static Set<Severity> parseSeverities(String list) {
        Set<Severity> out = EnumSet.noneOf(Severity.class);
        for (String name : names(list, "--severity")) {
            try {
                out.add(Severity.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new KensaException("--severity: unknown severity '" + name
                        + "' (UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL)");
            }
        }
        return out;
    }

    /** {@code --ignore-status}'s value: comma-separated statuses ({@code will_not_fix,end_of_life}). */
    public static Set<VulnerabilityStatus> parseStatuses(String list) {
        Set<VulnerabilityStatus> out = EnumSet.noneOf(VulnerabilityStatus.class);
        for (String name : names(list, "--ignore-status")) {
            VulnerabilityStatus s = VulnerabilityStatus.parse(name);
            if (s == null) {
                throw new KensaException("--ignore-status: unknown status '" + name
                        + "' (fixed, affected, will_not_fix, end_of_life, deferred)");
            }
            out.add(s);
        }
        return out;
    }

    private static List<String> names(String list, String flag) {
        if (list == null || list.isBlank()) {
            throw new KensaException(flag + ": empty list");
        }
        List<String> out = java.util.Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
        if (out.isEmpty()) {
            throw new KensaException(flag + ": empty list");
        }
        return out;
    }
}
