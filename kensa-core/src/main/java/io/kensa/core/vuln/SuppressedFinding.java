package io.kensa.core.vuln;

/**
 * A finding a filter took out before the gate, with the reason, so reports can list what was hidden and why.
 *
 * @param finding the finding
 * @param filter  which filter: {@code severity}, {@code status}, {@code ignore-file}, {@code vex}, {@code epss},
 *                {@code kev}
 * @param reason  one line: the rule or statement that applied (e.g. {@code .kensaignore: CVE-2023-1234 (accepted
 *                risk, expires 2027-01-01)}, {@code VEX not_affected: vulnerable_code_not_in_execute_path})
 */
public record SuppressedFinding(VulnerabilityFinding finding, String filter, String reason) {
}
