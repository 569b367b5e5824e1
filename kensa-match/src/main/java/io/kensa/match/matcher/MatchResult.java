package io.kensa.match.matcher;

import io.kensa.core.vuln.VulnerabilityFinding;

import java.util.List;

/**
 * What matching an inventory gave.
 *
 * @param findings one per vulnerability per package, in package order then by id
 * @param warnings what could not be matched and why (one line each), e.g. an OS release the database has no
 *                 advisories for
 */
public record MatchResult(List<VulnerabilityFinding> findings, List<String> warnings) {
    public MatchResult {
        findings = List.copyOf(findings);
        warnings = List.copyOf(warnings);
    }
}
