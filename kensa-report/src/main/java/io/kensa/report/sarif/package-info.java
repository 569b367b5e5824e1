/**
 * The SARIF 2.1.0 reporter ({@code --format sarif}), shaped for GitHub code scanning: one rule per vulnerability,
 * one result per finding per package location.
 */
package io.kensa.report.sarif;
