package io.kensa.report.sbom;

/**
 * A license string that parsed as an SPDX license expression.
 *
 * @param text     the expression; for a single listed license, its id as the SPDX License List spells it
 * @param listedId true when the expression is one license of the SPDX License List (no operator, no LicenseRef)
 */
public record SpdxExpression(String text, boolean listedId) {
}
