/**
 * What the vulnerability reporters share: the order findings are listed in ({@link io.kensa.report.vuln.FindingOrder}),
 * the targets they are grouped by ({@link io.kensa.report.vuln.FindingTargets}), severity counts, the highest CVSS
 * score, advisory ids and their pages, and the one-line remediation. Formatting only: nothing here decides what is
 * vulnerable.
 */
package io.kensa.report.vuln;
