/**
 * What the reporters share for secrets, misconfigurations, licenses and malware: the order they are listed in
 * ({@link io.kensa.report.findings.FindingOrders}), how a layer and a place in a file are named
 * ({@link io.kensa.report.findings.LayerLabels}, {@link io.kensa.report.findings.Places}). Formatting only: the
 * findings come whole from the {@link io.kensa.core.ScanReport}; nothing here reads a file, and a secret's
 * {@code match} is printed as the engine masked it.
 */
package io.kensa.report.findings;
