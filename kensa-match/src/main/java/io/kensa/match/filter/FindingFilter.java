package io.kensa.match.filter;

import io.kensa.core.vuln.VulnerabilityFinding;

import java.util.List;

/**
 * One filter before the gate. It takes out findings (or some of a finding's package instances: an ignore rule on a
 * path, a VEX statement about one binary) and says why; it never changes a finding otherwise.
 */
public interface FindingFilter {
    /** The name suppressed findings carry: {@code severity}, {@code status}, {@code ignore-file}, {@code vex} … */
    String name();

    /** The findings it keeps and the ones it takes out. */
    FilterStep apply(List<VulnerabilityFinding> findings);
}
