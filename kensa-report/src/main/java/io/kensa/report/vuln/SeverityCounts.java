package io.kensa.report.vuln;

import io.kensa.core.vuln.Severity;
import io.kensa.core.vuln.VulnerabilityFinding;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How many findings there are of each severity. */
public record SeverityCounts(Map<Severity, Integer> bySeverity) {
    /** The severities from most to least severe: the order counts are printed in. */
    public static final List<Severity> MOST_SEVERE_FIRST = List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM,
            Severity.LOW, Severity.UNKNOWN);

    public SeverityCounts {
        EnumMap<Severity, Integer> all = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            all.put(s, bySeverity.getOrDefault(s, 0));
        }
        bySeverity = java.util.Collections.unmodifiableMap(all);
    }

    public static SeverityCounts of(Collection<VulnerabilityFinding> findings) {
        return of(findings, VulnerabilityFinding::severity);
    }

    /** The counts of any kind of finding, by the severity {@code severity} gives (a missing one is UNKNOWN). */
    public static <T> SeverityCounts of(Collection<T> findings, Function<T, Severity> severity) {
        Function<T, Severity> known = f -> {
            Severity s = severity.apply(f);
            return s == null ? Severity.UNKNOWN : s;
        };
        return new SeverityCounts(findings.stream().collect(Collectors.groupingBy(known, Collectors.summingInt(f -> 1))));
    }

    public int count(Severity severity) {
        return bySeverity.get(severity);
    }

    public int total() {
        return bySeverity.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** {@code Total: 12 (CRITICAL: 1, HIGH: 3, MEDIUM: 5, LOW: 2, UNKNOWN: 1)}. */
    public String summaryLine() {
        return "Total: " + countsLine();
    }

    /** {@code 12 (CRITICAL: 1, HIGH: 3, MEDIUM: 5, LOW: 2, UNKNOWN: 1)}. */
    public String countsLine() {
        return total() + " (" + MOST_SEVERE_FIRST.stream().map(s -> s.name() + ": " + count(s))
                .collect(Collectors.joining(", ")) + ")";
    }
}
