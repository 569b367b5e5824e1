package io.kensa.report.vuln;

import io.kensa.core.vuln.VulnerabilityFinding;

import java.util.Comparator;

/**
 * The order every report lists findings in, most urgent first: severity (CRITICAL first), then known exploited
 * (CISA KEV) first, then EPSS descending (findings without a score last), then the vulnerability id; ties on all of
 * those (one vulnerability in several packages) by package name and installed version, so the order is total.
 */
public final class FindingOrder {
    /** Most urgent first. */
    public static final Comparator<VulnerabilityFinding> MOST_URGENT_FIRST = Comparator
            .comparing(VulnerabilityFinding::severity, Comparator.reverseOrder())
            .thenComparing(VulnerabilityFinding::isKev, Comparator.reverseOrder())
            .thenComparing(VulnerabilityFinding::epss, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(VulnerabilityFinding::id, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(f -> f.pkg().name(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(VulnerabilityFinding::installedVersion, Comparator.nullsLast(Comparator.naturalOrder()));

    private FindingOrder() {
    }
}
