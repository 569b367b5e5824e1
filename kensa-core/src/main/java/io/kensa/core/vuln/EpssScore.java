package io.kensa.core.vuln;

/**
 * FIRST's Exploit Prediction Scoring System score of a CVE.
 *
 * @param cve        the CVE id
 * @param score      probability of exploitation in the next 30 days, 0..1
 * @param percentile rank among all scored CVEs, 0..1; null when the source has none (EPSS v1 data)
 */
public record EpssScore(String cve, double score, Double percentile) {
}
