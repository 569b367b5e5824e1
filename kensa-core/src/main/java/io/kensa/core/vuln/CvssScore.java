package io.kensa.core.vuln;

/**
 * One CVSS assessment of a vulnerability.
 *
 * @param source    who scored it ({@code nvd}, {@code ghsa}, {@code debian}, {@code redhat} …)
 * @param version   the CVSS version: {@code 2.0}, {@code 3.0}, {@code 3.1} or {@code 4.0}
 * @param vector    the vector string as published (v3 and v4 with their {@code CVSS:x.y/} prefix)
 * @param baseScore the base score computed from the vector (or as published when it cannot be computed)
 * @param severity  the qualitative rating of the base score
 */
public record CvssScore(String source, String version, String vector, double baseScore, Severity severity) {
}
